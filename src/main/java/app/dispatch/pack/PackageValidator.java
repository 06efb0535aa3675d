package app.dispatch.pack;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** `dispatch validate`: every problem of a package, listed; an empty list means it is valid. */
public final class PackageValidator {
    private PackageValidator() {
    }

    public static List<String> validate(Path file) {
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            return validateNinjsFile(file);
        }
        List<String> problems = new ArrayList<>();
        try (SafeZip zip = SafeZip.open(file)) {
            if (!zip.has(Manifest.NAME)) {
                problems.add("no manifest.json");
                return problems;
            }
            Manifest manifest = Manifest.fromJson(Ninjs.parse(zip.read(Manifest.NAME, PackageLimits.MAX_JSON_BYTES), Manifest.NAME));
            for (SafeZip.Entry e : zip.entries().values()) {
                if (!e.directory() && !e.name().equals(Manifest.NAME) && manifest.file(e.name()) == null) {
                    problems.add("entry " + e.name() + " is not listed in manifest.json");
                }
            }
            for (Manifest.FileEntry f : manifest.files()) {
                if (!zip.has(f.path())) {
                    problems.add("manifest.json lists " + f.path() + ", which is not in the package");
                    continue;
                }
                try {
                    byte[] bytes = zip.read(f.path(), f.path().startsWith("media/") ? PackageLimits.MAX_MEDIA_BYTES : PackageReader.limitFor(f.path()));
                    if (bytes.length != f.size() || !PackageWriter.sha256(bytes).equals(f.sha256())) {
                        problems.add("checksum of " + f.path() + " does not match manifest.json");
                    }
                } catch (PackageException e) {
                    problems.add(e.getMessage());
                }
            }
            if (!zip.has(PackageWriter.NINJS)) {
                problems.add("no " + PackageWriter.NINJS);
            } else {
                try {
                    JsonNode ninjs = Ninjs.parse(zip.read(PackageWriter.NINJS, PackageLimits.MAX_JSON_BYTES), PackageWriter.NINJS);
                    problems.addAll(Ninjs.shapeProblems(ninjs));
                } catch (PackageException e) {
                    problems.add(e.getMessage());
                }
            }
            if (!zip.has(PackageWriter.NEWSML)) {
                problems.add("no " + PackageWriter.NEWSML);
            } else {
                try {
                    problems.addAll(NewsmlChecker.check(SafeXml.parse(zip.read(PackageWriter.NEWSML, PackageLimits.MAX_XML_BYTES),
                            PackageWriter.NEWSML), zip::has));
                } catch (PackageException e) {
                    problems.add(e.getMessage());
                }
            }
        } catch (PackageException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /** A bare ninjs file: limits, UTF-8, JSON and the ninjs shape. */
    static List<String> validateNinjsFile(Path file) {
        try {
            if (java.nio.file.Files.size(file) > PackageLimits.MAX_JSON_BYTES) {
                return List.of(file.getFileName() + " is larger than the limit of " + SafeZip.mb(PackageLimits.MAX_JSON_BYTES));
            }
            return Ninjs.shapeProblems(Ninjs.parse(java.nio.file.Files.readAllBytes(file), file.getFileName().toString()));
        } catch (PackageException e) {
            return List.of(e.getMessage());
        } catch (java.io.IOException e) {
            return List.of("cannot read " + file + ": " + e.getMessage());
        }
    }
}
