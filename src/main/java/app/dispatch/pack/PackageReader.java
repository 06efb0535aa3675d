package app.dispatch.pack;

import app.dispatch.domain.MediaItem;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.w3c.dom.Document;

/**
 * Reads a story package from outside and checks everything before the library sees any of it:
 * safe ZIP structure, manifest sizes and checksums for every entry, strict UTF-8, JSON and XML
 * limits, the ninjs shape, the NewsML-G2 structure, and each picture through a {@link MediaCheck}.
 * Pictures are copied only into {@code stagingDir}, under names this class makes up.
 */
public final class PackageReader {
    /** A package read and checked; {@code data} is null when it has no dispatch.json (then {@code draft} is set). */
    public record Result(Manifest manifest, NativeJson.Parsed data, Ninjs.Draft draft, Map<UUID, Path> stagedMedia,
                         List<MediaItem> media) {
    }

    private PackageReader() {
    }

    public static Result read(Path zipFile, Path stagingDir, MediaCheck mediaCheck, int slugLimit) {
        List<Path> staged = new ArrayList<>();
        try (SafeZip zip = SafeZip.open(zipFile)) {
            if (!zip.has(Manifest.NAME)) {
                throw new PackageException(zipFile.getFileName() + " is not a Dispatch story package (no manifest.json)");
            }
            Manifest manifest = Manifest.fromJson(Ninjs.parse(zip.read(Manifest.NAME, PackageLimits.MAX_JSON_BYTES), Manifest.NAME));
            checkListing(zip, manifest);
            Map<String, byte[]> text = new LinkedHashMap<>();
            for (Manifest.FileEntry f : manifest.files()) {
                if (!f.path().startsWith("media/")) {
                    byte[] bytes = zip.read(f.path(), limitFor(f.path()));
                    verify(f, bytes.length, PackageWriter.sha256(bytes));
                    SafeZip.utf8(bytes, f.path());
                    text.put(f.path(), bytes);
                }
            }
            byte[] ninjsBytes = text.get(PackageWriter.NINJS);
            if (ninjsBytes == null) {
                throw new PackageException("the package has no " + PackageWriter.NINJS);
            }
            JsonNode ninjs = Ninjs.parse(ninjsBytes, PackageWriter.NINJS);
            List<String> shape = Ninjs.shapeProblems(ninjs);
            if (!shape.isEmpty()) {
                throw new PackageException(PackageWriter.NINJS + " is not valid ninjs: " + shape.get(0));
            }
            byte[] newsml = text.get(PackageWriter.NEWSML);
            if (newsml != null) {
                Document doc = SafeXml.parse(newsml, PackageWriter.NEWSML);
                List<String> problems = NewsmlChecker.check(doc, zip::has);
                if (!problems.isEmpty()) {
                    throw new PackageException(problems.get(0));
                }
            }
            byte[] nativeBytes = text.get(NativeJson.NAME);
            if (nativeBytes == null) {
                if (manifest.files().stream().anyMatch(f -> f.path().startsWith("media/"))) {
                    throw new PackageException("the package has pictures but no dispatch.json describing them");
                }
                return new Result(manifest, null, Ninjs.toDraft(ninjs, slugLimit), Map.of(), List.of());
            }
            NativeJson.Parsed data = NativeJson.read(Ninjs.parse(nativeBytes, NativeJson.NAME));
            if (!data.story().id().equals(manifest.storyId())) {
                throw new PackageException("dispatch.json describes story " + data.story().id() + " but the manifest names " + manifest.storyId());
            }
            Map<UUID, Path> stagedMedia = new LinkedHashMap<>();
            List<MediaItem> media = new ArrayList<>();
            for (MediaItem m : data.media()) {
                String entry = PackageContent.mediaEntryName(m);
                Manifest.FileEntry f = manifest.file(entry);
                if (f == null || !zip.has(entry)) {
                    throw new PackageException("picture " + entry + " is described but not in the package");
                }
                Path target = stagingDir.resolve(UUID.randomUUID() + ".staged");
                staged.add(target);
                String sha = zip.extract(entry, target, PackageLimits.MAX_MEDIA_BYTES);
                verify(f, Files.size(target), sha);
                mediaCheck.check(entry, m.mimeType(), target);
                stagedMedia.put(m.id(), target);
                media.add(new MediaItem(m.id(), m.storyId(), sha, m.fileName(), m.mimeType(), m.width(), m.height(),
                        Files.size(target), m.position(), m.lead(), m.caption(), m.credit(), m.creator(), m.copyrightNotice(),
                        m.usageTerms(), m.altText(), m.dateTaken(), m.city(), m.country(), m.keywords(), m.prefilled(),
                        m.createdAt(), null));
            }
            for (Manifest.FileEntry f : manifest.files()) {
                if (f.path().startsWith("media/") && media.stream().noneMatch(m -> PackageContent.mediaEntryName(m).equals(f.path()))) {
                    throw new PackageException(f.path() + " is in the package but not described in dispatch.json");
                }
            }
            staged.clear();
            return new Result(manifest, data, null, stagedMedia, media);
        } catch (IOException e) {
            throw new PackageException("cannot read " + zipFile + ": " + e.getMessage(), e);
        } finally {
            for (Path p : staged) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // staging folder is emptied by the caller as well
                }
            }
        }
    }

    /** Every entry must be in the manifest and every manifest file in the package. */
    static void checkListing(SafeZip zip, Manifest manifest) {
        for (SafeZip.Entry e : zip.entries().values()) {
            if (!e.directory() && !e.name().equals(Manifest.NAME) && manifest.file(e.name()) == null) {
                throw new PackageException("entry " + e.name() + " is not listed in manifest.json");
            }
        }
        for (Manifest.FileEntry f : manifest.files()) {
            SafeZip.checkName(f.path());
            if (!zip.has(f.path())) {
                throw new PackageException("manifest.json lists " + f.path() + ", which is not in the package");
            }
        }
    }

    static void verify(Manifest.FileEntry f, long size, String sha) {
        if (f.size() != size || !f.sha256().equals(sha)) {
            throw new PackageException("the checksum of " + f.path() + " does not match manifest.json: the package was changed or damaged");
        }
    }

    static long limitFor(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".json")) {
            return PackageLimits.MAX_JSON_BYTES;
        }
        if (p.endsWith(".xml")) {
            return PackageLimits.MAX_XML_BYTES;
        }
        return PackageLimits.MAX_TEXT_BYTES;
    }

    /** Reads a bare ninjs JSON file (not a package) as a draft. */
    public static Ninjs.Draft readBareNinjs(Path file, int slugLimit) {
        try {
            long size = Files.size(file);
            if (size > PackageLimits.MAX_JSON_BYTES) {
                throw new PackageException(file.getFileName() + " is larger than the limit of " + SafeZip.mb(PackageLimits.MAX_JSON_BYTES));
            }
            JsonNode n = Ninjs.parse(Files.readAllBytes(file), file.getFileName().toString());
            List<String> shape = Ninjs.shapeProblems(n);
            if (!shape.isEmpty()) {
                throw new PackageException(file.getFileName() + " is not valid ninjs: " + shape.get(0));
            }
            return Ninjs.toDraft(n, slugLimit);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new PackageException("no such file: " + file, e);
        } catch (IOException e) {
            throw new PackageException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
