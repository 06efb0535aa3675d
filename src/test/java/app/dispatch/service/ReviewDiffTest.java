package app.dispatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Revision;
import app.dispatch.domain.Status;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.text.WordDiff;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewDiffTest {
    @TempDir
    Path dir;

    @Test
    void diffSinceSubmissionShowsEditorsWordChangesInHeadlineAndBody() {
        try (Library lib = Library.open(dir)) {
            lib.profile().save("Ed Itor", "EI", Profile.Role.EDITOR);
            Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Floods hit Kabul")
                    .withStandfirst("Rain for days").withBodyHtml("<p>Twelve people died.</p>"));
            assertTrue(lib.reviewDiff().sinceLastSubmitted(s.id()).isEmpty());
            lib.workflow().move(s.id(), Status.SUBMITTED, "");
            lib.stories().saveContent(s.id(), lib.stories().get(s.id()).content().withHeadline("Deadly floods hit Kabul")
                    .withBodyHtml("<p>Twelve people died, police said.</p>"));
            ReviewDiff.Result r = lib.reviewDiff().sinceLastSubmitted(s.id()).orElseThrow();
            assertTrue(r.changed());
            assertTrue(r.field("headline").orElseThrow().segments().stream()
                    .anyMatch(x -> x.op() == WordDiff.Op.INSERT && x.text().contains("Deadly")));
            assertFalse(r.field("standfirst").orElseThrow().changed());
            assertTrue(r.field("body").orElseThrow().segments().stream()
                    .anyMatch(x -> x.op() == WordDiff.Op.INSERT && x.text().contains("police said")));
        }
    }

    @Test
    void resubmittedUnchangedStoryComparesWithThePreviousSubmission() {
        try (Library lib = Library.open(dir)) {
            lib.profile().save("Ed Itor", "EI", Profile.Role.EDITOR);
            Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Floods").withBodyHtml("<p>One.</p>"));
            lib.workflow().move(s.id(), Status.SUBMITTED, "");
            lib.workflow().move(s.id(), Status.IN_REVIEW, "");
            lib.workflow().move(s.id(), Status.CHANGES_REQUESTED, "");
            lib.stories().saveContent(s.id(), lib.stories().get(s.id()).content().withBodyHtml("<p>One. Two.</p>"));
            lib.workflow().move(s.id(), Status.SUBMITTED, "");
            ReviewDiff.Result r = lib.reviewDiff().sinceLastSubmitted(s.id()).orElseThrow();
            assertTrue(r.field("body").orElseThrow().changed());
        }
    }

    @Test
    void diffBetweenAnyTwoRevisionsAndCaptionsViaTheHook() {
        try (Library lib = Library.open(dir)) {
            Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Floods").withBodyHtml("<p>One.</p>"));
            lib.stories().saveContent(s.id(), lib.stories().get(s.id()).content().withStandfirst("New standfirst"));
            lib.stories().snapshot(s.id(), app.dispatch.domain.RevisionKind.SNAPSHOT, "");
            List<Revision> revs = lib.stories().revisions(s.id());
            ReviewDiff.Result r = lib.reviewDiff().between(s.id(), revs.get(0).id().toString(), revs.get(1).id().toString());
            assertTrue(r.field("standfirst").orElseThrow().changed());
            assertFalse(r.field("body").orElseThrow().changed());
            java.util.UUID m1 = java.util.UUID.randomUUID();
            List<ReviewDiff.FieldDiff> withCaptions = ReviewDiff.diff(revs.get(0).content(), revs.get(1).content(),
                    List.of(new app.dispatch.domain.PictureCaption(m1, 0, "m1.jpg", "Flood water in Kabul")),
                    List.of(new app.dispatch.domain.PictureCaption(m1, 0, "m1.jpg", "Flood water in central Kabul")));
            assertEquals("caption:" + m1, withCaptions.get(3).field());
            assertTrue(withCaptions.get(3).changed());
        }
    }
}
