package app.dispatch.service;

import static app.dispatch.media.MediaTestImages.jpeg;
import static app.dispatch.media.MediaTestImages.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.ExportOptions;
import app.dispatch.domain.MediaItem;
import app.dispatch.domain.NinjsVersion;
import app.dispatch.domain.PackageKind;
import app.dispatch.domain.PictureCaption;
import app.dispatch.domain.Revision;
import app.dispatch.domain.Status;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.pack.Standards;
import app.dispatch.text.WordDiff;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reporter and editor on two libraries without a server: the editor's caption edit and the picture
 * the editor removed show in "changes since last review" on both machines, the same (decision 0812).
 */
class CaptionRoundTripTest {
    private static final String ROAD = "Villagers cross the flooded road";
    private static final String WADE = "Villagers wade across the flooded road near Kabul";
    private static final ExportOptions REVIEW = ExportOptions.DEFAULTS.withKind(PackageKind.REVIEW);

    @TempDir
    Path dir;

    private record Ids(UUID story, UUID road, UUID bridge) {
    }

    /** Reporter: a story with two captioned pictures, submitted and sent to the editor. */
    private Ids reporterSubmits(Path toEditor) throws Exception {
        try (Library reporter = Library.open(dir.resolve("reporter"))) {
            reporter.profile().save("Rita Reporter", "RR", Profile.Role.REPORTER);
            Story s = reporter.stories().create(StoryContent.blank("en").withHeadline("Floods hit Kabul")
                    .withBodyHtml("<p>The river rose overnight.</p>"));
            List<MediaItem> m = reporter.media().attach(s.id(), write(dir, "road.jpg", jpeg(80, 60, 1)), write(dir, "bridge.jpg", jpeg(80, 60, 2)));
            reporter.media().update(m.get(0).id(), MediaEdit.NONE.withCaption(ROAD));
            reporter.media().update(m.get(1).id(), MediaEdit.NONE.withCaption("The bridge at dawn"));
            reporter.workflow().move(s.id(), Status.SUBMITTED, "ready for the desk");
            reporter.packages().export(List.of(s.id()), toEditor, REVIEW);
            return new Ids(s.id(), m.get(0).id(), m.get(1).id());
        }
    }

    /** Editor: imports, starts the review, rewrites one caption, removes the other picture, requests changes, sends it back. */
    private ReviewDiff.Result editorReviews(Ids ids, Path toEditor, Path toReporter) {
        try (Library editor = Library.open(dir.resolve("editor"))) {
            editor.profile().save("Ed Itor", "EI", Profile.Role.EDITOR);
            assertEquals(PackageService.Outcome.CREATED, editor.packages().importFile(toEditor, PackageService.OnConflict.ASK, "en").outcome());
            Revision submitted = editor.reviewDiff().lastSubmitted(ids.story()).orElseThrow();
            assertEquals(ROAD, caption(editor.stories().captions(ids.story(), submitted.id()).orElseThrow(), ids.road()),
                    "the submission's caption snapshot came with the package");
            editor.workflow().move(ids.story(), Status.IN_REVIEW, "");
            editor.media().update(ids.road(), MediaEdit.NONE.withCaption(WADE));
            editor.media().trash(ids.bridge());
            editor.workflow().move(ids.story(), Status.CHANGES_REQUESTED, "tighten the captions");
            editor.packages().export(List.of(ids.story()), toReporter, REVIEW);
            return editor.reviewDiff().sinceLastSubmitted(ids.story()).orElseThrow();
        }
    }

    private static String caption(List<PictureCaption> list, UUID mediaId) {
        return list.stream().filter(c -> c.mediaId().equals(mediaId)).map(PictureCaption::caption).findFirst().orElse(null);
    }

    @Test
    void reporterSeesTheEditorsCaptionEditAndRemovedPictureExactlyAsTheEditorDoes() throws Exception {
        Path toEditor = dir.resolve("to-editor.zip");
        Path toReporter = dir.resolve("to-reporter.zip");
        Ids ids = reporterSubmits(toEditor);
        ReviewDiff.Result atEditor = editorReviews(ids, toEditor, toReporter);
        ReviewDiff.FieldDiff edited = atEditor.field("caption:" + ids.road()).orElseThrow();
        assertTrue(edited.changed());
        assertTrue(atEditor.field("caption:" + ids.bridge()).orElseThrow().pictureRemoved());
        Standards.assertValidPackage(toReporter, NinjsVersion.V3_1);

        try (Library reporter = Library.open(dir.resolve("reporter"))) {
            PackageService.ImportResult r = reporter.packages().importFile(toReporter, PackageService.OnConflict.UPDATE, "en");
            assertEquals(PackageService.Outcome.UPDATED, r.outcome());
            assertEquals(WADE, reporter.media().get(ids.road()).caption(), "the package's caption replaced the old one");
            assertTrue(reporter.media().get(ids.bridge()).isTrashed(), "the picture the editor removed went to the trash");

            ReviewDiff.Result atReporter = reporter.reviewDiff().sinceLastSubmitted(ids.story()).orElseThrow();
            assertEquals(atEditor.from().id(), atReporter.from().id());
            assertEquals(atEditor.fields(), atReporter.fields(), "the same diff on both machines");
            ReviewDiff.FieldDiff seen = atReporter.field("caption:" + ids.road()).orElseThrow();
            assertEquals("Caption — road.jpg", seen.label());
            String inserted = String.join(" ", seen.segments().stream().filter(x -> x.op() == WordDiff.Op.INSERT)
                    .map(WordDiff.Segment::text).toList());
            assertTrue(inserted.contains("wade") && inserted.contains("near Kabul"), seen.segments().toString());
            assertEquals("", atReporter.note());

            try (Library editor = Library.open(dir.resolve("editor"))) {
                for (Revision rev : editor.stories().revisions(ids.story())) {
                    assertEquals(editor.stories().captions(ids.story(), rev.id()), reporter.stories().captions(ids.story(), rev.id()),
                            "revision " + rev.label() + " remembers the same captions on both machines");
                }
            }
        }
    }

    @Test
    void aCaptionTheReporterChangedMeanwhileIsKeptAsARevisionWhenThePackageWins() throws Exception {
        Path toEditor = dir.resolve("to-editor.zip");
        Path toReporter = dir.resolve("to-reporter.zip");
        Ids ids = reporterSubmits(toEditor);
        editorReviews(ids, toEditor, toReporter);
        try (Library reporter = Library.open(dir.resolve("reporter"))) {
            reporter.media().update(ids.road(), MediaEdit.NONE.withCaption("Villagers on the road, Monday"));
            ImportConflictException conflict = assertThrows(ImportConflictException.class,
                    () -> reporter.packages().importFile(toReporter, PackageService.OnConflict.ASK, "en"));
            assertTrue(conflict.localChanges(), "a caption edit alone is a local change");
            reporter.packages().importFile(toReporter, PackageService.OnConflict.UPDATE, "en");
            assertEquals(WADE, reporter.media().get(ids.road()).caption());
            Revision kept = reporter.stories().revisions(ids.story()).stream()
                    .filter(x -> x.label().equals("local version before import")).findFirst().orElseThrow();
            assertEquals("Villagers on the road, Monday", caption(reporter.stories().captions(ids.story(), kept.id()).orElseThrow(), ids.road()));
            ReviewDiff.Result sinceMine = reporter.reviewDiff().toCurrent(ids.story(), kept.id().toString());
            assertTrue(sinceMine.field("caption:" + ids.road()).orElseThrow().changed());
        }
    }

    @Test
    void aPictureAttachedAfterTheExchangeIsNotTrashedByTheImport() throws Exception {
        Path toEditor = dir.resolve("to-editor.zip");
        Path toReporter = dir.resolve("to-reporter.zip");
        Ids ids = reporterSubmits(toEditor);
        editorReviews(ids, toEditor, toReporter);
        try (Library reporter = Library.open(dir.resolve("reporter"))) {
            UUID late = reporter.media().attach(ids.story(), write(dir, "late.jpg", jpeg(80, 60, 9))).get(0).id();
            reporter.packages().importFile(toReporter, PackageService.OnConflict.UPDATE, "en");
            assertFalse(reporter.media().get(late).isTrashed(), "the editor never had this picture");
            assertTrue(reporter.media().get(ids.bridge()).isTrashed());
        }
    }

    @Test
    void aPictureTheReporterTrashedMeanwhileDoesNotBreakTheImportAndStaysInTheTrash() throws Exception {
        Path toEditor = dir.resolve("to-editor.zip");
        Path toReporter = dir.resolve("to-reporter.zip");
        Ids ids = reporterSubmits(toEditor);
        try (Library editor = Library.open(dir.resolve("editor"))) {
            editor.profile().save("Ed Itor", "EI", Profile.Role.EDITOR);
            editor.packages().importFile(toEditor, PackageService.OnConflict.ASK, "en");
            editor.workflow().move(ids.story(), Status.IN_REVIEW, "");
            editor.packages().export(List.of(ids.story()), toReporter, REVIEW);
        }
        try (Library reporter = Library.open(dir.resolve("reporter"))) {
            reporter.media().trash(ids.bridge());
            assertEquals(PackageService.Outcome.UPDATED,
                    reporter.packages().importFile(toReporter, PackageService.OnConflict.UPDATE, "en").outcome());
            assertTrue(reporter.media().get(ids.bridge()).isTrashed(), "a local removal is a local change the package does not undo");
            assertEquals(2, reporter.media().listWithTrash(ids.story()).size(), "the picture was not inserted a second time");
        }
    }

    @Test
    void keepBothGivesTheCopyItsOwnPictureIdsInEveryRevisionsCaptions() throws Exception {
        Path toEditor = dir.resolve("to-editor.zip");
        Path toReporter = dir.resolve("to-reporter.zip");
        Ids ids = reporterSubmits(toEditor);
        editorReviews(ids, toEditor, toReporter);
        try (Library reporter = Library.open(dir.resolve("reporter"))) {
            UUID copy = reporter.packages().importFile(toReporter, PackageService.OnConflict.KEEP_BOTH, "en").storyId();
            List<MediaItem> pictures = reporter.media().list(copy);
            assertEquals(1, pictures.size());
            ReviewDiff.Result r = reporter.reviewDiff().sinceLastSubmitted(copy).orElseThrow();
            ReviewDiff.FieldDiff road = r.field("caption:" + pictures.get(0).id()).orElseThrow();
            assertTrue(road.changed() && !road.pictureAdded() && !road.pictureRemoved(), "the copy's picture is the same picture in its history");
            assertEquals("Caption — road.jpg", road.label());
            assertEquals(2, r.captions().size(), "the edited caption and the removed picture, nothing else");
            assertTrue(r.captions().stream().noneMatch(f -> f.field().contains(ids.road().toString()) || f.field().contains(ids.bridge().toString())),
                    "no id of the original story's pictures");
            assertEquals(ROAD, reporter.media().get(ids.road()).caption(), "the original story is unchanged");
        }
    }

    @Test
    void aPackageFromABuildWithoutCaptionSnapshotsStillImportsAndItsRevisionsCountAsUnknown() throws Exception {
        Path toEditor = dir.resolve("to-editor.zip");
        Ids ids = reporterSubmits(toEditor);
        Path old = withoutCaptionSnapshots(toEditor, dir.resolve("old-build.zip"));
        assertTrue(new String(entry(toEditor, "dispatch.json"), java.nio.charset.StandardCharsets.UTF_8).contains("\"captions\""));
        assertFalse(new String(entry(old, "dispatch.json"), java.nio.charset.StandardCharsets.UTF_8).contains("\"captions\""));
        try (Library editor = Library.open(dir.resolve("editor"))) {
            editor.profile().save("Ed Itor", "EI", Profile.Role.EDITOR);
            assertEquals(PackageService.Outcome.CREATED, editor.packages().importFile(old, PackageService.OnConflict.ASK, "en").outcome());
            assertEquals(ROAD, editor.media().get(ids.road()).caption());
            Revision submitted = editor.reviewDiff().lastSubmitted(ids.story()).orElseThrow();
            assertTrue(editor.stories().captions(ids.story(), submitted.id()).isEmpty());
            editor.media().update(ids.road(), MediaEdit.NONE.withCaption(WADE));
            ReviewDiff.Result r = editor.reviewDiff().sinceLastSubmitted(ids.story()).orElseThrow();
            assertTrue(r.captions().isEmpty());
            assertTrue(r.note().startsWith("Captions were not recorded"), r.note());
        }
    }

    /** The package as an older build wrote it: no "captions" on any revision, manifest checksums made to match. */
    static Path withoutCaptionSnapshots(Path zip, Path out) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                try (var in = z.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        JsonNode nat = json.readTree(entries.get("dispatch.json"));
        nat.path("revisions").forEach(r -> ((ObjectNode) r).remove("captions"));
        byte[] natBytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(nat);
        entries.put("dispatch.json", natBytes);
        JsonNode manifest = json.readTree(entries.get("manifest.json"));
        manifest.path("files").forEach(f -> {
            if (f.path("path").asText().equals("dispatch.json")) {
                ((ObjectNode) f).put("size", natBytes.length);
                ((ObjectNode) f).put("sha256", sha256(natBytes));
            }
        });
        entries.put("manifest.json", json.writeValueAsBytes(manifest));
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out;
    }

    static byte[] entry(Path zip, String name) throws Exception {
        try (ZipFile z = new ZipFile(zip.toFile()); var in = z.getInputStream(z.getEntry(name))) {
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
