package app.dispatch.service;

import app.dispatch.domain.NotFoundException;
import app.dispatch.domain.Revision;
import app.dispatch.domain.RevisionKind;
import app.dispatch.domain.Status;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.text.BodyHtml;
import app.dispatch.text.WordDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * "What changed since the last review": word-level diffs of headline, standfirst, body and captions
 * between the revision last submitted and the current text, or between any two revisions.
 * Blocking: never call on the FX thread.
 */
public final class ReviewDiff {
    /** One field's word diff; {@code field} is "headline", "standfirst", "body" or "caption:<media id>". */
    public record FieldDiff(String field, List<WordDiff.Segment> segments) {
        public boolean changed() {
            return WordDiff.hasChanges(segments);
        }
    }

    /** The diff from {@code from} to {@code toLabel} (a revision id, or "current"). */
    public record Result(Revision from, String toLabel, List<FieldDiff> fields) {
        public boolean changed() {
            return fields.stream().anyMatch(FieldDiff::changed);
        }

        public Optional<FieldDiff> field(String name) {
            return fields.stream().filter(f -> f.field().equals(name)).findFirst();
        }
    }

    /** Captions by media id for a story as it is now ({@code revisionId} null) or at a revision. Hook for media. */
    @FunctionalInterface
    public interface CaptionSource {
        CaptionSource NONE = (storyId, revisionId) -> Map.of();

        Map<String, String> captions(UUID storyId, UUID revisionId);
    }

    private final StoryService stories;
    private final CaptionSource captions;

    public ReviewDiff(StoryService stories, CaptionSource captions) {
        this.stories = stories;
        this.captions = captions == null ? CaptionSource.NONE : captions;
    }

    /**
     * The revision made when the story was last submitted. When the current text is the same as that
     * submission's (the reviewer has not edited yet), the submission before it, so a resubmitted story
     * shows what changed since the previous review. Empty when the story was never submitted.
     */
    public Optional<Revision> lastSubmitted(UUID storyId) {
        Story story = stories.get(storyId);
        List<Revision> submits = stories.revisions(storyId).stream()
                .filter(r -> r.kind() == RevisionKind.STATUS_CHANGE && r.status() == Status.SUBMITTED).toList();
        if (submits.isEmpty()) {
            return Optional.empty();
        }
        Revision last = submits.get(submits.size() - 1);
        if (submits.size() > 1 && sameText(last.content(), story.content())) {
            return Optional.of(submits.get(submits.size() - 2));
        }
        return Optional.of(last);
    }

    /** Diff from the last submitted revision to the current content; empty when never submitted. */
    public Optional<Result> sinceLastSubmitted(UUID storyId) {
        Story story = stories.get(storyId);
        return lastSubmitted(storyId).map(from -> new Result(from, "current",
                diff(from.content(), story.content(), captions.captions(storyId, from.id()), captions.captions(storyId, null))));
    }

    /** Diff between two revisions of a story (ids or unique prefixes). */
    public Result between(UUID storyId, String fromRevision, String toRevision) {
        Revision a = stories.revision(storyId, fromRevision);
        Revision b = stories.revision(storyId, toRevision);
        return new Result(a, b.id().toString(),
                diff(a.content(), b.content(), captions.captions(storyId, a.id()), captions.captions(storyId, b.id())));
    }

    /** Diff from a revision to the current content. */
    public Result toCurrent(UUID storyId, String fromRevision) {
        Revision a = stories.revision(storyId, fromRevision);
        Story story = stories.get(storyId);
        if (!a.storyId().equals(storyId)) {
            throw new NotFoundException("no revision " + fromRevision + " in this story");
        }
        return new Result(a, "current", diff(a.content(), story.content(), captions.captions(storyId, a.id()),
                captions.captions(storyId, null)));
    }

    /** The field diffs between two contents: headline, standfirst, body (plain text), then captions by media id. */
    public static List<FieldDiff> diff(StoryContent a, StoryContent b, Map<String, String> captionsA, Map<String, String> captionsB) {
        List<FieldDiff> out = new ArrayList<>();
        out.add(new FieldDiff("headline", WordDiff.diff(a.headline(), b.headline())));
        out.add(new FieldDiff("standfirst", WordDiff.diff(a.standfirst(), b.standfirst())));
        out.add(new FieldDiff("body", WordDiff.diff(BodyHtml.plainText(a.bodyHtml()), BodyHtml.plainText(b.bodyHtml()))));
        TreeSet<String> keys = new TreeSet<>(captionsA.keySet());
        keys.addAll(captionsB.keySet());
        for (String k : keys) {
            out.add(new FieldDiff("caption:" + k, WordDiff.diff(captionsA.getOrDefault(k, ""), captionsB.getOrDefault(k, ""))));
        }
        return out;
    }

    private static boolean sameText(StoryContent a, StoryContent b) {
        return a.headline().equals(b.headline()) && a.standfirst().equals(b.standfirst()) && a.bodyHtml().equals(b.bodyHtml());
    }
}
