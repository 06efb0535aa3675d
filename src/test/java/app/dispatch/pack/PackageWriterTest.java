package app.dispatch.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.ExportOptions;
import app.dispatch.domain.NinjsVersion;
import app.dispatch.domain.PackageKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageWriterTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    @TempDir
    Path dir;

    PackageWriter writer = new PackageWriter("test");

    @Test
    void textOnlyPackageValidatesAgainstNinjs31AndNewsml() throws IOException {
        Path zip = dir.resolve("story.zip");
        writer.write(Fixtures.textStory(Fixtures.content()), ExportOptions.DEFAULTS, zip, NOW, PackageWriter.Progress.NONE, () -> false);
        Standards.assertValidPackage(zip, NinjsVersion.V3_1);
    }

    @Test
    void ninjs22OptionValidatesAgainstNinjs22() throws IOException {
        Path zip = dir.resolve("story.zip");
        PackageContent p = Fixtures.withPictures(Fixtures.textStory(Fixtures.content().withEmbargo(NOW.plusSeconds(3600))), 2, true);
        writer.write(p, new ExportOptions(PackageKind.PUBLICATION, NinjsVersion.V2_2, false, false), zip, NOW,
                PackageWriter.Progress.NONE, () -> false);
        Standards.assertValidPackage(zip, NinjsVersion.V2_2);
    }

    @Test
    void picturesBecomeAssociationsWithCaptionCreditAndRenditionsAndValidate() throws IOException {
        Path zip = dir.resolve("story.zip");
        PackageContent p = Fixtures.withPictures(Fixtures.textStory(Fixtures.content().withEmbargo(NOW.plusSeconds(3600))), 3, true);
        writer.write(p, ExportOptions.DEFAULTS, zip, NOW, PackageWriter.Progress.NONE, () -> false);
        Standards.assertValidPackage(zip, NinjsVersion.V3_1);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            JsonNode ninjs = Json.MAPPER.readTree(Standards.read(z, PackageWriter.NINJS));
            assertEquals("composite", ninjs.path("type").asText());
            JsonNode a = ninjs.path("associations").get(0);
            assertEquals("Villagers cross the flooded road 0", a.path("descriptions").get(0).path("value").asText());
            assertEquals("Reuters/A. Rahimi", a.path("infoSources").get(0).path("name").asText());
            assertEquals("credit", a.path("infoSources").get(0).path("role").asText());
            assertEquals("A. Rahimi", a.path("by").asText());
            assertEquals("Editorial use only", a.path("usageTerms").asText());
            String href = a.path("renditions").get(0).path("href").asText();
            assertTrue(href.startsWith("media/"));
            assertEquals(ZipEntry.STORED, z.getEntry(href).getMethod(), "pictures are stored");
            assertEquals(ZipEntry.DEFLATED, z.getEntry(PackageWriter.NINJS).getMethod(), "text is deflated");
            assertEquals(NOW.plusSeconds(3600).toString(), ninjs.path("embargoedUntil").asText());
            String xml = new String(Standards.read(z, PackageWriter.NEWSML), StandardCharsets.UTF_8);
            assertTrue(xml.contains("<creditline>Reuters/A. Rahimi</creditline>"));
            assertTrue(xml.contains("ninat:picture"));
            assertEquals(4, xml.split("<newsItem ", -1).length - 1, "one text newsItem and one per picture");
        }
    }

    @Test
    void manifestListsEveryFileWithSizeAndSha256() throws IOException {
        Path zip = dir.resolve("story.zip");
        PackageContent p = Fixtures.withPictures(Fixtures.textStory(Fixtures.content()), 2, true);
        writer.write(p, ExportOptions.DEFAULTS.withKind(PackageKind.REVIEW), zip, NOW, PackageWriter.Progress.NONE, () -> false);
        Standards.assertValidPackage(zip, NinjsVersion.V3_1);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            JsonNode m = Json.MAPPER.readTree(Standards.read(z, Manifest.NAME));
            assertEquals(1, m.path("formatVersion").asInt());
            assertEquals(p.story().id().toString(), m.path("storyId").asText());
            assertEquals(p.story().headRevisionId().toString(), m.path("revisionId").asText());
            assertEquals("test", m.path("appVersion").asText());
            List<String> names = Collections.list(z.entries()).stream().map(ZipEntry::getName).filter(n -> !n.equals(Manifest.NAME)).toList();
            assertEquals(names.size(), m.path("files").size());
            for (JsonNode f : m.path("files")) {
                byte[] bytes = Standards.read(z, f.path("path").asText());
                assertEquals(bytes.length, f.path("size").asLong());
                assertEquals(Fixtures.sha256(bytes), f.path("sha256").asText());
            }
            assertTrue(names.contains("review/comments.json"));
            assertTrue(names.contains("review/revisions.json"));
            assertTrue(names.contains("story.html"));
            assertTrue(names.contains("story.md"));
        }
    }

    @Test
    void aPublicationPackageWrittenFromTheWholeHistoryStillCarriesTheHeadOnly() throws IOException {
        PackageContent text = Fixtures.textStory(Fixtures.content());
        app.dispatch.domain.Revision first = text.revisions().get(0);
        app.dispatch.domain.Revision head = text.revisions().get(1);
        java.util.UUID picture = java.util.UUID.randomUUID();
        PackageContent p = new PackageContent(text.story(), text.revisions(), List.of(), null, List.of(), List.of(), List.of(),
                java.util.Map.of(first.id(), List.of(new app.dispatch.domain.PictureCaption(picture, 0, "a.jpg", "Old caption")),
                        head.id(), List.of(new app.dispatch.domain.PictureCaption(picture, 0, "a.jpg", "Caption now"))));
        assertEquals(2, p.revisionCount(), "the constructors without a count count the revisions given");

        var pub = writer.textEntries(p, ExportOptions.DEFAULTS, NOW);
        JsonNode nat = Json.MAPPER.readTree(pub.get(NativeJson.NAME));
        assertEquals(1, nat.path("revisions").size());
        assertEquals(head.id().toString(), nat.path("revisions").get(0).path("id").asText());
        assertEquals(first.id().toString(), nat.path("revisions").get(0).path("parentId").asText());
        assertEquals("Caption now", nat.path("revisions").get(0).path("captions").get(0).path("caption").asText());
        String all = new String(pub.get(NativeJson.NAME), StandardCharsets.UTF_8);
        assertFalse(all.contains("<p>Rain.</p>") || all.contains("Old caption"), "nothing of the first revision");
        assertEquals("2", Json.MAPPER.readTree(pub.get(PackageWriter.NINJS)).path("version").asText());
        assertTrue(new String(pub.get(PackageWriter.NEWSML), StandardCharsets.UTF_8).contains(" version=\"2\" standard=\"NewsML-G2\""));
        assertTrue(pub.keySet().stream().noneMatch(n -> n.startsWith("review/")));

        var review = writer.textEntries(p, ExportOptions.DEFAULTS.withKind(PackageKind.REVIEW), NOW);
        assertEquals(2, Json.MAPPER.readTree(review.get(NativeJson.NAME)).path("revisions").size());
        assertEquals(2, Json.MAPPER.readTree(review.get("review/revisions.json")).size());

        PackageContent current = p.currentVersionOnly();
        assertEquals(List.of(head), current.revisions());
        assertEquals(2, current.revisionCount());
        assertEquals(java.util.Set.of(head.id()), current.revisionCaptions().keySet());
        assertEquals(current, current.currentVersionOnly());
        assertEquals(7, new PackageContent(text.story(), List.of(head), List.of(), null, List.of(), List.of(), List.of(),
                java.util.Map.of(), 7).revisionCount());
        PackageContent headless = PackageContent.textOnly(new app.dispatch.domain.Story(text.story().id(), text.story().content(),
                text.story().status(), text.story().createdAt(), text.story().updatedAt(), null, false, null), text.revisions());
        assertEquals(List.of(), headless.currentVersionOnly().revisions(), "without a head no revision may leave");
    }

    @Test
    void htmlPageIsStandaloneWithLangDirCaptionsAndPrintCss() {
        PackageContent p = Fixtures.withPictures(Fixtures.textStory(Fixtures.rtlContent()), 1, true);
        String html = HtmlRenderer.renderString(p);
        assertTrue(html.contains("<html lang=\"fa\" dir=\"rtl\">"));
        assertTrue(html.contains("@media print"));
        assertTrue(html.contains("src=\"media/"));
        assertTrue(html.contains("Villagers cross the flooded road 0"));
        assertTrue(html.contains("Reuters/A. Rahimi"));
        assertFalse(html.contains("<script"));
    }

    @Test
    void hostileBodyHtmlNeverReachesThePage() {
        PackageContent p = Fixtures.textStory(Fixtures.content()
                .withBodyHtml("<p>ok</p><script>alert(1)</script><img src=x onerror=alert(1)>")
                .withHeadline("<script>x</script>"));
        String html = HtmlRenderer.renderString(p);
        assertFalse(html.contains("<script>"));
        assertFalse(html.contains("onerror"));
    }

    @Test
    void cancelledExportLeavesNoFile() {
        Path zip = dir.resolve("story.zip");
        AtomicInteger calls = new AtomicInteger();
        PackageContent p = Fixtures.withPictures(Fixtures.textStory(Fixtures.content()), 3, true);
        assertThrows(CancellationException.class, () -> writer.write(p, ExportOptions.DEFAULTS, zip, NOW,
                PackageWriter.Progress.NONE, () -> calls.incrementAndGet() > 4));
        assertEquals(List.of(), list(dir));
    }

    @Test
    void failedExportLeavesNoFileAndKeepsTheOldOne() throws IOException {
        Path zip = dir.resolve("story.zip");
        Files.writeString(zip, "old");
        PackageContent ok = Fixtures.withPictures(Fixtures.textStory(Fixtures.content()), 1, true);
        PackageContent broken = new PackageContent(ok.story(), ok.revisions(), ok.media(), m -> new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        }, List.of(), List.of(), List.of());
        assertThrows(PackageException.class, () -> writer.write(broken, ExportOptions.DEFAULTS, zip, NOW, PackageWriter.Progress.NONE, () -> false));
        assertEquals(List.of(zip), list(dir));
        assertEquals("old", Files.readString(zip));
    }

    @Test
    void progressReachesTheTotal() {
        Path zip = dir.resolve("story.zip");
        long[] last = new long[2];
        writer.write(Fixtures.withPictures(Fixtures.textStory(Fixtures.content()), 2, true), ExportOptions.DEFAULTS, zip, NOW,
                (d, t) -> { last[0] = d; last[1] = t; }, () -> false);
        assertTrue(last[1] > 0);
        assertEquals(last[1], last[0]);
    }

    @Test
    void sameContentGivesTheSameNinjsBytes() {
        PackageContent p = Fixtures.withPictures(Fixtures.textStory(Fixtures.content()), 2, true);
        assertEquals(new String(NinjsWriter.write(p, NinjsVersion.V3_1), StandardCharsets.UTF_8),
                new String(NinjsWriter.write(p, NinjsVersion.V3_1), StandardCharsets.UTF_8));
    }

    @Test
    void theStandardValidatorsRejectBrokenDocuments() {
        assertFalse(Standards.ninjsProblems("{\"uri\":\"x\",\"headline\":\"not ninjs\"}".getBytes(StandardCharsets.UTF_8), NinjsVersion.V3_1).isEmpty());
        assertFalse(Standards.ninjsProblems("{\"uri\":\"x\",\"versionCreated\":\"x\",\"urgency\":\"high\"}".getBytes(StandardCharsets.UTF_8), NinjsVersion.V3_1).isEmpty());
        assertFalse(Standards.newsmlProblems(("<newsMessage xmlns=\"" + NewsmlWriter.NAR + "\"><itemSet/></newsMessage>").getBytes(StandardCharsets.UTF_8)).isEmpty());
    }

    static List<Path> list(Path d) {
        try (Stream<Path> s = Files.list(d)) {
            return s.toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
