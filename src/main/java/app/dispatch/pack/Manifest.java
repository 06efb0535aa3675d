package app.dispatch.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** manifest.json: what a package holds, with every file's size and SHA-256. Not listed in itself. */
public record Manifest(int formatVersion, String kind, UUID storyId, UUID revisionId, Instant created, String appVersion,
                       List<FileEntry> files) {
    public static final int FORMAT_VERSION = 1;
    public static final String NAME = "manifest.json";

    public record FileEntry(String path, long size, String sha256) {
    }

    public Manifest {
        files = List.copyOf(files);
    }

    ObjectNode toJson() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("formatVersion", formatVersion);
        o.put("kind", kind);
        o.put("storyId", storyId.toString());
        o.put("revisionId", revisionId == null ? null : revisionId.toString());
        o.put("created", created.toString());
        o.put("appVersion", appVersion);
        ArrayNode a = o.putArray("files");
        for (FileEntry f : files) {
            ObjectNode e = a.addObject();
            e.put("path", f.path());
            e.put("size", f.size());
            e.put("sha256", f.sha256());
        }
        return o;
    }

    /** Reads a manifest; throws PackageException naming what is wrong. */
    static Manifest fromJson(JsonNode o) {
        try {
            int version = req(o, "formatVersion").asInt();
            if (version < 1 || version > FORMAT_VERSION) {
                throw new PackageException("the package format version " + version + " is not supported (this app reads up to " + FORMAT_VERSION + ")");
            }
            List<FileEntry> files = new ArrayList<>();
            JsonNode arr = req(o, "files");
            if (!arr.isArray()) {
                throw new PackageException("manifest.json: files is not a list");
            }
            for (JsonNode f : arr) {
                String sha = req(f, "sha256").asText();
                if (!sha.matches("[0-9a-f]{64}")) {
                    throw new PackageException("manifest.json: " + f.path("path").asText() + " has no valid SHA-256");
                }
                files.add(new FileEntry(req(f, "path").asText(), req(f, "size").asLong(), sha));
            }
            JsonNode rev = o.get("revisionId");
            return new Manifest(version, o.path("kind").asText("publication"), UUID.fromString(req(o, "storyId").asText()),
                    rev == null || rev.isNull() ? null : UUID.fromString(rev.asText()),
                    Instant.parse(req(o, "created").asText()), o.path("appVersion").asText(""), files);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new PackageException("manifest.json is not valid: " + e.getMessage(), e);
        }
    }

    private static JsonNode req(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            throw new PackageException("manifest.json has no " + field);
        }
        return v;
    }

    public FileEntry file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst().orElse(null);
    }
}
