package app.dispatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.NotFoundException;
import app.dispatch.domain.Revision;
import app.dispatch.domain.RevisionKind;
import app.dispatch.domain.Status;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryServiceTest {
    @TempDir
    Path dir;

    @Test
    void restoreMakesANewRevisionNamingItsParentAndKeepsTheOldOnes() {
        try (Library lib = Library.open(dir)) {
            StoryService stories = lib.stories();
            Story s = stories.create(StoryContent.blank("en").withHeadline("Version one").withBodyHtml("<p>first text</p>"));
            Revision first = stories.revisions(s.id()).get(0);
            assertNull(first.parentId());
            assertEquals(RevisionKind.CREATED, first.kind());

            stories.saveContent(s.id(), s.content().withHeadline("Version two").withBodyHtml("<p>second text</p>"));
            Revision second = stories.snapshot(s.id(), RevisionKind.SNAPSHOT, "before the rewrite");
            assertEquals(first.id(), second.parentId());

            Story restored = stories.restore(s.id(), first.id());
            assertEquals("Version one", restored.content().headline());
            assertEquals("<p>first text</p>", restored.content().bodyHtml());

            List<Revision> all = stories.revisions(s.id());
            assertEquals(3, all.size());
            Revision made = all.get(2);
            assertEquals(RevisionKind.RESTORE, made.kind());
            assertEquals(second.id(), made.parentId(), "the restore's parent is the head it replaced");
            assertEquals(made.id(), restored.headRevisionId());
            assertEquals("Version one", made.content().headline());
            assertEquals("<p>second text</p>", all.get(1).content().bodyHtml(), "older revisions are untouched");
            assertEquals("<p>first text</p>", all.get(0).content().bodyHtml());
        }
    }

    @Test
    void restoreKeepsTheCurrentSlugAndRefusesRevisionsOfOtherStories() {
        try (Library lib = Library.open(dir)) {
            StoryService stories = lib.stories();
            Story a = stories.create(StoryContent.blank("en").withHeadline("Alpha"));
            Story b = stories.create(StoryContent.blank("en").withHeadline("Beta"));
            stories.saveContent(a.id(), a.content().withSlug("alpha-renamed"));
            Story back = stories.restore(a.id(), stories.revisions(a.id()).get(0).id());
            assertEquals("alpha-renamed", back.content().slug());
            UUID foreign = stories.revisions(b.id()).get(0).id();
            assertThrows(NotFoundException.class, () -> stories.restore(a.id(), foreign));
        }
    }

    @Test
    void snapshotIfChangedSkipsUnchangedContent() {
        try (Library lib = Library.open(dir)) {
            StoryService stories = lib.stories();
            Story s = stories.create(StoryContent.blank("en").withHeadline("Quiet"));
            assertTrue(stories.snapshotIfChanged(s.id(), RevisionKind.OPENED).isEmpty());
            stories.saveContent(s.id(), s.content().withBodyHtml("<p>new words</p>"));
            assertTrue(stories.snapshotIfChanged(s.id(), RevisionKind.CLOSED).isPresent());
            assertTrue(stories.snapshotIfChanged(s.id(), RevisionKind.CLOSED).isEmpty());
            assertEquals(2, stories.revisionCount(s.id()));
        }
    }

    @Test
    void statusChangeRecordsHistoryAndARevision() {
        try (Library lib = Library.open(dir)) {
            StoryService stories = lib.stories();
            Story s = stories.create(StoryContent.blank("en").withHeadline("Ready"));
            Story moved = stories.setStatus(s.id(), Status.SUBMITTED, "please edit");
            assertEquals(Status.SUBMITTED, moved.status());
            assertEquals(Status.DRAFT, stories.statusHistory(s.id()).get(0).from());
            assertEquals("please edit", stories.statusHistory(s.id()).get(0).note());
            Revision last = stories.revisions(s.id()).get(1);
            assertEquals(RevisionKind.STATUS_CHANGE, last.kind());
            assertEquals(Status.SUBMITTED, last.status());
        }
    }

    @Test
    void duplicateIsANewDraftWithItsOwnSlugAndHistory() {
        try (Library lib = Library.open(dir)) {
            StoryService stories = lib.stories();
            Story s = stories.create(StoryContent.blank("en").withHeadline("Original").withBodyHtml("<p>body</p>"));
            stories.saveContent(s.id(), s.content().withBodyHtml("<p>body edited</p>"));
            Story copy = stories.duplicate(s.id());
            assertFalse(copy.id().equals(s.id()));
            assertEquals("original-copy", copy.content().slug());
            assertEquals("<p>body edited</p>", copy.content().bodyHtml());
            assertEquals(1, stories.revisionCount(copy.id()));
        }
    }

    @Test
    void savedBodyIsSanitizedOnTheWayIn() {
        try (Library lib = Library.open(dir)) {
            StoryService stories = lib.stories();
            Story s = stories.create(StoryContent.blank("en").withHeadline("Unsafe")
                    .withBodyHtml("<p onclick=\"x()\">hi<script>alert(1)</script></p>"));
            assertEquals("<p>hi</p>", s.content().bodyHtml());
            Story saved = stories.saveContent(s.id(), s.content().withBodyHtml("<b>bold</b> <a href=\"javascript:alert(1)\">x</a>"));
            assertEquals("<p><strong>bold</strong> x</p>", saved.content().bodyHtml());
        }
    }

    @Test
    void findWorksByIdSlugAndUniquePrefixAndNamesTheMissingKey() {
        try (Library lib = Library.open(dir)) {
            StoryService stories = lib.stories();
            Story s = stories.create(StoryContent.blank("en").withHeadline("Findable"));
            assertEquals(s.id(), stories.find(s.id().toString()).id());
            assertEquals(s.id(), stories.find("findable").id());
            assertEquals(s.id(), stories.find(s.id().toString().substring(0, 8)).id());
            NotFoundException e = assertThrows(NotFoundException.class, () -> stories.find("nope"));
            assertEquals("no story with id or slug nope", e.getMessage());
        }
    }
}
