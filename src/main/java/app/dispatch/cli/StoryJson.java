package app.dispatch.cli;

import app.dispatch.domain.PictureCaption;
import app.dispatch.domain.Revision;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.domain.StorySummary;
import app.dispatch.text.TextStats;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** The --json shapes of stories and revisions. Field names are a public interface: never rename. */
final class StoryJson {
    private StoryJson() {
    }

    static ObjectNode summary(StorySummary s) {
        ObjectNode o = LibraryCommand.JSON.createObjectNode();
        o.put("id", s.id().toString());
        o.put("slug", s.slug());
        o.put("headline", s.headline());
        o.put("status", s.status().cliName());
        strings(o.putArray("bylines"), s.bylines());
        o.put("language", s.language());
        o.put("createdAt", time(s.createdAt()));
        o.put("updatedAt", time(s.updatedAt()));
        o.put("wordCount", s.wordCount());
        o.put("trashed", s.trashed());
        return o;
    }

    static ObjectNode story(Story s, int revisionCount) {
        ObjectNode o = LibraryCommand.JSON.createObjectNode();
        o.put("id", s.id().toString());
        content(o, s.content());
        o.put("status", s.status().cliName());
        o.put("createdAt", time(s.createdAt()));
        o.put("updatedAt", time(s.updatedAt()));
        o.put("trashed", s.isTrashed());
        o.put("keepLocation", s.keepLocation());
        TextStats stats = TextStats.ofHtml(s.content().bodyHtml());
        ObjectNode counts = o.putObject("counts");
        counts.put("words", stats.words());
        counts.put("characters", stats.characters());
        counts.put("readingMinutes", stats.readingMinutes());
        counts.put("headlineCharacters", s.content().headline().codePointCount(0, s.content().headline().length()));
        o.put("revisionCount", revisionCount);
        o.put("headRevisionId", s.headRevisionId() == null ? null : s.headRevisionId().toString());
        return o;
    }

    static void content(ObjectNode o, StoryContent c) {
        o.put("slug", c.slug());
        o.put("headline", c.headline());
        o.put("standfirst", c.standfirst());
        strings(o.putArray("bylines"), c.bylines());
        ObjectNode dl = o.putObject("dateline");
        dl.put("place", c.dateline().place());
        dl.put("date", c.dateline().date() == null ? null : c.dateline().date().toString());
        o.put("body", c.bodyHtml());
        strings(o.putArray("tags"), c.tags());
        o.put("section", c.section());
        o.put("language", c.language());
        o.put("urgency", c.urgency());
        o.put("embargo", time(c.embargo()));
        o.put("editorsNote", c.editorsNote());
    }

    static ObjectNode revision(Revision r) {
        ObjectNode o = LibraryCommand.JSON.createObjectNode();
        o.put("id", r.id().toString());
        o.put("storyId", r.storyId().toString());
        o.put("parentId", r.parentId() == null ? null : r.parentId().toString());
        o.put("createdAt", time(r.createdAt()));
        o.put("author", r.author());
        o.put("kind", r.kind().name().toLowerCase());
        o.put("label", r.label());
        o.put("status", r.status().cliName());
        o.put("headline", r.content().headline());
        o.put("wordCount", TextStats.ofHtml(r.content().bodyHtml()).words());
        return o;
    }

    /**
     * Adds "captions" to a revision's JSON: the captions of the story's pictures the revision recorded
     * when it was made ({@code mediaId}, {@code fileName}, {@code caption}, in story order), or null when
     * it recorded none (made before captions were kept with revisions).
     */
    static ObjectNode captions(ObjectNode revision, List<PictureCaption> captions) {
        if (captions == null) {
            revision.putNull("captions");
            return revision;
        }
        ArrayNode a = revision.putArray("captions");
        for (PictureCaption c : captions) {
            ObjectNode o = a.addObject();
            o.put("mediaId", c.mediaId().toString());
            o.put("fileName", c.fileName());
            o.put("caption", c.caption());
        }
        return revision;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
