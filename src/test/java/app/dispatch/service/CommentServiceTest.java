package app.dispatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Comment;
import app.dispatch.domain.DispatchException;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommentServiceTest {
    @TempDir
    Path dir;

    private static final String BODY = "<p>The river rose overnight.</p><p>Twelve people died in the floods.</p><p>Aid arrived.</p>";

    @Test
    void commentOnPassageIsStoredWithItsAnchorAndRepliesFormAThread() {
        try (Library lib = Library.open(dir)) {
            lib.profile().save("Ed Itor", "EI", Profile.Role.EDITOR);
            Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Floods").withBodyHtml(BODY));
            Comment c = lib.comments().addOnPassage(s.id(), "Twelve people died", "Source for the toll?");
            lib.comments().reply(c.id(), "Police spokesman, on the record.");
            List<CommentService.Thread> threads = lib.comments().threads(s.id());
            assertEquals(1, threads.size());
            assertEquals("Ed Itor", threads.get(0).root().author());
            assertEquals("Twelve people died", threads.get(0).root().quote());
            assertEquals(1, threads.get(0).replies().size());
            String plain = app.dispatch.text.BodyHtml.plainText(BODY);
            assertEquals("Twelve people died", plain.substring(c.anchorStart(), c.anchorEnd()));
        }
    }

    @Test
    void commentOnAPassageNotInTheBodyFailsClearly() {
        try (Library lib = Library.open(dir)) {
            Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Floods").withBodyHtml(BODY));
            DispatchException e = assertThrows(DispatchException.class,
                    () -> lib.comments().addOnPassage(s.id(), "thirteen people", "?"));
            assertTrue(e.getMessage().contains("is not in the body"), e.getMessage());
            assertTrue(lib.comments().list(s.id()).isEmpty());
        }
    }

    @Test
    void resolveAndReopenRecordWhoAndWhen() {
        try (Library lib = Library.open(dir)) {
            lib.profile().save("Ed Itor", "EI", Profile.Role.EDITOR);
            Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Floods").withBodyHtml(BODY));
            Comment c = lib.comments().addOnPassage(s.id(), "Aid arrived", "When?");
            Comment r = lib.comments().resolve(c.id());
            assertTrue(lib.comments().get(c.id()).resolved());
            assertEquals("Ed Itor", lib.comments().get(c.id()).resolvedBy());
            assertTrue(r.resolvedAt() != null);
            lib.comments().reopen(c.id());
            assertFalse(lib.comments().get(c.id()).resolved());
        }
    }

    @Test
    void savingEditsKeepsCommentsOnTheirPassagesAndMarksDeletedOnes() {
        try (Library lib = Library.open(dir)) {
            Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Floods").withBodyHtml(BODY));
            Comment toll = lib.comments().addOnPassage(s.id(), "Twelve people died", "Source?");
            Comment aid = lib.comments().addOnPassage(s.id(), "Aid arrived", "When?");
            String edited = "<p>After days of rain the river rose overnight.</p><p>Twelve people died in the floods.</p>";
            lib.comments().saveAndReanchor(s.id(), lib.stories().get(s.id()).content().withBodyHtml(edited));
            String plain = app.dispatch.text.BodyHtml.plainText(edited);
            Comment t = lib.comments().get(toll.id());
            assertEquals("Twelve people died", plain.substring(t.anchorStart(), t.anchorEnd()));
            assertFalse(t.passageRemoved());
            Comment a = lib.comments().get(aid.id());
            assertTrue(a.passageRemoved());
            assertEquals("Aid arrived", a.quote());
            assertEquals("When?", a.body());
        }
    }

    @Test
    void mergeIsAUnionByIdAndTheLaterResolutionWins() {
        try (Library lib = Library.open(dir)) {
            Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Floods").withBodyHtml(BODY));
            Comment mine = lib.comments().addOnPassage(s.id(), "Aid arrived", "When?");
            Instant later = mine.updatedAt().plusSeconds(60);
            Comment theirsResolved = mine.withResolved(true, "Other Editor", later);
            Comment older = mine.withResolved(false, "", mine.updatedAt().minusSeconds(60));
            Comment theirsNew = new Comment(UUID.randomUUID(), s.id(), null, "Other Editor", "Tighten", "The river rose",
                    0, 14, false, "", null, false, later, later);
            assertEquals(2, lib.comments().merge(List.of(theirsResolved, theirsNew)));
            assertEquals(0, lib.comments().merge(List.of(older, theirsNew)));
            assertTrue(lib.comments().get(mine.id()).resolved());
            assertEquals("Other Editor", lib.comments().get(mine.id()).resolvedBy());
            assertEquals(2, lib.comments().list(s.id()).size());
        }
    }

    @Test
    void statusHistoryFromAnotherLibraryIsAddedOnceById() {
        try (Library lib = Library.open(dir)) {
            Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Floods").withBodyHtml(BODY));
            lib.workflow().move(s.id(), app.dispatch.domain.Status.SUBMITTED, "");
            java.util.List<app.dispatch.domain.StatusChange> mine = lib.workflow().history(s.id());
            app.dispatch.domain.StatusChange theirs = new app.dispatch.domain.StatusChange(UUID.randomUUID(), s.id(),
                    app.dispatch.domain.Status.SUBMITTED, app.dispatch.domain.Status.IN_REVIEW, "Other Editor", "on it",
                    mine.get(0).changedAt().plusSeconds(60));
            assertEquals(1, lib.comments().mergeStatusHistory(List.of(mine.get(0), theirs)));
            assertEquals(0, lib.comments().mergeStatusHistory(List.of(theirs)));
            assertEquals(List.of("", "Other Editor"), lib.workflow().history(s.id()).stream()
                    .map(c -> c.actor().equals("Other Editor") ? c.actor() : "").toList());
        }
    }
}
