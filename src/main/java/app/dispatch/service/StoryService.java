package app.dispatch.service;

import app.dispatch.domain.LibraryScope;
import app.dispatch.domain.Limits;
import app.dispatch.domain.NotFoundException;
import app.dispatch.domain.PictureCaption;
import app.dispatch.domain.Revision;
import app.dispatch.domain.RevisionKind;
import app.dispatch.domain.Slugs;
import app.dispatch.domain.Status;
import app.dispatch.domain.StatusChange;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.domain.StorySummary;
import app.dispatch.store.RevisionStore;
import app.dispatch.store.StoryStore;
import app.dispatch.text.BodyHtml;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Creating, saving, listing, trashing and revising stories. Blocking: never call on the FX thread. */
public final class StoryService {
    private final StoryStore stories;
    private final RevisionStore revisions;
    private final Clock clock;
    private final Supplier<String> author;
    private final Supplier<Limits> limits;
    private volatile BodyChangeListener bodyChanged;

    /** Told after {@link #saveContent} changed a story's body, with the body's plain text before and after. */
    @FunctionalInterface
    public interface BodyChangeListener {
        void bodyChanged(UUID storyId, String oldPlainText, String newPlainText);

        /** Whether this story's changes matter to the listener (reading the old text costs a read). */
        default boolean wants(UUID storyId) {
            return true;
        }
    }

    public StoryService(StoryStore stories, RevisionStore revisions, Clock clock, Supplier<String> author, Supplier<Limits> limits) {
        this.stories = stories;
        this.revisions = revisions;
        this.clock = clock;
        this.author = author;
        this.limits = limits;
    }

    public StoryStore store() {
        return stories;
    }

    public Clock clock() {
        return clock;
    }

    /** The current time, truncated to milliseconds so that it round-trips through every format. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public String author() {
        return author.get();
    }

    /** Creates a story with a unique slug and a first revision. Body HTML is sanitized. */
    public Story create(StoryContent content) {
        return create(content, RevisionKind.CREATED, "");
    }

    public Story create(StoryContent content, RevisionKind kind, String label) {
        StoryContent clean = prepare(content, null);
        Instant now = now();
        UUID id = UUID.randomUUID();
        UUID revId = UUID.randomUUID();
        Story story = new Story(id, clean, Status.DRAFT, now, now, null, false, revId);
        stories.insertWithRevision(story, new Revision(revId, id, null, now, author(), kind, label == null ? "" : label, Status.DRAFT, clean));
        return story;
    }

    /** Sanitizes the body and makes the slug present and unique. */
    public StoryContent prepare(StoryContent content, UUID storyId) {
        StoryContent c = content.withBodyHtml(BodyHtml.sanitize(content.bodyHtml()));
        String slug = c.slug().isBlank() ? headlineSlug(c.headline()) : c.slug().strip();
        return c.withSlug(uniqueSlug(slug, storyId));
    }

    /** The slug a headline gives, within the slug limit. */
    private String headlineSlug(String headline) {
        return Slugs.fromHeadline(headline, limits.get().slug());
    }

    /** {@code base}, or base-2, base-3 … whichever is free. */
    public String uniqueSlug(String base, UUID except) {
        String candidate = base;
        for (int n = 2; stories.slugTaken(candidate, except); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    public Story get(UUID id) {
        return stories.get(id).orElseThrow(() -> NotFoundException.story(id.toString()));
    }

    /** Finds a story by id, slug or unique id prefix; throws "no story with id or slug X". */
    public Story find(String idOrSlug) {
        return stories.find(idOrSlug).orElseThrow(() -> NotFoundException.story(idOrSlug));
    }

    /** One page of the library table; see {@link app.dispatch.domain.LibraryQuery}. */
    public List<StorySummary> page(app.dispatch.domain.LibraryQuery q, int limit, int offset) {
        return stories.page(q, limit, offset);
    }

    public int count(app.dispatch.domain.LibraryQuery q) {
        return stories.count(q);
    }

    public List<StorySummary> list(LibraryScope scope, Status status) {
        return stories.list(scope, status, Integer.MAX_VALUE, 0);
    }

    /**
     * The autosave path: stores new content. The body must already be sanitized HTML (the editor
     * produces the subset); it is sanitized again here, so nothing else can get in. A slug that
     * collides is kept as typed in the editor but not saved until unique.
     */
    public Story saveContent(UUID id, StoryContent content) {
        saveDraft(id, content);
        return get(id);
    }

    /** What an autosave stored: the slug the story has now, and why a typed slug was not taken (empty when it was). */
    public record DraftSaved(String slug, String slugNote) {
    }

    /** {@link #saveDraft(UUID, StoryContent, boolean)} for a slug the reporter typed. */
    public DraftSaved saveDraft(UUID id, StoryContent content) {
        return saveDraft(id, content, false);
    }

    /**
     * The autosave path: {@link #saveContent} without reading the story back. The listener is told
     * of body changes only when it wants that story (a story with comments), so a story without
     * comments is saved with one sanitize, one slug probe and one write.
     * <p>The slug: blank means "from the headline". A slug that {@code slugFollowsHeadline} and is
     * taken gets "-2", "-3" …; a typed slug that is taken or malformed is not stored (the story
     * keeps its slug) and the result says why, so the editor can show it.
     */
    public DraftSaved saveDraft(UUID id, StoryContent content, boolean slugFollowsHeadline) {
        BodyChangeListener listener = bodyChanged;
        boolean notify = listener != null && listener.wants(id);
        String oldHtml = notify ? get(id).content().bodyHtml() : null;
        StoryContent clean = content.withBodyHtml(BodyHtml.sanitize(content.bodyHtml()));
        String slug = clean.slug().strip();
        String note = "";
        if (slug.isEmpty()) {
            slug = uniqueSlug(headlineSlug(clean.headline()), id);
        } else if (!Slugs.isValid(slug)) {
            String stored = get(id).content().slug();
            if (!slug.equals(stored)) {
                note = "slug not saved: a slug is letters and digits joined by single hyphens";
                slug = stored;
            }
        } else if (stories.slugTaken(slug, id)) {
            if (slugFollowsHeadline) {
                slug = uniqueSlug(slug, id);
            } else {
                note = "slug not saved: " + slug + " is already used by another story";
                slug = get(id).content().slug();
            }
        }
        clean = clean.withSlug(slug);
        boolean found = stories.saveContent(id, clean, now());
        if (!found) {
            throw NotFoundException.story(id.toString());
        }
        if (notify && !oldHtml.equals(clean.bodyHtml())) {
            listener.bodyChanged(id, BodyHtml.plainText(oldHtml), BodyHtml.plainText(clean.bodyHtml()));
        }
        return new DraftSaved(slug, note);
    }

    /** The one listener for body changes made through {@link #saveContent} (the comment re-anchoring); null for none. */
    public void onBodyChanged(BodyChangeListener listener) {
        this.bodyChanged = listener;
    }

    /** Records a revision of the story as it is stored now; returns it. */
    public Revision snapshot(UUID storyId, RevisionKind kind, String label) {
        return stories.snapshot(storyId, revisionOf(kind, label));
    }

    /** Makes a revision only if the content or status differ from the head revision's. */
    public Optional<Revision> snapshotIfChanged(UUID storyId, RevisionKind kind) {
        return stories.snapshotIfChanged(storyId, revisionOf(kind, ""));
    }

    /** How a new revision is made from the story as stored: parent is the current head. */
    public StoryStore.RevisionFactory revisionOf(RevisionKind kind, String label) {
        String cleanLabel = label == null ? "" : label.strip();
        return current -> new Revision(UUID.randomUUID(), current.id(), current.headRevisionId(), now(), author(), kind,
                cleanLabel, current.status(), current.content());
    }

    public int revisionCount(UUID storyId) {
        return revisions.count(storyId);
    }

    public List<Revision> revisions(UUID storyId) {
        return revisions.list(storyId);
    }

    /**
     * The captions of the story's pictures: now ({@code revisionId} null, pictures in the trash left
     * out), or as the revision recorded them when it was made. Empty when that revision recorded none
     * (made before Dispatch kept captions with revisions, or imported from an older package).
     */
    public Optional<List<PictureCaption>> captions(UUID storyId, UUID revisionId) {
        if (revisionId == null) {
            return Optional.of(revisions.currentCaptions(storyId));
        }
        return revisions.captions(revisionId);
    }

    /** The recorded captions of each revision of the story that has them, by revision id. */
    public Map<UUID, List<PictureCaption>> captionSnapshots(UUID storyId) {
        return revisions.captionsOfStory(storyId);
    }

    public Revision revision(UUID storyId, String revisionIdOrPrefix) {
        String key = revisionIdOrPrefix.strip().toLowerCase();
        List<Revision> matches = revisions.list(storyId).stream().filter(r -> r.id().toString().startsWith(key)).toList();
        if (matches.size() != 1) {
            throw new NotFoundException(matches.isEmpty() ? "no revision " + revisionIdOrPrefix + " in this story"
                    : "revision id " + revisionIdOrPrefix + " is ambiguous; give more characters");
        }
        return matches.get(0);
    }

    /** Restores an old revision's content as a new revision; nothing is overwritten. */
    public Story restore(UUID storyId, UUID revisionId) {
        Revision old = revisions.get(revisionId)
                .filter(r -> r.storyId().equals(storyId))
                .orElseThrow(() -> new NotFoundException("no revision " + revisionId + " in this story"));
        Story current = get(storyId);
        StoryContent content = old.content().withSlug(current.content().slug());
        stories.replaceContent(storyId, content, now(), revisionOf(RevisionKind.RESTORE, "restored from " + old.createdAt()));
        return get(storyId);
    }

    /** A copy of the story as a new draft with its own id, slug and history. */
    public Story duplicate(UUID id) {
        Story s = get(id);
        StoryContent copy = s.content().withSlug(s.content().slug() + "-copy");
        return create(copy, RevisionKind.CREATED, "duplicate of " + s.content().slug());
    }

    public void trash(UUID id) {
        get(id);
        stories.setTrashed(id, now());
    }

    public void restoreFromTrash(UUID id) {
        get(id);
        stories.setTrashed(id, null);
    }

    /** Deletes trashed stories for good; returns how many. */
    public int emptyTrash() {
        return stories.emptyTrash().size();
    }

    /** Moves a story to a new workflow status, keeping history and a revision. */
    public Story setStatus(UUID id, Status status, String note) {
        Status from = get(id).status();
        stories.changeStatus(id, status, author(), note, now(),
                revisionOf(RevisionKind.STATUS_CHANGE, from.cliName() + " → " + status.cliName()));
        return get(id);
    }

    public List<StatusChange> statusHistory(UUID id) {
        return stories.statusHistory(id);
    }

    public Limits limits() {
        return limits.get();
    }

    /** Validates a slug typed by a user; returns a message, or empty when fine. */
    public Optional<String> checkSlug(String slug, UUID storyId) {
        if (!Slugs.isValid(slug)) {
            return Optional.of("a slug is letters and digits joined by single hyphens");
        }
        if (stories.slugTaken(slug, storyId)) {
            return Optional.of("slug " + slug + " is already used by another story");
        }
        return Optional.empty();
    }

}
