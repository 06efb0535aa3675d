package app.dispatch.pack;

import app.dispatch.domain.Comment;
import app.dispatch.domain.Dateline;
import app.dispatch.domain.MediaItem;
import app.dispatch.domain.PackageSource;
import app.dispatch.domain.PictureCaption;
import app.dispatch.domain.Revision;
import app.dispatch.domain.RevisionKind;
import app.dispatch.domain.Status;
import app.dispatch.domain.StatusChange;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.media.MetadataReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * dispatch.json: Dispatch's own lossless record of the story, its revisions (with parent links)
 * and its pictures' metadata, plus review data (comments, status history, shareable sources) in
 * review packages. The ninjs and NewsML-G2 files are for everyone else; this is what an import reads.
 * A revision that recorded its pictures' captions carries them as {@code captions} (decision 0812);
 * a revision without the field recorded none (older builds), which is not the same as an empty list.
 */
public final class NativeJson {
    public static final String NAME = "dispatch.json";

    private NativeJson() {
    }

    /**
     * What dispatch.json holds, as read back. Review lists are empty in publication packages.
     * {@code revisionCaptions}: by revision id, the captions a revision recorded; revisions without them are absent.
     */
    public record Parsed(Story story, List<Revision> revisions, List<MediaItem> media, List<Comment> comments,
                         List<StatusChange> statusHistory, List<PackageSource> sources,
                         Map<UUID, List<PictureCaption>> revisionCaptions) {
    }

    static ObjectNode write(PackageContent p, boolean review) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("formatVersion", Manifest.FORMAT_VERSION);
        Story s = p.story();
        ObjectNode st = o.putObject("story");
        st.put("id", s.id().toString());
        st.put("status", s.status().name());
        st.put("createdAt", t(s.createdAt()));
        st.put("updatedAt", t(s.updatedAt()));
        st.put("keepLocation", s.keepLocation());
        st.put("headRevisionId", id(s.headRevisionId()));
        content(st.putObject("content"), s.content());
        ArrayNode revs = o.putArray("revisions");
        for (Revision r : p.revisions()) {
            ObjectNode x = revs.addObject();
            x.put("id", r.id().toString());
            x.put("parentId", id(r.parentId()));
            x.put("createdAt", t(r.createdAt()));
            x.put("author", r.author());
            x.put("kind", r.kind().name());
            x.put("label", r.label());
            x.put("status", r.status().name());
            content(x.putObject("content"), r.content());
            List<PictureCaption> captions = p.revisionCaptions().get(r.id());
            if (captions != null) {
                ArrayNode a = x.putArray("captions");
                for (PictureCaption c : captions) {
                    ObjectNode e = a.addObject();
                    e.put("mediaId", c.mediaId().toString());
                    e.put("position", c.position());
                    e.put("fileName", c.fileName());
                    e.put("caption", c.caption());
                }
            }
        }
        ArrayNode media = o.putArray("media");
        for (MediaItem m : p.media()) {
            ObjectNode x = media.addObject();
            x.put("id", m.id().toString());
            x.put("path", PackageContent.mediaEntryName(m));
            x.put("sha256", m.sha256());
            x.put("fileName", m.fileName());
            x.put("mimeType", m.mimeType());
            x.put("width", m.width());
            x.put("height", m.height());
            x.put("bytes", m.bytes());
            x.put("position", m.position());
            x.put("lead", m.lead());
            x.put("caption", m.caption());
            x.put("credit", m.credit());
            x.put("creator", m.creator());
            x.put("copyrightNotice", m.copyrightNotice());
            x.put("usageTerms", m.usageTerms());
            x.put("altText", m.altText());
            x.put("dateTaken", t(m.dateTaken()));
            x.put("city", m.city());
            x.put("country", m.country());
            m.keywords().forEach(x.putArray("keywords")::add);
            m.prefilled().stream().sorted().forEach(x.putArray("prefilled")::add);
            x.put("createdAt", t(m.createdAt()));
        }
        if (review) {
            ArrayNode comments = o.putArray("comments");
            for (Comment c : p.comments()) {
                ObjectNode x = comments.addObject();
                x.put("id", c.id().toString());
                x.put("parentId", id(c.parentId()));
                x.put("author", c.author());
                x.put("body", c.body());
                x.put("quote", c.quote());
                x.put("anchorStart", c.anchorStart());
                x.put("anchorEnd", c.anchorEnd());
                x.put("resolved", c.resolved());
                x.put("resolvedBy", c.resolvedBy());
                x.put("resolvedAt", t(c.resolvedAt()));
                x.put("passageRemoved", c.passageRemoved());
                x.put("createdAt", t(c.createdAt()));
                x.put("updatedAt", t(c.updatedAt()));
            }
            ArrayNode history = o.putArray("statusHistory");
            for (StatusChange c : p.statusHistory()) {
                ObjectNode x = history.addObject();
                x.put("id", c.id().toString());
                x.put("from", c.from() == null ? null : c.from().name());
                x.put("to", c.to().name());
                x.put("actor", c.actor());
                x.put("note", c.note());
                x.put("changedAt", t(c.changedAt()));
            }
            ArrayNode sources = o.putArray("sources");
            for (PackageSource c : p.sources()) {
                ObjectNode x = sources.addObject();
                x.put("id", c.id().toString());
                x.put("kind", c.kind());
                x.put("name", c.name());
                x.put("attribution", c.attribution());
                x.put("note", c.note());
            }
        }
        return o;
    }

    static void content(ObjectNode o, StoryContent c) {
        o.put("slug", c.slug());
        o.put("headline", c.headline());
        o.put("standfirst", c.standfirst());
        c.bylines().forEach(o.putArray("bylines")::add);
        o.put("datelinePlace", c.dateline().place());
        o.put("datelineDate", c.dateline().date() == null ? null : c.dateline().date().toString());
        o.put("bodyHtml", c.bodyHtml());
        c.tags().forEach(o.putArray("tags")::add);
        o.put("section", c.section());
        o.put("language", c.language());
        o.put("urgency", c.urgency());
        o.put("embargo", t(c.embargo()));
        o.put("editorsNote", c.editorsNote());
    }

    /** Reads dispatch.json; every field is checked, anything malformed is a PackageException. */
    static Parsed read(JsonNode o) {
        try {
            JsonNode st = obj(o, "story");
            UUID storyId = uuid(st, "id");
            Story story = new Story(storyId, content(obj(st, "content")), status(st, "status"), instant(st, "createdAt"),
                    instant(st, "updatedAt"), null, st.path("keepLocation").asBoolean(false), optUuid(st, "headRevisionId"));
            List<Revision> revisions = new ArrayList<>();
            Map<UUID, List<PictureCaption>> revisionCaptions = new LinkedHashMap<>();
            for (JsonNode x : arr(o, "revisions")) {
                Revision r = new Revision(uuid(x, "id"), storyId, optUuid(x, "parentId"), instant(x, "createdAt"),
                        str(x, "author"), RevisionKind.valueOf(str(x, "kind")), str(x, "label"), status(x, "status"),
                        content(obj(x, "content")));
                revisions.add(r);
                if (x.has("captions") && !x.get("captions").isNull()) {
                    revisionCaptions.put(r.id(), captions(x, r.id()));
                }
            }
            List<MediaItem> media = new ArrayList<>();
            for (JsonNode x : arr(o, "media")) {
                List<String> keywords = new ArrayList<>();
                x.path("keywords").forEach(k -> keywords.add(k.asText()));
                LinkedHashSet<String> prefilled = new LinkedHashSet<>();
                x.path("prefilled").forEach(k -> prefilled.add(k.asText()));
                String sha = str(x, "sha256");
                if (!sha.matches("[0-9a-f]{64}")) {
                    throw new PackageException("dispatch.json: a picture has no valid SHA-256");
                }
                media.add(new MediaItem(uuid(x, "id"), storyId, sha, str(x, "fileName"), str(x, "mimeType"),
                        x.path("width").asInt(), x.path("height").asInt(), x.path("bytes").asLong(), x.path("position").asInt(),
                        x.path("lead").asBoolean(), str(x, "caption"), str(x, "credit"), str(x, "creator"),
                        str(x, "copyrightNotice"), str(x, "usageTerms"), str(x, "altText"), optInstant(x, "dateTaken"),
                        str(x, "city"), str(x, "country"), keywords, prefilled, optInstant(x, "createdAt"), null));
            }
            List<Comment> comments = new ArrayList<>();
            for (JsonNode x : arr(o, "comments")) {
                comments.add(new Comment(uuid(x, "id"), storyId, optUuid(x, "parentId"), str(x, "author"), str(x, "body"),
                        str(x, "quote"), x.path("anchorStart").asInt(), x.path("anchorEnd").asInt(), x.path("resolved").asBoolean(),
                        str(x, "resolvedBy"), optInstant(x, "resolvedAt"), x.path("passageRemoved").asBoolean(false),
                        instant(x, "createdAt"), optInstant(x, "updatedAt")));
            }
            List<StatusChange> history = new ArrayList<>();
            for (JsonNode x : arr(o, "statusHistory")) {
                String from = x.path("from").isNull() || x.path("from").isMissingNode() ? null : x.path("from").asText();
                history.add(new StatusChange(uuid(x, "id"), storyId, from == null ? null : Status.valueOf(from),
                        status(x, "to"), str(x, "actor"), str(x, "note"), instant(x, "changedAt")));
            }
            List<PackageSource> sources = new ArrayList<>();
            for (JsonNode x : arr(o, "sources")) {
                sources.add(new PackageSource(uuid(x, "id"), str(x, "kind"), str(x, "name"), str(x, "attribution"), str(x, "note")));
            }
            return new Parsed(story, revisions, media, comments, history, sources, revisionCaptions);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new PackageException("dispatch.json is not valid: " + e.getMessage(), e);
        }
    }

    /** A revision's caption snapshot: each picture once, ids valid, text cleaned and within the caption limit. */
    private static List<PictureCaption> captions(JsonNode revision, UUID revisionId) {
        List<PictureCaption> out = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (JsonNode e : arr(revision, "captions")) {
            if (!e.isObject()) {
                throw new PackageException("dispatch.json: the captions of revision " + revisionId + " are not valid");
            }
            UUID mediaId = uuid(e, "mediaId");
            if (!seen.add(mediaId)) {
                throw new PackageException("dispatch.json: revision " + revisionId + " lists the caption of picture " + mediaId + " twice");
            }
            String caption = str(e, "caption");
            if (caption.length() > PackageLimits.MAX_CAPTION_CHARS) {
                throw new PackageException("dispatch.json: a caption recorded with revision " + revisionId + " is longer than "
                        + PackageLimits.MAX_CAPTION_CHARS + " characters");
            }
            String name = MetadataReader.clean(str(e, "fileName")).replace('\n', ' ');
            if (name.length() > PackageLimits.MAX_NAME_CHARS) {
                name = name.substring(0, PackageLimits.MAX_NAME_CHARS);
            }
            out.add(new PictureCaption(mediaId, e.path("position").asInt(0), name, MetadataReader.clean(caption)));
        }
        return List.copyOf(out);
    }

    static StoryContent content(JsonNode o) {
        List<String> bylines = new ArrayList<>();
        o.path("bylines").forEach(b -> bylines.add(b.asText()));
        List<String> tags = new ArrayList<>();
        o.path("tags").forEach(b -> tags.add(b.asText()));
        String date = o.path("datelineDate").isTextual() ? o.path("datelineDate").asText() : null;
        return new StoryContent(str(o, "slug"), str(o, "headline"), str(o, "standfirst"), bylines,
                new Dateline(str(o, "datelinePlace"), date == null ? null : LocalDate.parse(date)), str(o, "bodyHtml"), tags,
                str(o, "section"), str(o, "language"), o.path("urgency").asInt(StoryContent.DEFAULT_URGENCY), optInstant(o, "embargo"),
                str(o, "editorsNote"));
    }

    private static JsonNode obj(JsonNode o, String f) {
        JsonNode v = o.get(f);
        if (v == null || !v.isObject()) {
            throw new PackageException("dispatch.json has no " + f);
        }
        return v;
    }

    private static Iterable<JsonNode> arr(JsonNode o, String f) {
        JsonNode v = o.get(f);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new PackageException("dispatch.json: " + f + " is not a list");
        }
        return v;
    }

    private static String str(JsonNode o, String f) {
        JsonNode v = o.get(f);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static UUID uuid(JsonNode o, String f) {
        String v = str(o, f);
        if (v.isEmpty()) {
            throw new PackageException("dispatch.json: missing " + f);
        }
        return UUID.fromString(v);
    }

    private static UUID optUuid(JsonNode o, String f) {
        String v = str(o, f);
        return v.isEmpty() ? null : UUID.fromString(v);
    }

    private static Instant instant(JsonNode o, String f) {
        String v = str(o, f);
        if (v.isEmpty()) {
            throw new PackageException("dispatch.json: missing " + f);
        }
        return Instant.parse(v);
    }

    private static Instant optInstant(JsonNode o, String f) {
        String v = str(o, f);
        return v.isEmpty() ? null : Instant.parse(v);
    }

    private static Status status(JsonNode o, String f) {
        return Status.valueOf(str(o, f));
    }

    private static String t(Instant i) {
        return i == null ? null : i.toString();
    }

    private static String id(UUID u) {
        return u == null ? null : u.toString();
    }
}
