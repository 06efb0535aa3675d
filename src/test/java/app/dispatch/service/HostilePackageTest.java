package app.dispatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.DispatchException;
import app.dispatch.domain.ExportOptions;
import app.dispatch.domain.LibraryScope;
import app.dispatch.domain.Story;
import app.dispatch.pack.Fixtures;
import app.dispatch.pack.PackageContent;
import app.dispatch.pack.PackageWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every hostile package gets a clear message, writes nothing outside the library and changes nothing in it. */
class HostilePackageTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    @TempDir
    Path dir;
    Library lib;
    MemoryMedia media;
    Path inbox;
    Story existing;

    @BeforeEach
    void openLibrary() throws IOException {
        lib = Library.open(dir.resolve("lib"));
        media = new MemoryMedia();
        lib.packages().useMedia(media);
        existing = lib.stories().create(Fixtures.content().withSlug("already-here"));
        inbox = Files.createDirectories(dir.resolve("inbox"));
    }

    @AfterEach
    void close() {
        lib.close();
    }

    /** The text entries of a real package for a fresh story. */
    Map<String, byte[]> validEntries() {
        PackageContent p = Fixtures.textStory(Fixtures.content());
        return new LinkedHashMap<>(new PackageWriter("test").textEntries(p, ExportOptions.DEFAULTS, NOW));
    }

    /** Writes a ZIP with these entries and a manifest telling the truth about them. */
    Path zip(String name, Map<String, byte[]> entries, boolean manifest) throws IOException {
        Path file = inbox.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            StringBuilder files = new StringBuilder();
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
                files.append(files.length() == 0 ? "" : ",").append("{\"path\":\"").append(e.getKey().replace("\\", "\\\\"))
                        .append("\",\"size\":").append(e.getValue().length).append(",\"sha256\":\"").append(sha(e.getValue())).append("\"}");
            }
            if (manifest) {
                z.putNextEntry(new ZipEntry("manifest.json"));
                z.write(("{\"formatVersion\":1,\"kind\":\"publication\",\"storyId\":\"" + storyId(entries)
                        + "\",\"revisionId\":null,\"created\":\"2026-11-25T10:00:00Z\",\"appVersion\":\"test\",\"files\":[" + files + "]}")
                        .getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return file;
    }

    static String storyId(Map<String, byte[]> entries) {
        byte[] nat = entries.get("dispatch.json");
        if (nat == null) {
            return "00000000-0000-0000-0000-000000000001";
        }
        String s = new String(nat, StandardCharsets.UTF_8);
        int i = s.indexOf("\"id\" : \"");
        return s.substring(i + 8, i + 44);
    }

    static String sha(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Imports, expects a refusal whose message contains {@code expected}, and checks nothing changed. */
    void refused(Path file, String expected) throws IOException {
        List<Path> before = tree(dir);
        int stories = lib.stories().list(LibraryScope.ALL, null).size();
        DispatchException e = assertThrows(DispatchException.class,
                () -> lib.packages().importFile(file, PackageService.OnConflict.UPDATE, "en"));
        assertTrue(e.getMessage().toLowerCase().contains(expected.toLowerCase()), "message was: " + e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
        assertEquals(stories, lib.stories().list(LibraryScope.ALL, null).size(), "library unchanged");
        assertEquals(existing, lib.stories().get(existing.id()));
        List<Path> after = tree(dir).stream().filter(p -> !p.toString().contains("import-staging")).toList();
        assertEquals(before.stream().filter(p -> !p.toString().contains("import-staging")).toList(), after, "no file written");
        assertTrue(tree(dir.resolve("lib/import-staging")).stream().noneMatch(Files::isRegularFile), "nothing left staged");
    }

    static List<Path> tree(Path d) throws IOException {
        if (!Files.exists(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(d)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("dispatch.db")).sorted().toList();
        }
    }

    @Test
    void aValidPackageImports() throws IOException {
        Path ok = zip("ok.zip", validEntries(), true);
        assertEquals(PackageService.Outcome.CREATED, lib.packages().importFile(ok, PackageService.OnConflict.ASK, "en").outcome());
    }

    @Test
    void parentTraversalEntryIsRefused() throws IOException {
        Map<String, byte[]> e = validEntries();
        e.put("../x", "evil".getBytes());
        refused(zip("dotdot.zip", e, true), "points outside the package");
        assertTrue(!Files.exists(inbox.getParent().resolve("x")));
    }

    @Test
    void absoluteEntryIsRefused() throws IOException {
        Map<String, byte[]> e = validEntries();
        e.put("/tmp/dispatch-abs-evil", "evil".getBytes());
        refused(zip("abs.zip", e, true), "absolute");
        assertTrue(!Files.exists(Path.of("/tmp/dispatch-abs-evil")));
    }

    @Test
    void backslashTraversalEntryIsRefused() throws IOException {
        Map<String, byte[]> e = validEntries();
        e.put("..\\x", "evil".getBytes());
        refused(zip("backslash.zip", e, true), "refused");
    }

    @Test
    void driveLetterEntryIsRefused() throws IOException {
        Map<String, byte[]> e = validEntries();
        e.put("C:\\x", "evil".getBytes());
        refused(zip("drive.zip", e, true), "absolute or platform-specific");
    }

    @Test
    void symlinkEntryIsRefused() throws IOException {
        Map<String, byte[]> e = validEntries();
        e.put("media/link.jpg", "/etc/passwd".getBytes());
        Path file = zip("link.zip", e, true);
        markSymlink(file, "media/link.jpg");
        refused(file, "symbolic link");
    }

    @Test
    void zipBombIsRefusedByCountingInflatedBytes() throws IOException {
        Map<String, byte[]> e = validEntries();
        e.put("story.html", new byte[60 * 1024 * 1024]);
        refused(zip("bomb.zip", e, true), "zip bomb");
    }

    @Test
    void moreThanTenThousandEntriesAreRefused() throws IOException {
        Path file = inbox.resolve("many.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            z.setLevel(0);
            for (int i = 0; i <= 10_000; i++) {
                z.putNextEntry(new ZipEntry("media/" + i));
                z.closeEntry();
            }
        }
        refused(file, "the limit is 10000");
    }

    @Test
    void duplicateEntryNamesAreRefused() throws IOException {
        Map<String, byte[]> e = validEntries();
        e.put("story.mX", "second copy".getBytes());
        Path file = zip("dup.zip", e, true);
        byte[] bytes = Files.readAllBytes(file);
        replaceAll(bytes, "story.mX".getBytes(), "story.md".getBytes());
        Files.write(file, bytes);
        refused(file, "appears twice");
    }

    @Test
    void manifestWhoseChecksumLiesIsRefused() throws IOException {
        Map<String, byte[]> e = validEntries();
        Path file = zip("lie.zip", e, true);
        byte[] bytes = Files.readAllBytes(file);
        // rewrite the package with the same manifest but a changed body in story.md
        Map<String, byte[]> changed = new LinkedHashMap<>(e);
        changed.put("story.md", "# Changed after signing\n".getBytes());
        Path tampered = inbox.resolve("tampered.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(tampered));
             java.util.zip.ZipFile orig = new java.util.zip.ZipFile(file.toFile())) {
            for (Map.Entry<String, byte[]> x : changed.entrySet()) {
                z.putNextEntry(new ZipEntry(x.getKey()));
                z.write(x.getValue());
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("manifest.json"));
            z.write(orig.getInputStream(orig.getEntry("manifest.json")).readAllBytes());
            z.closeEntry();
        }
        assertTrue(bytes.length > 0);
        refused(tampered, "does not match manifest.json");
    }

    @Test
    void hundredMegabyteNinjsIsRefused() throws IOException {
        Map<String, byte[]> e = validEntries();
        byte[] big = new byte[100 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        byte[] head = "{\"uri\":\"x\",\"pad\":\"".getBytes();
        System.arraycopy(head, 0, big, 0, head.length);
        big[big.length - 2] = '"';
        big[big.length - 1] = '}';
        e.put("story.ninjs.json", big);
        Path file = inbox.resolve("big.zip");
        storedZip(file, e);
        refused(file, "larger than the limit");
    }

    @Test
    void ninjsNestedHundredThousandDeepIsRefused() throws IOException {
        Map<String, byte[]> e = validEntries();
        String deep = "{\"uri\":\"x\",\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        e.put("story.ninjs.json", deep.getBytes());
        refused(zip("deep.zip", e, true), "exceeds the limits for JSON");
    }

    @Test
    void ninjsWithFiftyMegabyteStringIsRefused() throws IOException {
        Map<String, byte[]> e = validEntries();
        byte[] s = new byte[50 * 1024 * 1024];
        Arrays.fill(s, (byte) 'a');
        byte[] head = "{\"uri\":\"".getBytes();
        System.arraycopy(head, 0, s, 0, head.length);
        s[s.length - 2] = '"';
        s[s.length - 1] = '}';
        e.put("story.ninjs.json", s);
        Path file = inbox.resolve("string.zip");
        storedZip(file, e);
        refused(file, "larger than the limit");
    }

    @Test
    void jsonStringLimitIsEnforcedByTheReaderItself() {
        byte[] s = ("{\"uri\":\"" + "a".repeat(9 * 1024 * 1024) + "\"}").getBytes();
        DispatchException e = assertThrows(DispatchException.class, () -> app.dispatch.pack.Ninjs.parse(s, "story.ninjs.json"));
        assertTrue(e.getMessage().contains("exceeds the limits for JSON"), e.getMessage());
    }

    @Test
    void bareNinjsFileNestedDeepIsRefused() throws IOException {
        Path f = inbox.resolve("deep.json");
        Files.writeString(f, "{\"uri\":\"x\",\"a\":" + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000) + "}");
        refused(f, "exceeds the limits for JSON");
    }

    @Test
    void bareNinjsFileWithInvalidUtf8IsRefused() throws IOException {
        Path f = inbox.resolve("bad.json");
        Files.write(f, new byte[] {'{', '"', 'u', 'r', 'i', '"', ':', '"', (byte) 0xFF, '"', '}'});
        refused(f, "not valid UTF-8");
    }

    @Test
    void xmlWithDoctypeIsRefused() throws IOException {
        Map<String, byte[]> e = validEntries();
        e.put("story.newsml.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><newsMessage>&e;</newsMessage>".getBytes());
        refused(zip("xxe.zip", e, true), "DOCTYPE");
    }

    @Test
    void billionLaughsIsRefused() throws IOException {
        Map<String, byte[]> e = validEntries();
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            x.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        x.append("]><newsMessage>&lol9;</newsMessage>");
        e.put("story.newsml.xml", x.toString().getBytes());
        refused(zip("lol.zip", e, true), "DOCTYPE");
    }

    @Test
    void invalidUtf8IsRefused() throws IOException {
        Map<String, byte[]> e = validEntries();
        e.put("story.md", new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        refused(zip("utf8.zip", e, true), "not valid UTF-8");
    }

    @Test
    void hostileImageIsRefused() throws IOException {
        PackageContent text = Fixtures.textStory(Fixtures.content());
        byte[] script = "<html><script>alert(1)</script></html>".getBytes();
        var m = Fixtures.picture(text.story().id(), 0, script, false, true);
        PackageContent p = new PackageContent(text.story(), text.revisions(), List.of(m), x -> new ByteArrayInputStream(script),
                List.of(), List.of(), List.of());
        Path file = inbox.resolve("notimage.zip");
        new PackageWriter("test").write(p, ExportOptions.DEFAULTS, file, NOW, PackageWriter.Progress.NONE, () -> false);
        refused(file, "is not a JPEG, PNG");
    }

    @Test
    void pictureDeclaringAGiganticSizeIsRefused() throws IOException {
        PackageContent text = Fixtures.textStory(Fixtures.content());
        byte[] png = pngHeader(60_000, 60_000);
        var m = Fixtures.picture(text.story().id(), 1, png, true, true);
        PackageContent p = new PackageContent(text.story(), text.revisions(), List.of(m), x -> new ByteArrayInputStream(png),
                List.of(), List.of(), List.of());
        Path file = inbox.resolve("huge.zip");
        new PackageWriter("test").write(p, ExportOptions.DEFAULTS, file, NOW, PackageWriter.Progress.NONE, () -> false);
        refused(file, "megapixels");
    }

    @Test
    void truncatedZipIsRefused() throws IOException {
        Path ok = zip("ok.zip", validEntries(), true);
        byte[] all = Files.readAllBytes(ok);
        Path cut = inbox.resolve("cut.zip");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        refused(cut, "truncated");
    }

    @Test
    void zipWithoutManifestIsRefused() throws IOException {
        refused(zip("nomanifest.zip", validEntries(), false), "no manifest.json");
    }

    static byte[] pngHeader(int w, int h) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12).order(ByteOrder.BIG_ENDIAN);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        b.putInt(13);
        int crcStart = b.position();
        b.put("IHDR".getBytes());
        b.putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(b.array(), crcStart, 17);
        b.putInt((int) crc.getValue());
        b.putInt(0);
        b.put("IEND".getBytes());
        CRC32 end = new CRC32();
        end.update("IEND".getBytes());
        b.putInt((int) end.getValue());
        return b.array();
    }

    static void storedZip(Path file, Map<String, byte[]> entries) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(os)) {
            StringBuilder files = new StringBuilder();
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                ze.setMethod(ZipEntry.STORED);
                ze.setSize(e.getValue().length);
                ze.setCompressedSize(e.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                ze.setCrc(crc.getValue());
                z.putNextEntry(ze);
                z.write(e.getValue());
                z.closeEntry();
                files.append(files.length() == 0 ? "" : ",").append("{\"path\":\"").append(e.getKey())
                        .append("\",\"size\":").append(e.getValue().length).append(",\"sha256\":\"").append(sha(e.getValue())).append("\"}");
            }
            z.putNextEntry(new ZipEntry("manifest.json"));
            z.write(("{\"formatVersion\":1,\"kind\":\"publication\",\"storyId\":\"" + storyId(entries)
                    + "\",\"created\":\"2026-11-25T10:00:00Z\",\"appVersion\":\"test\",\"files\":[" + files + "]}").getBytes());
            z.closeEntry();
        }
    }

    /** Sets "made by Unix" and a symlink mode on the central directory record of {@code name}. */
    static void markSymlink(Path file, String name) throws IOException {
        byte[] b = Files.readAllBytes(file);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 + n.length <= b.length; i++) {
            if (buf.getInt(i) == 0x02014b50 && Short.toUnsignedInt(buf.getShort(i + 28)) == n.length
                    && Arrays.equals(Arrays.copyOfRange(b, i + 46, i + 46 + n.length), n)) {
                buf.putShort(i + 4, (short) ((3 << 8) | 20));
                buf.putInt(i + 38, 0120777 << 16);
                Files.write(file, b);
                return;
            }
        }
        throw new IllegalStateException("entry not found");
    }

    static void replaceAll(byte[] b, byte[] from, byte[] to) {
        for (int i = 0; i + from.length <= b.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(b, i, i + from.length), from)) {
                System.arraycopy(to, 0, b, i, to.length);
            }
        }
    }
}
