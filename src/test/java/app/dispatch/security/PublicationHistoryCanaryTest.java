package app.dispatch.security;

import static app.dispatch.media.MediaTestImages.jpeg;
import static app.dispatch.media.MediaTestImages.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Dateline;
import app.dispatch.domain.ExportOptions;
import app.dispatch.domain.MediaItem;
import app.dispatch.domain.NinjsVersion;
import app.dispatch.domain.PackageKind;
import app.dispatch.domain.RevisionKind;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.pack.Standards;
import app.dispatch.service.Library;
import app.dispatch.service.MediaEdit;
import app.dispatch.testutil.CanaryScan;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the newsroom cut never leaves in a publication package (decision 0505): a name removed from the body for a
 * source's protection, a standfirst clause and an editor's note removed for legal reasons, an old caption, and a
 * sentence cut after the last revision are in no byte of any entry of the ZIP, raw or inflated, in any encoding.
 * The same story's review package still carries its history.
 */
class PublicationHistoryCanaryTest {
    @TempDir
    Path dir;

    @Test
    void textCutFromEarlierRevisionsIsInNoByteOfThePublicationPackageButTravelsInTheReviewPackage() throws Exception {
        Map<String, String> cut = new LinkedHashMap<>();
        cut.put("name in the body", CanaryScan.newCanary("Name"));
        cut.put("standfirst clause", CanaryScan.newCanary("Standfirst"));
        cut.put("editor's note", CanaryScan.newCanary("Note"));
        cut.put("headline word", CanaryScan.newCanary("Headline"));
        cut.put("tag", CanaryScan.newCanary("Tag"));
        cut.put("caption", CanaryScan.newCanary("Caption"));
        String late = CanaryScan.newCanary("Late");

        Path pub = dir.resolve("pub.zip");
        Path review = dir.resolve("review.zip");
        UUID id;
        int revisions;
        try (Library lib = Library.open(dir.resolve("lib"))) {
            Story s = lib.stories().create(StoryContent.blank("en").withSlug("contract")
                    .withHeadline("Council contract " + cut.get("headline word"))
                    .withStandfirst("The contract was signed in secret, " + cut.get("standfirst clause") + " said.")
                    .withBylines(List.of("Amina Rahimi")).withDateline(new Dateline("Kabul", null))
                    .withTags(List.of("contracts", cut.get("tag")))
                    .withEditorsNote("Legal: " + cut.get("editor's note"))
                    .withBodyHtml("<p>The council signed the contract.</p><p>The witness " + cut.get("name in the body")
                            + " saw the signing.</p>"));
            id = s.id();
            MediaItem m = lib.media().attach(id, write(dir, "hall.jpg", jpeg(80, 60, 3))).get(0);
            lib.media().update(m.id(), MediaEdit.NONE.withCaption("The hall, with " + cut.get("caption") + " at the door")
                    .withCredit("Reuters").withAltText("A council hall"));
            lib.stories().snapshot(id, RevisionKind.SNAPSHOT, "first draft");

            // the legal cut, recorded as a revision
            lib.stories().saveContent(id, lib.stories().get(id).content().withHeadline("Council contract")
                    .withStandfirst("The contract was signed in secret.").withTags(List.of("contracts")).withEditorsNote("")
                    .withBodyHtml("<p>The council signed the contract.</p><p>A witness saw the signing. " + late + " was there.</p>"));
            lib.media().update(m.id(), MediaEdit.NONE.withCaption("The council hall"));
            lib.stories().snapshot(id, RevisionKind.SNAPSHOT, "legal cut");

            // a last cut, made after the last revision, just before sending
            lib.stories().saveContent(id, lib.stories().get(id).content()
                    .withBodyHtml("<p>The council signed the contract.</p><p>A witness saw the signing.</p>"));

            lib.packages().export(List.of(id), pub, ExportOptions.DEFAULTS.withForce(true));
            lib.packages().export(List.of(id), review, ExportOptions.DEFAULTS.withKind(PackageKind.REVIEW));
            revisions = lib.stories().revisionCount(id);
        }
        Standards.assertValidPackage(pub, NinjsVersion.V3_1);
        Standards.assertValidPackage(review, NinjsVersion.V3_1);

        List<Path> pubFiles = inflate(pub);
        pubFiles.add(pub);
        Map<String, String> all = new LinkedHashMap<>(cut);
        all.put("sentence cut after the last revision", late);
        for (Map.Entry<String, String> c : all.entrySet()) {
            List<CanaryScan.Hit> hits = new ArrayList<>();
            for (Path p : pubFiles) {
                hits.addAll(CanaryScan.scanFile(p, c.getValue()));
            }
            assertTrue(hits.isEmpty(), "the cut " + c.getKey() + " is in the publication package: " + hits);
        }
        String story = entry(pub, "story.html");
        assertTrue(story.contains("A witness saw the signing."), "the scan reads the text that was published");

        List<Path> reviewFiles = inflate(review);
        for (Map.Entry<String, String> c : all.entrySet()) {
            assertTrue(reviewFiles.stream().anyMatch(p -> !CanaryScan.scanFile(p, c.getValue()).isEmpty()),
                    "the review package keeps the history, with the " + c.getKey());
            assertTrue(entry(review, "dispatch.json").contains(c.getValue()), c.getKey() + " in the review dispatch.json");
        }
        assertTrue(CanaryScan.scanFile(review, cut.get("name in the body")).isEmpty(), "deflated: scanning the raw ZIP alone would not be enough");
        assertEquals(4, revisions, "created, first draft, legal cut, and the published version the export recorded");
        assertFalse(entry(pub, "dispatch.json").contains("first draft"), "not even the old revisions' labels");
        assertTrue(entry(pub, "story.ninjs.json").contains("\"version\" : \"" + revisions + "\""), "the version still counts them all");
    }

    /** Every entry of the ZIP, inflated into its own file. */
    private List<Path> inflate(Path zip) throws Exception {
        Path out = Files.createDirectories(dir.resolve("inflated-" + zip.getFileName() + "-" + UUID.randomUUID()));
        List<Path> files = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            int i = 0;
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                Path f = out.resolve((i++) + ".bin");
                try (InputStream in = z.getInputStream(e)) {
                    Files.write(f, in.readAllBytes());
                }
                files.add(f);
            }
        }
        assertTrue(files.size() >= 7, "entries inflated: " + files.size());
        return files;
    }

    private static String entry(Path zip, String name) throws Exception {
        try (ZipFile z = new ZipFile(zip.toFile()); InputStream in = z.getInputStream(z.getEntry(name))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
