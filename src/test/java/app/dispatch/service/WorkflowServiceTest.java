package app.dispatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.DispatchException;
import app.dispatch.domain.Status;
import app.dispatch.domain.StatusChange;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.domain.StorySummary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowServiceTest {
    @TempDir
    Path dir;

    private Story story(Library lib, String headline) {
        return lib.stories().create(StoryContent.blank("en").withHeadline(headline).withBodyHtml("<p>Floods in Kabul.</p>"));
    }

    @Test
    void reporterSubmitsButCannotReviewOrApprove() {
        try (Library lib = Library.open(dir)) {
            lib.profile().save("Rita Reporter", "RR", Profile.Role.REPORTER);
            Story s = story(lib, "Floods");
            lib.workflow().move(s.id(), Status.SUBMITTED, "ready");
            DispatchException e = assertThrows(DispatchException.class, () -> lib.workflow().move(s.id(), Status.IN_REVIEW, ""));
            assertTrue(e.getMessage().contains("only an editor"), e.getMessage());
            assertEquals(Status.SUBMITTED, lib.stories().get(s.id()).status());
            assertThrows(DispatchException.class, () -> lib.workflow().move(s.id(), Status.APPROVED, ""));
        }
    }

    @Test
    void editorTakesStoryThroughReviewToExportWithHistoryKept() {
        try (Library lib = Library.open(dir)) {
            Story s = story(lib, "Floods");
            lib.profile().save("Rita Reporter", "RR", Profile.Role.REPORTER);
            lib.workflow().move(s.id(), Status.SUBMITTED, "ready");
            lib.profile().save("Ed Itor", "EI", Profile.Role.EDITOR);
            lib.workflow().move(s.id(), Status.IN_REVIEW, "");
            lib.workflow().move(s.id(), Status.CHANGES_REQUESTED, "check the toll");
            lib.profile().save("Rita Reporter", "RR", Profile.Role.REPORTER);
            lib.workflow().move(s.id(), Status.SUBMITTED, "toll checked");
            lib.profile().save("Ed Itor", "EI", Profile.Role.EDITOR);
            lib.workflow().move(s.id(), Status.IN_REVIEW, "");
            lib.workflow().move(s.id(), Status.APPROVED, "good");
            lib.workflow().move(s.id(), Status.EXPORTED, "");

            List<StatusChange> h = lib.workflow().history(s.id());
            assertEquals(List.of(Status.SUBMITTED, Status.IN_REVIEW, Status.CHANGES_REQUESTED, Status.SUBMITTED,
                    Status.IN_REVIEW, Status.APPROVED, Status.EXPORTED), h.stream().map(StatusChange::to).toList());
            assertEquals("Rita Reporter", h.get(0).actor());
            assertEquals("Ed Itor", h.get(2).actor());
            assertEquals("check the toll", h.get(2).note());
            assertEquals(Status.DRAFT, h.get(0).from());
        }
    }

    @Test
    void transitionNotInTheTableIsRefusedWithTheOptions() {
        try (Library lib = Library.open(dir)) {
            lib.profile().save("Ed Itor", "EI", Profile.Role.EDITOR);
            Story s = story(lib, "Floods");
            DispatchException e = assertThrows(DispatchException.class, () -> lib.workflow().move(s.id(), Status.APPROVED, ""));
            assertTrue(e.getMessage().contains("can become: submitted"), e.getMessage());
            assertTrue(lib.workflow().history(s.id()).isEmpty());
        }
    }

    @Test
    void approvalIsRefusedWhilePreflightErrorsAreOpen() {
        try (Library lib = Library.open(dir)) {
            lib.profile().save("Ed Itor", "EI", Profile.Role.EDITOR);
            Story s = lib.stories().create(StoryContent.blank("en").withBodyHtml("<p>No headline yet.</p>")
                    .withEmbargo(Instant.parse("2020-01-01T00:00:00Z")));
            lib.workflow().move(s.id(), Status.SUBMITTED, "");
            lib.workflow().move(s.id(), Status.IN_REVIEW, "");
            DispatchException e = assertThrows(DispatchException.class, () -> lib.workflow().move(s.id(), Status.APPROVED, ""));
            assertTrue(e.getMessage().contains("2 pre-flight errors"), e.getMessage());
            lib.stories().saveContent(s.id(), lib.stories().get(s.id()).content().withHeadline("Floods").withEmbargo(null));
            lib.workflow().move(s.id(), Status.APPROVED, "");
            assertEquals(Status.APPROVED, lib.stories().get(s.id()).status());
        }
    }

    @Test
    void editAfterApprovalSendsTheStoryBackToDraft() {
        try (Library lib = Library.open(dir)) {
            lib.profile().save("Ed Itor", "EI", Profile.Role.EDITOR);
            Story s = story(lib, "Floods");
            for (Status to : List.of(Status.SUBMITTED, Status.IN_REVIEW, Status.APPROVED)) {
                lib.workflow().move(s.id(), to, "");
            }
            assertTrue(WorkflowService.editNeedsWarning(Status.APPROVED));
            assertTrue(lib.workflow().onEditAfterApproval(s.id()));
            assertEquals(Status.DRAFT, lib.stories().get(s.id()).status());
            assertEquals(WorkflowService.EDIT_AFTER_APPROVAL_NOTE, lib.workflow().history(s.id()).get(3).note());
            assertFalse(lib.workflow().onEditAfterApproval(s.id()));
        }
    }

    @Test
    void reviewQueueListsSubmittedStoriesOldestFirst() throws Exception {
        try (Library lib = Library.open(dir)) {
            Story a = story(lib, "First");
            Story b = story(lib, "Second");
            Story c = story(lib, "Not submitted");
            lib.workflow().move(b.id(), Status.SUBMITTED, "");
            Thread.sleep(5);
            lib.workflow().move(a.id(), Status.SUBMITTED, "");
            lib.stories().saveContent(b.id(), lib.stories().get(b.id()).content().withStandfirst("later edit"));
            assertEquals(List.of(b.id(), a.id()), lib.workflow().reviewQueue().stream().map(StorySummary::id).toList());
            assertFalse(lib.workflow().reviewQueue().stream().anyMatch(x -> x.id().equals(c.id())));
        }
    }
}
