package app.dispatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.RevisionKind;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutosaverTest {
    @TempDir
    Path dir;

    private Library lib;
    private RecordingScheduler scheduler;
    private final List<Autosaver.Event> events = new CopyOnWriteArrayList<>();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @BeforeEach
    void open() {
        lib = Library.open(dir);
        scheduler = new RecordingScheduler();
    }

    @AfterEach
    void close() {
        scheduler.shutdownNow();
        lib.close();
    }

    @Test
    void aChangeIsSavedWithinTheQuietPeriod() {
        Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Draft"));
        Autosaver saver = new Autosaver(lib.stories(), scheduler, events::add);
        saver.open(s.id());
        StoryContent typed = s.content().withBodyHtml("<p>typed words</p>");
        saver.changed(s.id(), typed);

        assertEquals(List.of(Autosaver.QUIET.toNanos()), scheduler.delays);
        assertTrue(Autosaver.QUIET.compareTo(Duration.ofSeconds(1)) <= 0, "the issue asks for saves within 1 s of the last keystroke");
        await(() -> "<p>typed words</p>".equals(lib.stories().get(s.id()).content().bodyHtml()));
        await(() -> !saver.hasPending() && last().state() == Autosaver.State.SAVED);
        assertEquals(Autosaver.State.PENDING, events.get(0).state());
        assertTrue(events.stream().anyMatch(e -> e.state() == Autosaver.State.SAVING));
        assertEquals("Saved", last().message());
    }

    @Test
    void autosaveKeepsCommentsOnTheirPassageAndMarksADeletedOne() {
        Story s = lib.stories().create(StoryContent.blank("en").withBodyHtml("<p>The river rose overnight.</p>"));
        var onRiver = lib.comments().addOnPassage(s.id(), "river rose", "Which river?");
        var onOvernight = lib.comments().addOnPassage(s.id(), "overnight", "When exactly?");
        Autosaver saver = new Autosaver(lib.stories(), scheduler, events::add);
        saver.open(s.id());
        saver.changed(s.id(), s.content().withBodyHtml("<p>After days of rain, the river rose.</p>"));
        saver.flushNow();

        var river = lib.comments().get(onRiver.id());
        String text = "After days of rain, the river rose.";
        assertEquals("river rose", text.substring(river.anchorStart(), river.anchorEnd()));
        assertFalse(river.passageRemoved());
        assertTrue(lib.comments().get(onOvernight.id()).passageRemoved(), "a comment on deleted text is kept and marked");
    }

    @Test
    void continuousTypingIsSavedAtLeastEveryMaxDelay() {
        Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Typing"));
        scheduler.holdDelayed = true; // only the fake clock decides: a slow test machine must not fire a quiet-period save
        Autosaver saver = new Autosaver(lib.stories(), scheduler, events::add, nanos::get);
        saver.open(s.id());
        long step = Duration.ofMillis(100).toNanos();
        StoryContent c = s.content();
        int keystrokes = 0;
        while (scheduler.delays.isEmpty() || scheduler.delays.get(scheduler.delays.size() - 1) > 0) {
            c = c.withBodyHtml("<p>" + "w ".repeat(++keystrokes) + "</p>");
            saver.changed(s.id(), c);
            nanos.addAndGet(step);
            assertTrue(keystrokes <= 100, "a save was never forced");
        }
        long waited = (keystrokes - 1) * step;
        assertEquals(Autosaver.MAX_DELAY.toNanos(), waited, "the forced save comes exactly at the max delay");
        assertTrue(Autosaver.MAX_DELAY.compareTo(Duration.ofSeconds(5)) <= 0, "the issue asks for a save at least every 5 s");
        assertTrue(scheduler.delays.stream().allMatch(d -> d <= Autosaver.QUIET.toNanos()));
        String expected = c.bodyHtml();
        await(() -> expected.equals(lib.stories().get(s.id()).content().bodyHtml()));
    }

    @Test
    void flushNowSavesAtOnceAndCloseRecordsARevision() {
        Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Flush"));
        Autosaver saver = new Autosaver(lib.stories(), scheduler, events::add, nanos::get);
        saver.open(s.id());
        saver.changed(s.id(), s.content().withHeadline("Flushed headline"));
        saver.flushNow();
        assertFalse(saver.hasPending());
        assertEquals("Flushed headline", lib.stories().get(s.id()).content().headline());
        saver.close();
        var revisions = lib.stories().revisions(s.id());
        assertEquals(2, revisions.size());
        assertEquals(RevisionKind.CLOSED, revisions.get(1).kind());
        assertEquals("Flushed headline", revisions.get(1).content().headline());
    }

    @Test
    void tenMinutesOfEditingMakeAnIntervalRevision() {
        Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Long session"));
        Autosaver saver = new Autosaver(lib.stories(), scheduler, events::add, nanos::get);
        saver.open(s.id());
        saver.changed(s.id(), s.content().withBodyHtml("<p>early</p>"));
        saver.flushNow();
        assertEquals(1, lib.stories().revisionCount(s.id()));
        nanos.addAndGet(Autosaver.REVISION_INTERVAL.toNanos());
        saver.changed(s.id(), s.content().withBodyHtml("<p>ten minutes later</p>"));
        saver.flushNow();
        var revisions = lib.stories().revisions(s.id());
        assertEquals(2, revisions.size());
        assertEquals(RevisionKind.INTERVAL, revisions.get(1).kind());
        assertEquals("<p>ten minutes later</p>", revisions.get(1).content().bodyHtml());
    }

    @Test
    void aFailedSaveIsReportedAndKeptPending() {
        Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Doomed"));
        Autosaver saver = new Autosaver(lib.stories(), scheduler, events::add, nanos::get);
        saver.open(s.id());
        lib.stories().trash(s.id());
        lib.stories().emptyTrash();
        saver.changed(s.id(), s.content().withHeadline("lost?"));
        assertThrows(RuntimeException.class, saver::flushNow);
        assertEquals(Autosaver.State.FAILED, last().state());
        assertTrue(last().message().startsWith("Not saved: no story with id or slug"), last().message());
        assertTrue(saver.hasPending(), "unsaved content is not dropped");
    }

    @Test
    void changesForAnotherStoryAreRefused() {
        Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Open one"));
        Autosaver saver = new Autosaver(lib.stories(), scheduler, events::add, nanos::get);
        saver.open(s.id());
        assertThrows(IllegalStateException.class, () -> saver.changed(UUID.randomUUID(), s.content()));
    }

    private Autosaver.Event last() {
        return events.get(events.size() - 1);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A real scheduler that also records the delay of every scheduled save. */
    private static final class RecordingScheduler extends ScheduledThreadPoolExecutor {
        final List<Long> delays = new CopyOnWriteArrayList<>();
        /** When set, saves with a delay are parked (a day away) and only immediate ones run. */
        volatile boolean holdDelayed;

        RecordingScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delays.add(unit.toNanos(delay));
            if (holdDelayed && delay > 0) {
                return super.schedule(command, 1, TimeUnit.DAYS);
            }
            return super.schedule(command, delay, unit);
        }
    }
}
