package app.dispatch.pack;

import app.dispatch.domain.Dateline;
import app.dispatch.domain.Slugs;
import app.dispatch.domain.StoryContent;
import app.dispatch.text.BodyHtml;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reading ninjs from outside (2.x lower-case or 3.x camelCase): parsing with limits, a shape check
 * against the schema's types, and mapping to a draft's content. Everything outside is untrusted.
 */
public final class Ninjs {
    /** Property names of ninjs 3.1 and the JSON type each must have ("string", "integer", "array", "object", "number"). */
    static final Map<String, String> TYPES = new HashMap<>();
    private static final Map<String, String> FROM_LOWER = new HashMap<>();
    private static final Set<String> OBJECT_TYPES = Set.of("text", "audio", "video", "picture", "graphic", "composite",
            "component", "event", "planning");
    private static final Set<String> DATE_TIMES = Set.of("firstCreated", "versionCreated", "contentCreated", "embargoedUntil", "expires");

    static {
        for (String s : ("uri representationType profile version firstCreated versionCreated contentCreated embargoedUntil "
                + "pubStatus copyrightHolder copyrightNotice usageTerms edNote language title by slugline located expires "
                + "type name rel role contentType value literal href format creator id").split(" ")) {
            TYPES.put(s, "string");
        }
        for (String s : "urgency charCount wordCount width height sizeInBytes relevance confidence".split(" ")) {
            TYPES.put(s, "number");
        }
        for (String s : ("descriptions bodies headlines people organisations places subjects events plannedCoverage objects "
                + "infoSources renditions associations altIds trustIndicators genres contactInfo").split(" ")) {
            TYPES.put(s, "array");
        }
        for (String s : "standard eventDetails rightsInfo digitalSourceType geoJSON".split(" ")) {
            TYPES.put(s, "object");
        }
        TYPES.keySet().forEach(k -> FROM_LOWER.put(k.toLowerCase(Locale.ROOT), k));
        FROM_LOWER.put("embargoed", "embargoedUntil");
        FROM_LOWER.put("contactinfo", "contactInfo");
    }

    private Ninjs() {
    }

    /** Parses outside JSON with the package limits; a clear PackageException on anything wrong. */
    public static JsonNode parse(byte[] bytes, String what) {
        if (bytes.length > PackageLimits.MAX_JSON_BYTES) {
            throw new PackageException(what + " is larger than the limit of " + SafeZip.mb(PackageLimits.MAX_JSON_BYTES));
        }
        SafeZip.utf8(bytes, what);
        try {
            JsonNode n = Json.MAPPER.readTree(bytes);
            if (n == null || !n.isObject()) {
                throw new PackageException(what + " is not a JSON object");
            }
            return n;
        } catch (StreamConstraintsException e) {
            throw new PackageException(what + " exceeds the limits for JSON from outside (" + e.getOriginalMessage() + ")", e);
        } catch (JsonProcessingException e) {
            throw new PackageException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new PackageException("cannot read " + what + ": " + e.getMessage(), e);
        }
    }

    /** A copy of a ninjs tree with 2.x lower-case names mapped to their 3.x spelling. */
    static JsonNode normalise(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(FROM_LOWER.getOrDefault(e.getKey(), e.getKey()), normalise(e.getValue()));
            }
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = Json.MAPPER.createArrayNode();
            n.forEach(x -> a.add(normalise(x)));
            return a;
        }
        return n;
    }

    /** Problems with the shape of a ninjs document (types, required members, dates); empty when fine. */
    public static List<String> shapeProblems(JsonNode raw) {
        List<String> out = new ArrayList<>();
        if (raw == null || !raw.isObject()) {
            out.add("ninjs: the document is not a JSON object");
            return out;
        }
        shape(normalise(raw), "", out, true);
        return out;
    }

    private static void shape(JsonNode o, String path, List<String> out, boolean item) {
        if (item && !o.path("uri").isTextual()) {
            out.add("ninjs" + path + ": uri is missing or not a string");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            String where = "ninjs" + path + "/" + key;
            String type = TYPES.get(key);
            if (type == null) {
                if (item) {
                    out.add(where + ": not a ninjs property");
                }
                continue;
            }
            boolean ok = switch (type) {
                case "string" -> v.isTextual();
                case "number" -> v.isNumber();
                case "array" -> v.isArray();
                default -> v.isObject();
            };
            if (!ok) {
                out.add(where + ": must be " + (type.equals("number") ? "a number" : "a" + (type.equals("array") ? "n " : " ") + type));
                continue;
            }
            if (item && key.equals("type") && !OBJECT_TYPES.contains(v.asText())) {
                out.add(where + ": " + v.asText() + " is not a ninjs object type");
            }
            if (item && DATE_TIMES.contains(key)) {
                try {
                    OffsetDateTime.parse(v.asText());
                } catch (DateTimeParseException ex) {
                    out.add(where + ": " + v.asText() + " is not a date-time");
                }
            }
            if (v.isArray()) {
                int i = 0;
                for (JsonNode x : v) {
                    String at = path + "/" + key + "/" + i++;
                    if (!x.isObject()) {
                        out.add("ninjs" + at + ": must be an object");
                        continue;
                    }
                    switch (key) {
                        case "headlines", "descriptions", "bodies" -> {
                            if (!x.path("value").isTextual()) {
                                out.add("ninjs" + at + ": value is missing or not a string");
                            }
                        }
                        case "renditions" -> {
                            if (!x.path("name").isTextual()) {
                                out.add("ninjs" + at + ": name is missing");
                            }
                        }
                        case "associations" -> {
                            if (!x.path("name").isTextual()) {
                                out.add("ninjs" + at + ": name is missing");
                            }
                            shape(x, at, out, true);
                            continue;
                        }
                        default -> { }
                    }
                    shape(x, at, out, false);
                }
            }
        }
    }

    /** What a bare ninjs document gives a new draft. Remote pictures are not fetched. */
    public record Draft(StoryContent content, int remotePictures) {
    }

    public static Draft toDraft(JsonNode raw, int slugLimit) {
        JsonNode n = normalise(raw);
        String headline = pick(n.path("headlines"), "main");
        if (headline.isBlank()) {
            headline = n.path("title").asText("");
        }
        String standfirst = pick(n.path("descriptions"), "summary");
        String body = "";
        JsonNode chosen = null;
        for (JsonNode b : n.path("bodies")) {
            String type = b.path("contentType").asText("").toLowerCase(Locale.ROOT);
            if (type.contains("html")) {
                chosen = b;
                break;
            }
            if (chosen == null) {
                chosen = b;
            }
        }
        if (chosen != null) {
            String value = chosen.path("value").asText("");
            String type = chosen.path("contentType").asText("").toLowerCase(Locale.ROOT);
            body = type.contains("html") || type.contains("xml") ? BodyHtml.sanitize(value) : BodyHtml.fromPlainText(value);
        }
        List<String> bylines = new ArrayList<>();
        for (JsonNode p : n.path("people")) {
            if (NinjsWriter.REL_AUTHOR.equals(p.path("rel").asText())) {
                bylines.add(p.path("name").asText(""));
            }
        }
        if (bylines.isEmpty() && n.path("by").isTextual()) {
            bylines.add(n.path("by").asText());
        }
        String section = "";
        List<String> tags = new ArrayList<>();
        for (JsonNode s : n.path("subjects")) {
            String name = s.path("name").asText("");
            if (NinjsWriter.REL_SECTION.equals(s.path("rel").asText())) {
                section = name;
            } else if (!name.isBlank()) {
                tags.add(name);
            }
        }
        LocalDate datelineDate = null;
        for (JsonNode a : n.path("altIds")) {
            if (NinjsWriter.ALT_ID_DATELINE_DATE.equals(a.path("role").asText())) {
                try {
                    datelineDate = LocalDate.parse(a.path("value").asText());
                } catch (DateTimeParseException ignored) {
                    // not ours
                }
            }
        }
        String language = n.path("language").asText("en");
        if (!app.dispatch.domain.Languages.isValidTag(language)) {
            language = "en";
        }
        int urgency = n.path("urgency").isNumber() ? Math.max(1, Math.min(9, n.path("urgency").asInt())) : StoryContent.DEFAULT_URGENCY;
        Instant embargo = null;
        if (n.path("embargoedUntil").isTextual()) {
            try {
                embargo = OffsetDateTime.parse(n.path("embargoedUntil").asText()).toInstant();
            } catch (DateTimeParseException ignored) {
                // an unreadable embargo is dropped; pre-flight will ask for one if needed
            }
        }
        String slug = n.path("slugline").asText("").strip().toLowerCase(Locale.ROOT);
        if (!Slugs.isValid(slug) || slug.length() > slugLimit) {
            slug = "";
        }
        int remote = 0;
        for (JsonNode a : n.path("associations")) {
            if ("picture".equals(a.path("type").asText()) || "graphic".equals(a.path("type").asText())) {
                remote++;
            }
        }
        StoryContent c = new StoryContent(slug, headline.strip(), standfirst.strip(), bylines,
                new Dateline(n.path("located").asText(""), datelineDate), body, tags, section, language, urgency, embargo,
                n.path("edNote").asText(""));
        return new Draft(c, remote);
    }

    private static String pick(JsonNode list, String role) {
        String first = "";
        for (JsonNode h : list) {
            String v = h.path("value").asText("");
            if (role.equals(h.path("role").asText())) {
                return v;
            }
            if (first.isEmpty()) {
                first = v;
            }
        }
        return first;
    }
}
