package app.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.dispatch.domain.LibraryScope;
import app.dispatch.domain.Revision;
import app.dispatch.domain.RevisionKind;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.domain.StorySummary;
import app.dispatch.service.Library;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored times sort as text in time order, also when one falls on a whole second. */
class TimeOrderTest {
    @TempDir
    Path dir;

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now;

        HandClock(Instant start) {
            now = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aWholeSecondSortsBeforeTheMillisecondsAfterIt() {
        HandClock clock = new HandClock(Instant.parse("2026-11-25T14:12:50Z"));
        try (Library lib = Library.open(dir, clock)) {
            Story first = lib.stories().create(StoryContent.blank("en").withHeadline("Earlier, on the second"));
            clock.now = Instant.parse("2026-11-25T14:12:50.003Z");
            Story second = lib.stories().create(StoryContent.blank("en").withHeadline("Later by 3 ms"));
            List<StorySummary> newestFirst = lib.stories().list(LibraryScope.ACTIVE, null);
            assertEquals(List.of(second.id(), first.id()), newestFirst.stream().map(StorySummary::id).toList());

            clock.now = Instant.parse("2026-11-25T14:12:51Z");
            lib.stories().snapshot(first.id(), RevisionKind.SNAPSHOT, "on the next second");
            List<Revision> history = lib.stories().revisions(first.id());
            assertEquals("on the next second", history.get(history.size() - 1).label(), "oldest first, newest last");
            assertEquals(Instant.parse("2026-11-25T14:12:50Z"), lib.stories().get(first.id()).createdAt(), "read back exactly");
        }
    }
}
