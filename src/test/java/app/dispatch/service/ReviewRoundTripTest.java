package app.dispatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Comment;
import app.dispatch.domain.Dateline;
import app.dispatch.domain.ExportOptions;
import app.dispatch.domain.PackageKind;
import app.dispatch.domain.Revision;
import app.dispatch.domain.Status;
import app.dispatch.domain.StatusChange;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.text.WordDiff;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reporter and editor on two libraries, exchanging review packages: comments, edits as a diff, status. */
class ReviewRoundTripTest {
    @TempDir
    Path dir;

    private static final String BODY = "<p>The river rose overnight.</p><p>Twelve people died in the floods.</p>";

    private UUID reporterSubmitsAndEditorReviews(Path toEditor, Path toReporter) {
        UUID id;
        try (Library reporter = Library.open(dir.resolve("reporter"))) {
            reporter.profile().save("Rita Reporter", "RR", Profile.Role.REPORTER);
            Story s = reporter.stories().create(StoryContent.blank("en").withHeadline("Floods hit Kabul")
                    .withBylines(List.of("Rita Reporter")).withDateline(new Dateline("KABUL", null)).withBodyHtml(BODY));
            id = s.id();
            reporter.workflow().move(id, Status.SUBMITTED, "ready for the desk");
            reporter.packages().export(List.of(id), toEditor, ExportOptions.DEFAULTS.withKind(PackageKind.REVIEW));
        }
        try (Library editor = Library.open(dir.resolve("editor"))) {
            editor.profile().save("Ed Itor", "EI", Profile.Role.EDITOR);
            UUID there = editor.packages().importFile(toEditor, PackageService.OnConflict.ASK, "en").storyId();
            assertEquals(id, there);
            assertEquals(Status.SUBMITTED, editor.stories().get(id).status());
            editor.workflow().move(id, Status.IN_REVIEW, "");
            Comment c = editor.comments().addOnPassage(id, "Twelve people died", "Who gave the toll?");
            editor.comments().saveAndReanchor(id, editor.stories().get(id).content()
                    .withBodyHtml("<p>The river rose overnight.</p><p>Twelve people died in the floods, police said.</p>"));
            assertEquals("Twelve people died", editor.comments().get(c.id()).quote());
            editor.workflow().move(id, Status.CHANGES_REQUESTED, "name the source");
            editor.packages().export(List.of(id), toReporter, ExportOptions.DEFAULTS.withKind(PackageKind.REVIEW));
        }
        return id;
    }

    @Test
    void reporterSeesTheEditorsCommentsEditsAsADiffAndTheNewStatus() {
        Path toEditor = dir.resolve("to-editor.zip");
        Path toReporter = dir.resolve("to-reporter.zip");
        UUID id = reporterSubmitsAndEditorReviews(toEditor, toReporter);
        try (Library reporter = Library.open(dir.resolve("reporter"))) {
            PackageService.ImportResult r = reporter.packages().importFile(toReporter, PackageService.OnConflict.UPDATE, "en");
            assertEquals(id, r.storyId());
            Story s = reporter.stories().get(id);
            assertEquals(Status.CHANGES_REQUESTED, s.status());
            List<Comment> comments = reporter.comments().list(id);
            assertEquals(1, comments.size());
            assertEquals("Ed Itor", comments.get(0).author());
            assertEquals("Twelve people died", comments.get(0).quote());
            String plain = app.dispatch.text.BodyHtml.plainText(s.content().bodyHtml());
            assertEquals("Twelve people died", plain.substring(comments.get(0).anchorStart(), comments.get(0).anchorEnd()));
            List<StatusChange> history = reporter.workflow().history(id);
            assertEquals(List.of(Status.SUBMITTED, Status.IN_REVIEW, Status.CHANGES_REQUESTED),
                    history.stream().map(StatusChange::to).toList());
            ReviewDiff.Result diff = reporter.reviewDiff().sinceLastSubmitted(id).orElseThrow();
            assertTrue(diff.field("body").orElseThrow().segments().stream()
                    .anyMatch(x -> x.op() == WordDiff.Op.INSERT && x.text().contains("police said")));
        }
    }

    @Test
    void whenBothSidesEditedNothingIsLostAndTheDiffShowsBoth() {
        Path toEditor = dir.resolve("to-editor.zip");
        Path toReporter = dir.resolve("to-reporter.zip");
        UUID id;
        try (Library reporter = Library.open(dir.resolve("reporter"))) {
            reporter.profile().save("Rita Reporter", "RR", Profile.Role.REPORTER);
        }
        id = reporterSubmitsAndEditorReviews(toEditor, toReporter);
        try (Library reporter = Library.open(dir.resolve("reporter"))) {
            reporter.stories().saveContent(id, reporter.stories().get(id).content()
                    .withBodyHtml("<p>The river rose overnight.</p><p>Twelve people died in the floods on Monday.</p>"));
            reporter.stories().snapshot(id, app.dispatch.domain.RevisionKind.SNAPSHOT, "my late fix");
            reporter.packages().importFile(toReporter, PackageService.OnConflict.UPDATE, "en");
            String now = app.dispatch.text.BodyHtml.plainText(reporter.stories().get(id).content().bodyHtml());
            assertTrue(now.contains("police said"), now);
            List<Revision> revisions = reporter.stories().revisions(id);
            Revision mine = revisions.stream().filter(r -> r.content().bodyHtml().contains("on Monday")).findFirst().orElseThrow();
            ReviewDiff.Result d = reporter.reviewDiff().toCurrent(id, mine.id().toString());
            List<WordDiff.Segment> body = d.field("body").orElseThrow().segments();
            assertTrue(body.stream().anyMatch(x -> x.op() == WordDiff.Op.DELETE && x.text().contains("Monday")), body.toString());
            String inserted = String.join(" ", body.stream().filter(x -> x.op() == WordDiff.Op.INSERT).map(WordDiff.Segment::text).toList());
            assertTrue(inserted.contains("police") && inserted.contains("said"), body.toString());
            assertFalse(reporter.comments().list(id).isEmpty());
        }
    }
}
