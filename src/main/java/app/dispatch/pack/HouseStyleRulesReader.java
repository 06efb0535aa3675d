package app.dispatch.pack;

import app.dispatch.check.HouseStyle;
import app.dispatch.check.HouseStyleRule;
import app.dispatch.domain.DispatchException;
import app.dispatch.domain.Severity;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a house-style rule file (format: docs/house-style.md) into {@link HouseStyle}. The file is
 * outside input: size and nesting are limited and every problem is one clear message naming the rule.
 */
public final class HouseStyleRulesReader {
    public static final long MAX_BYTES = 1_000_000;
    public static final String DEFAULT_RESOURCE = "/app/dispatch/check/house-style.json";

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxDocumentLength(MAX_BYTES).maxNestingDepth(16)
                    .maxStringLength(100_000).build())
            .build());

    private HouseStyleRulesReader() {
    }

    /** The rules that ship with Dispatch. */
    public static HouseStyle defaults() {
        try (InputStream in = HouseStyleRulesReader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new DispatchException("the default house-style rules are missing from the application");
            }
            return parse(in.readAllBytes(), "default house style");
        } catch (IOException e) {
            throw new DispatchException("cannot read the default house-style rules: " + e.getMessage(), e);
        }
    }

    public static HouseStyle read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new DispatchException("house-style file " + file + " is larger than " + MAX_BYTES + " bytes");
            }
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new DispatchException("cannot read house-style file " + file + ": " + e.getMessage(), e);
        }
    }

    public static HouseStyle parse(byte[] json, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DispatchException(where + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DispatchException(where + " cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new DispatchException(where + ": expected a JSON object with \"rules\"");
        }
        int version = root.path("version").asInt(1);
        if (version != 1) {
            throw new DispatchException(where + ": unsupported version " + version + " (this Dispatch reads version 1)");
        }
        JsonNode rules = root.path("rules");
        if (!rules.isArray()) {
            throw new DispatchException(where + ": \"rules\" must be an array");
        }
        List<HouseStyleRule> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int n = 0;
        for (JsonNode r : rules) {
            n++;
            String id = r.path("id").asText("").strip();
            if (id.isEmpty() || !id.matches("[a-z0-9][a-z0-9.-]*")) {
                throw new DispatchException(where + ": rule " + n + " needs an \"id\" of lowercase letters, digits, '.' and '-'");
            }
            if (!ids.add(id)) {
                throw new DispatchException(where + ": rule id " + id + " is used twice");
            }
            String type = r.path("type").asText("");
            if (!HouseStyleRule.TYPES.contains(type)) {
                throw new DispatchException(where + ": rule " + id + " has unknown type \"" + type + "\" (known: "
                        + String.join(", ", HouseStyleRule.TYPES) + ")");
            }
            String why = r.path("why").asText("").strip();
            if (why.isEmpty()) {
                throw new DispatchException(where + ": rule " + id + " must say \"why\"");
            }
            Severity severity;
            try {
                severity = Severity.parse(r.path("severity").asText("warning"));
            } catch (IllegalArgumentException e) {
                throw new DispatchException(where + ": rule " + id + " has unknown severity (use error, warning or info)");
            }
            Map<String, String> words = new LinkedHashMap<>();
            JsonNode w = r.path("words");
            if (!w.isMissingNode()) {
                if (!w.isObject()) {
                    throw new DispatchException(where + ": rule " + id + ": \"words\" must map each word to its preferred form");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = w.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    words.put(e.getKey(), e.getValue().asText());
                }
            }
            List<String> phrases = new ArrayList<>();
            JsonNode p = r.path("phrases");
            if (!p.isMissingNode()) {
                if (!p.isArray()) {
                    throw new DispatchException(where + ": rule " + id + ": \"phrases\" must be an array of strings");
                }
                p.forEach(x -> phrases.add(x.asText()));
            }
            out.add(new HouseStyleRule(id, type, severity, why, words, phrases, r.path("pattern").asText(""),
                    r.path("suggest").asText(""), r.path("max").asInt(0)));
        }
        try {
            return new HouseStyle(root.path("name").asText(""), out);
        } catch (IllegalArgumentException e) {
            throw new DispatchException(where + ": " + e.getMessage());
        }
    }
}
