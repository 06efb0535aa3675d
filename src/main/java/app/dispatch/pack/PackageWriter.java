package app.dispatch.pack;

import app.dispatch.domain.ExportOptions;
import app.dispatch.domain.MediaItem;
import app.dispatch.domain.PackageKind;
import app.dispatch.domain.Revision;
import app.dispatch.text.Markdown;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a story package ZIP. The ZIP is built in a temporary file next to the target, forced to
 * disk, then renamed over the target atomically: a cancelled or failed export leaves no file.
 * Pictures are STORED (they do not shrink), text is DEFLATED. Blocking: never on the FX thread.
 */
public final class PackageWriter {
    public static final String NINJS = "story.ninjs.json";
    public static final String NEWSML = "story.newsml.xml";
    public static final String HTML = "story.html";
    public static final String MARKDOWN = "story.md";

    /** Reports bytes written so far out of the total. */
    @FunctionalInterface
    public interface Progress {
        void update(long done, long total);

        Progress NONE = (d, t) -> { };
    }

    private final String appVersion;

    public PackageWriter(String appVersion) {
        this.appVersion = appVersion == null || appVersion.isBlank() ? "dev" : appVersion;
    }

    /**
     * The files of a package in the order written (manifest last), media bytes not included. A
     * publication package is made from {@link PackageContent#currentVersionOnly()} whatever it is
     * given: its dispatch.json carries the head revision only, never the drafting history (decision 0505).
     */
    public Map<String, byte[]> textEntries(PackageContent content, ExportOptions options, Instant now) {
        Map<String, byte[]> text = new LinkedHashMap<>();
        boolean review = options.kind() == PackageKind.REVIEW;
        PackageContent p = review ? content : content.currentVersionOnly();
        ObjectNode nativeJson = NativeJson.write(p, review);
        text.put(NINJS, NinjsWriter.write(p, options.ninjs()));
        text.put(NEWSML, NewsmlWriter.write(p, now));
        text.put(HTML, HtmlRenderer.render(p));
        text.put(MARKDOWN, markdown(p).getBytes(StandardCharsets.UTF_8));
        text.put(NativeJson.NAME, json(nativeJson));
        if (review) {
            ObjectNode status = Json.MAPPER.createObjectNode();
            status.put("status", p.story().status().cliName());
            status.put("headRevisionId", p.story().headRevisionId() == null ? null : p.story().headRevisionId().toString());
            text.put("review/status.json", json(status));
            text.put("review/status-history.json", json(nativeJson.get("statusHistory")));
            text.put("review/comments.json", json(nativeJson.get("comments")));
            text.put("review/sources.json", json(nativeJson.get("sources")));
            ArrayNode revs = Json.MAPPER.createArrayNode();
            for (Revision r : p.revisions()) {
                ObjectNode x = revs.addObject();
                x.put("id", r.id().toString());
                x.put("parentId", r.parentId() == null ? null : r.parentId().toString());
                x.put("createdAt", r.createdAt().toString());
                x.put("author", r.author());
                x.put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT));
                x.put("label", r.label());
                x.put("status", r.status().cliName());
                x.put("headline", r.content().headline());
            }
            text.put("review/revisions.json", json(revs));
        }
        return text;
    }

    static String markdown(PackageContent p) {
        var c = p.story().content();
        StringBuilder sb = new StringBuilder("# ").append(c.headline().replace("\n", " ")).append("\n\n");
        if (!c.standfirst().isBlank()) {
            sb.append("*").append(c.standfirst().strip()).append("*\n\n");
        }
        if (!c.bylines().isEmpty()) {
            sb.append("By ").append(String.join(", ", c.bylines())).append("\n\n");
        }
        String dateline = NewsmlWriter.dateline(c);
        if (!dateline.isEmpty()) {
            sb.append(dateline).append(" —\n\n");
        }
        sb.append(Markdown.fromBodyHtml(c.bodyHtml()));
        for (MediaItem m : p.media()) {
            sb.append("\n![").append(m.altText().replace("]", "\\]")).append("](").append(PackageContent.mediaEntryName(m)).append(")\n\n");
            sb.append(m.caption().strip());
            if (!m.credit().isBlank()) {
                sb.append(" (").append(m.credit().strip()).append(")");
            }
            sb.append("\n");
        }
        return sb.toString();
    }

    private static byte[] json(JsonNode n) {
        try {
            return (Json.MAPPER.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes the package to {@code target}, replacing it atomically. Throws CancellationException
     * when {@code cancelled} turns true; the target is then untouched and no temporary file remains.
     */
    public Manifest write(PackageContent p, ExportOptions options, Path target, Instant now, Progress progress,
                          BooleanSupplier cancelled) {
        return write(p, options, target, now, progress, cancelled, true);
    }

    /**
     * As above; with {@code syncDirectory} false the caller syncs the folder once after a batch
     * ({@link #syncDirectory}) instead of once per file.
     */
    public Manifest write(PackageContent p, ExportOptions options, Path target, Instant now, Progress progress,
                          BooleanSupplier cancelled, boolean syncDirectory) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
            Manifest manifest;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                manifest = writeZip(p, options, now, java.nio.channels.Channels.newOutputStream(ch), progress, cancelled);
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            if (syncDirectory) {
                syncDirectory(dir);
            }
            return manifest;
        } catch (IOException e) {
            throw new PackageException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary name starts with a dot and ends in .part
                }
            }
        }
    }

    private Manifest writeZip(PackageContent p, ExportOptions options, Instant now, OutputStream raw, Progress progress,
                              BooleanSupplier cancelled) throws IOException {
        Map<String, byte[]> text = textEntries(p, options, now);
        long total = text.values().stream().mapToLong(b -> b.length).sum() + p.media().stream().mapToLong(MediaItem::bytes).sum();
        long done = 0;
        List<Manifest.FileEntry> files = new ArrayList<>();
        // no close of zip before the channel is forced: finish() then flush, the channel owner closes
        ZipOutputStream zip = new ZipOutputStream(new java.io.BufferedOutputStream(raw, 1 << 16), StandardCharsets.UTF_8);
        zip.setLevel(6);
        for (Map.Entry<String, byte[]> e : text.entrySet()) {
            checkCancelled(cancelled);
            deflated(zip, e.getKey(), e.getValue(), now);
            files.add(new Manifest.FileEntry(e.getKey(), e.getValue().length, sha256(e.getValue())));
            done += e.getValue().length;
            progress.update(done, total);
        }
        for (MediaItem m : p.media()) {
            checkCancelled(cancelled);
            byte[] bytes;
            try (InputStream in = p.mediaBytes().open(m)) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, PackageLimits.MAX_MEDIA_BYTES + 1));
            }
            if (bytes.length > PackageLimits.MAX_MEDIA_BYTES) {
                throw new PackageException("picture " + m.fileName() + " is larger than the package limit");
            }
            checkCancelled(cancelled);
            String name = PackageContent.mediaEntryName(m);
            stored(zip, name, bytes, now);
            files.add(new Manifest.FileEntry(name, bytes.length, sha256(bytes)));
            done += m.bytes();
            progress.update(Math.min(done, total), total);
        }
        Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, options.kind().cliName(), p.story().id(),
                p.story().headRevisionId(), now, appVersion, files);
        deflated(zip, Manifest.NAME, json(manifest.toJson()), now);
        zip.finish();
        zip.flush();
        progress.update(total, total);
        return manifest;
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("export cancelled");
        }
    }

    private static void deflated(ZipOutputStream zip, String name, byte[] bytes, Instant now) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.DEFLATED);
        e.setTime(now.toEpochMilli());
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static void stored(ZipOutputStream zip, String name, byte[] bytes, Instant now) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(bytes.length);
        e.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        e.setCrc(crc.getValue());
        e.setTime(now.toEpochMilli());
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes renames in {@code dir} durable (a no-op where the platform cannot sync folders). */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can sync a directory (Windows); the file itself is synced
        }
    }
}
