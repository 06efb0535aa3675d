package app.dispatch.service;

import app.dispatch.domain.RevisionKind;
import app.dispatch.domain.StoryContent;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Debounced autosave for the story being edited: every change is saved within {@link #QUIET} of the
 * last keystroke and at least every {@link #MAX_DELAY} while typing goes on. Also makes an
 * automatic revision every {@link #REVISION_INTERVAL} of editing. Thread-safe; saves run on the
 * given scheduler, never on the caller's thread.
 */
public final class Autosaver {
    public static final Duration QUIET = Duration.ofMillis(400);
    public static final Duration MAX_DELAY = Duration.ofSeconds(2);
    public static final Duration REVISION_INTERVAL = Duration.ofMinutes(10);

    /** What the status line shows. */
    public enum State { SAVED, PENDING, SAVING, FAILED }

    /** A save state; after a save, {@code slug} is the slug stored and {@code slugNote} why a typed one was not. */
    public record Event(State state, String message, String slug, String slugNote) {
        public Event(State state, String message) {
            this(state, message, null, "");
        }
    }

    private final StoryService stories;
    private final ScheduledExecutorService scheduler;
    private final Consumer<Event> listener;
    private final LongSupplier nanoClock;

    private UUID storyId;
    private StoryContent pending;
    private UUID pendingId;
    private boolean pendingSlugFollows;
    private long firstPendingNanos;
    private long lastRevisionNanos;
    private ScheduledFuture<?> scheduled;
    private long generation;
    private final Object saveLock = new Object();

    public Autosaver(StoryService stories, ScheduledExecutorService scheduler, Consumer<Event> listener) {
        this(stories, scheduler, listener, System::nanoTime);
    }

    Autosaver(StoryService stories, ScheduledExecutorService scheduler, Consumer<Event> listener, LongSupplier nanoClock) {
        this.stories = stories;
        this.scheduler = scheduler;
        this.listener = listener;
        this.nanoClock = nanoClock;
    }

    /** Starts tracking a story. Call {@link #close()} for the previous one first (off the FX thread). */
    public synchronized void open(UUID id) {
        if (pending != null && !id.equals(storyId)) {
            scheduler.execute(this::saveDue);
        }
        storyId = id;
        lastRevisionNanos = nanoClock.getAsLong();
    }

    /** Records a change; the save is scheduled, not done here. The slug is one the reporter typed. */
    public void changed(UUID id, StoryContent content) {
        changed(id, content, false);
    }

    /** Records a change; {@code slugFollowsHeadline}: see {@link StoryService#saveDraft(UUID, StoryContent, boolean)}. */
    public synchronized void changed(UUID id, StoryContent content, boolean slugFollowsHeadline) {
        Objects.requireNonNull(content);
        if (!id.equals(storyId)) {
            throw new IllegalStateException("changes for story " + id + " while " + storyId + " is open");
        }
        long now = nanoClock.getAsLong();
        if (pending == null) {
            firstPendingNanos = now;
        }
        pending = content;
        pendingId = id;
        pendingSlugFollows = slugFollowsHeadline;
        generation++;
        listener.accept(new Event(State.PENDING, "Saving…"));
        long waitedNanos = now - firstPendingNanos;
        long delay = Math.min(QUIET.toNanos(), Math.max(0, MAX_DELAY.toNanos() - waitedNanos));
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        scheduled = scheduler.schedule(this::saveDue, delay, TimeUnit.NANOSECONDS);
    }

    public synchronized boolean hasPending() {
        return pending != null;
    }

    private void saveDue() {
        try {
            flushNow();
        } catch (RuntimeException e) {
            // reported through the listener in flushNow
        }
    }

    /**
     * Saves whatever is pending now, on the calling thread. Never call on the FX thread. The state
     * lock is held only to take the pending content, so {@link #changed} never waits for the disk.
     */
    public void flushNow() {
        synchronized (saveLock) {
            UUID id;
            StoryContent content;
            boolean slugFollows;
            long gen;
            synchronized (this) {
                if (pending == null) {
                    return;
                }
                id = pendingId;
                content = pending;
                slugFollows = pendingSlugFollows;
                gen = generation;
            }
            listener.accept(new Event(State.SAVING, "Saving…"));
            try {
                StoryService.DraftSaved saved = stories.saveDraft(id, content, slugFollows);
                long now = nanoClock.getAsLong();
                boolean revisionDue;
                synchronized (this) {
                    revisionDue = now - lastRevisionNanos >= REVISION_INTERVAL.toNanos();
                    if (revisionDue) {
                        lastRevisionNanos = now;
                    }
                }
                if (revisionDue) {
                    stories.snapshotIfChanged(id, RevisionKind.INTERVAL);
                }
                synchronized (this) {
                    if (gen == generation) {
                        pending = null;
                    }
                }
                if (gen == generation) {
                    listener.accept(new Event(State.SAVED, "Saved", saved.slug(), saved.slugNote()));
                }
            } catch (RuntimeException e) {
                listener.accept(new Event(State.FAILED, "Not saved: " + e.getMessage()));
                throw e;
            }
        }
    }

    /** Flushes and stops tracking; makes a CLOSED revision if anything changed. Never on the FX thread. */
    public void close() {
        flushNow();
        UUID id;
        synchronized (this) {
            id = storyId;
            storyId = null;
        }
        if (id != null) {
            stories.snapshotIfChanged(id, RevisionKind.CLOSED);
        }
    }
}
