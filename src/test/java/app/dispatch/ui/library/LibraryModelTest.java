package app.dispatch.ui.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Dateline;
import app.dispatch.domain.LibraryQuery;
import app.dispatch.domain.Status;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.service.Library;
import app.dispatch.ui.common.UiExecutors;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library table reads pages on demand, and filters and sorts in SQL. No JavaFX toolkit needed. */
class LibraryModelTest {
    @TempDir
    Path dir;

    private static void fill(Library lib, int n) {
        List<Story> batch = new ArrayList<>();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            Instant t = t0.plusSeconds(i);
            StoryContent c = new StoryContent("s-" + i, (i == 7 ? "Flood_50% " : "Story ") + i, "", List.of(i % 2 == 0 ? "Ana Ruiz" : "Bo Lee"),
                    Dateline.EMPTY, "<p>text</p>", List.of(), "", "en", 5, null, "");
            batch.add(new Story(UUID.randomUUID(), c, i % 10 == 0 ? Status.APPROVED : Status.DRAFT, t, t, null, false, null));
        }
        lib.stories().store().insertAll(batch);
    }

    private static LibraryModel model(Library lib) {
        return new LibraryModel(lib.stories(), new UiExecutors(Runnable::run, Runnable::run, Executors.newSingleThreadScheduledExecutor()));
    }

    @Test
    void onlyThePagesShownAreLoaded() {
        try (Library lib = Library.open(dir)) {
            fill(lib, 650);
            LibraryModel m = model(lib);
            m.refresh();
            PagedRows rows = (PagedRows) m.rows();
            assertEquals(650, rows.size());
            assertEquals("Story 649", rows.get(0).headline(), "newest first");
            assertNull(rows.peek(450), "page 2 not loaded before it is shown");
            rows.get(450); // what the table does when the row scrolls into view
            assertNotNull(rows.peek(450), "asking for a row loads its page");
            assertEquals("Story 199", rows.peek(450).headline());
            assertNull(rows.peek(250), "page 1 still not loaded");
            assertEquals("650 stories", m.summaryProperty().get());
        }
    }

    @Test
    void filterStatusAndSortRunInSql() {
        try (Library lib = Library.open(dir)) {
            fill(lib, 300);
            LibraryModel m = model(lib);
            m.statusFilter.set(Status.APPROVED);
            assertEquals(30, m.rows().size());
            assertEquals("30 of 300 stories", m.summaryProperty().get());
            m.statusFilter.set(null);
            m.filter.set("50%");
            assertEquals(1, m.rows().size(), "% is a literal, not a wildcard");
            assertEquals("Flood_50% 7", m.rows().get(0).headline());
            m.filter.set("bo lee");
            assertEquals(150, m.rows().size(), "every word must match the headline, slug or byline");
            m.filter.set("");
            m.sortBy(LibraryQuery.Sort.HEADLINE, true);
            assertTrue(m.rows().get(0).headline().startsWith("Flood"), m.rows().get(0).headline());
            m.sortBy(LibraryQuery.Sort.UPDATED, true);
            assertEquals("Story 0", m.rows().get(0).headline());
        }
    }
}
