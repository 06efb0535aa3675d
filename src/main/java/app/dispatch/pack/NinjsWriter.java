package app.dispatch.pack;

import app.dispatch.domain.MediaItem;
import app.dispatch.domain.NinjsVersion;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.text.BodyHtml;
import app.dispatch.text.TextStats;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a story as one IPTC ninjs {@code composite} item (3.1 by default, 2.2 on request), each
 * picture an association. The output is deterministic: the same content gives the same bytes.
 * Mapping: docs/decisions/0500-ninjs-and-newsml-mapping.md.
 */
public final class NinjsWriter {
    public static final String DISPATCH_URN = "urn:uuid:";
    public static final String ROLE_CREDIT = "credit";
    public static final String ROLE_ALT = "alt";
    public static final String REL_AUTHOR = "author";
    public static final String REL_SECTION = "section";
    public static final String ALT_ID_REVISION = "dispatch:revision";
    public static final String ALT_ID_DATELINE_DATE = "dispatch:dateline-date";

    private NinjsWriter() {
    }

    public static byte[] write(PackageContent p, NinjsVersion version) {
        try {
            return Json.MAPPER.writeValueAsString(tree(p, version)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode tree(PackageContent p, NinjsVersion version) {
        ObjectNode root = story(p);
        return version == NinjsVersion.V2_2 ? toV22(root) : root;
    }

    private static ObjectNode story(PackageContent p) {
        Story s = p.story();
        StoryContent c = s.content();
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("uri", DISPATCH_URN + s.id());
        ObjectNode std = o.putObject("standard");
        std.put("name", "ninjs");
        std.put("version", "3.1");
        std.put("schema", "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#");
        o.put("type", "composite");
        o.put("representationType", "full");
        o.put("version", Integer.toString(Math.max(1, p.revisionCount())));
        o.put("firstCreated", time(s.createdAt()));
        o.put("versionCreated", time(s.updatedAt()));
        if (c.embargo() != null) {
            o.put("embargoedUntil", time(c.embargo()));
        }
        o.put("pubStatus", "usable");
        o.put("urgency", c.urgency());
        o.put("language", c.language());
        if (!c.editorsNote().isBlank()) {
            o.put("edNote", c.editorsNote());
        }
        if (!c.slug().isBlank()) {
            o.put("slugline", c.slug());
        }
        if (!c.bylines().isEmpty()) {
            o.put("by", String.join(", ", c.bylines()));
        }
        if (!c.dateline().place().isBlank()) {
            o.put("located", c.dateline().place());
        }
        ArrayNode headlines = o.putArray("headlines");
        text(headlines.addObject(), "main", "text/plain", c.headline());
        if (!c.standfirst().isBlank()) {
            text(o.putArray("descriptions").addObject(), "summary", "text/plain", c.standfirst());
        }
        ObjectNode body = o.putArray("bodies").addObject();
        body.put("role", "main");
        body.put("contentType", "text/html");
        String clean = CleanBody.of(c.bodyHtml());
        TextStats stats = TextStats.ofPlainText(BodyHtml.plainText(clean));
        body.put("charCount", stats.characters());
        body.put("wordCount", stats.words());
        body.put("value", clean);
        if (!c.bylines().isEmpty()) {
            ArrayNode people = o.putArray("people");
            for (String b : c.bylines()) {
                ObjectNode person = people.addObject();
                person.put("name", b);
                person.put("rel", REL_AUTHOR);
            }
        }
        if (!c.tags().isEmpty() || !c.section().isBlank()) {
            ArrayNode subjects = o.putArray("subjects");
            if (!c.section().isBlank()) {
                ObjectNode sec = subjects.addObject();
                sec.put("name", c.section());
                sec.put("rel", REL_SECTION);
            }
            for (String t : c.tags()) {
                subjects.addObject().put("name", t);
            }
        }
        ArrayNode alt = o.putArray("altIds");
        if (s.headRevisionId() != null) {
            altId(alt, ALT_ID_REVISION, s.headRevisionId().toString());
        }
        if (c.dateline().date() != null) {
            altId(alt, ALT_ID_DATELINE_DATE, c.dateline().date().toString());
        }
        if (alt.isEmpty()) {
            o.remove("altIds");
        }
        if (!p.media().isEmpty()) {
            ArrayNode assoc = o.putArray("associations");
            int n = 1;
            for (MediaItem m : p.media()) {
                assoc.add(picture(m, n++, s));
            }
        }
        return o;
    }

    private static ObjectNode picture(MediaItem m, int n, Story s) {
        ObjectNode a = Json.MAPPER.createObjectNode();
        a.put("name", "picture" + n);
        a.put("rel", m.lead() ? "lead" : "inline");
        a.put("uri", DISPATCH_URN + m.id());
        a.put("type", "picture");
        a.put("representationType", "full");
        a.put("versionCreated", time(m.createdAt() == null ? s.updatedAt() : m.createdAt()));
        if (m.dateTaken() != null) {
            a.put("contentCreated", time(m.dateTaken()));
        }
        if (!m.credit().isBlank()) {
            a.put("copyrightHolder", m.credit());
        }
        if (!m.copyrightNotice().isBlank()) {
            a.put("copyrightNotice", m.copyrightNotice());
        }
        if (!m.usageTerms().isBlank()) {
            a.put("usageTerms", m.usageTerms());
        }
        a.put("language", s.content().language());
        if (!m.caption().isBlank() || !m.altText().isBlank()) {
            ArrayNode d = a.putArray("descriptions");
            if (!m.caption().isBlank()) {
                text(d.addObject(), "caption", "text/plain", m.caption());
            }
            if (!m.altText().isBlank()) {
                text(d.addObject(), ROLE_ALT, "text/plain", m.altText());
            }
        }
        if (!m.keywords().isEmpty()) {
            ArrayNode subjects = a.putArray("subjects");
            m.keywords().forEach(k -> subjects.addObject().put("name", k));
        }
        if (!m.city().isBlank() || !m.country().isBlank()) {
            a.put("located", String.join(", ", List.of(m.city(), m.country()).stream().filter(x -> !x.isBlank()).toList()));
        }
        if (!m.creator().isBlank()) {
            a.put("by", m.creator());
        }
        if (!m.credit().isBlank()) {
            ObjectNode src = a.putArray("infoSources").addObject();
            src.put("name", m.credit());
            src.put("role", ROLE_CREDIT);
        }
        ObjectNode r = a.putArray("renditions").addObject();
        r.put("name", "original");
        r.put("href", PackageContent.mediaEntryName(m));
        r.put("contentType", m.mimeType());
        if (m.width() > 0) {
            r.put("width", m.width());
        }
        if (m.height() > 0) {
            r.put("height", m.height());
        }
        r.put("sizeInBytes", m.bytes());
        return a;
    }

    private static void text(ObjectNode o, String role, String type, String value) {
        o.put("role", role);
        o.put("contentType", type);
        o.put("value", value);
    }

    private static void altId(ArrayNode a, String role, String value) {
        ObjectNode o = a.addObject();
        o.put("role", role);
        o.put("value", value);
    }

    static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    /** ninjs 2.x spells every property in lower case and calls the embargo "embargoed". */
    private static ObjectNode toV22(ObjectNode v31) {
        ObjectNode out = (ObjectNode) lower(v31);
        JsonNode assoc = out.get("associations");
        if (assoc != null) {
            assoc.forEach(a -> ((ObjectNode) a).remove("rel"));
        }
        ObjectNode std = (ObjectNode) out.get("standard");
        std.put("version", "2.2");
        std.put("schema", "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#");
        return out;
    }

    private static final Map<String, String> V22_NAMES = Map.of("embargoedUntil", "embargoed");

    private static JsonNode lower(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = V22_NAMES.getOrDefault(e.getKey(), e.getKey()).toLowerCase(Locale.ROOT);
                o.set(key, lower(e.getValue()));
            }
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = Json.MAPPER.createArrayNode();
            n.forEach(x -> a.add(lower(x)));
            return a;
        }
        return n;
    }
}
