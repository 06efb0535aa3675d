package app.dispatch.service;

import app.dispatch.domain.NotFoundException;
import app.dispatch.domain.PictureCaption;
import app.dispatch.domain.Revision;
import app.dispatch.domain.RevisionKind;
import app.dispatch.domain.Status;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.text.BodyHtml;
import app.dispatch.text.WordDiff;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * "What changed since the last review": word-level diffs of headline, standfirst, body and captions
 * between the revision last submitted and the current text, or between any two revisions.
 * Captions come from the {@link CaptionSource}: each revision records the captions of the story's
 * pictures when it was made (decision 0812). A revision made before that has no record; then no
 * caption diffs are given and {@link Result#note()} says why, rather than showing every caption as added.
 * Blocking: never call on the FX thread.
 */
public final class ReviewDiff {
    /** Field names of caption diffs start with this, followed by the picture's UUID. */
    public static final String CAPTION_PREFIX = "caption:";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final int LABEL_WORDS = 6;

    /**
     * One field's word diff. {@code field} is "headline", "standfirst", "body" or "caption:&lt;media id&gt;";
     * {@code label} names it for a person ("Caption — flood.jpg"). For a caption, {@code existsBefore}
     * and {@code existsAfter} say whether the picture was in the story on each side: a picture added
     * has no "before", one removed or trashed no "after".
     */
    public record FieldDiff(String field, String label, List<WordDiff.Segment> segments, boolean existsBefore,
                            boolean existsAfter) {
        public FieldDiff {
            segments = List.copyOf(segments);
        }

        public FieldDiff(String field, List<WordDiff.Segment> segments) {
            this(field, defaultLabel(field), segments, true, true);
        }

        /** Text changed, or the picture came or went. */
        public boolean changed() {
            return existsBefore != existsAfter || WordDiff.hasChanges(segments);
        }

        public boolean isCaption() {
            return field.startsWith(CAPTION_PREFIX);
        }

        public boolean pictureAdded() {
            return !existsBefore && existsAfter;
        }

        public boolean pictureRemoved() {
            return existsBefore && !existsAfter;
        }
    }

    /**
     * The diff from {@code from} to {@code toLabel} (a revision id, or "current"). {@code note} is empty,
     * or says which changes cannot be shown (captions a revision did not record).
     */
    public record Result(Revision from, String toLabel, List<FieldDiff> fields, String note) {
        public Result {
            fields = List.copyOf(fields);
            note = note == null ? "" : note;
        }

        public Result(Revision from, String toLabel, List<FieldDiff> fields) {
            this(from, toLabel, fields, "");
        }

        public boolean changed() {
            return fields.stream().anyMatch(FieldDiff::changed);
        }

        public Optional<FieldDiff> field(String name) {
            return fields.stream().filter(f -> f.field().equals(name)).findFirst();
        }

        /** The caption diffs, in the story's picture order (pictures removed last). */
        public List<FieldDiff> captions() {
            return fields.stream().filter(FieldDiff::isCaption).toList();
        }
    }

    /**
     * Captions of a story's pictures as they are now ({@code revisionId} null) or as a revision recorded
     * them. Empty when the revision recorded none (it predates caption snapshots).
     */
    @FunctionalInterface
    public interface CaptionSource {
        /** No pictures anywhere: diffs without captions. */
        CaptionSource NONE = (storyId, revisionId) -> Optional.of(List.of());

        Optional<List<PictureCaption>> captions(UUID storyId, UUID revisionId);
    }

    private final StoryService stories;
    private final CaptionSource captions;

    public ReviewDiff(StoryService stories, CaptionSource captions) {
        this.stories = stories;
        this.captions = captions == null ? CaptionSource.NONE : captions;
    }

    /**
     * The revision made when the story was last submitted. When the current text and captions are the
     * same as that submission's (the reviewer has not edited yet), the submission before it, so a
     * resubmitted story shows what changed since the previous review. Empty when the story was never submitted.
     */
    public Optional<Revision> lastSubmitted(UUID storyId) {
        Story story = stories.get(storyId);
        List<Revision> submits = stories.revisions(storyId).stream()
                .filter(r -> r.kind() == RevisionKind.STATUS_CHANGE && r.status() == Status.SUBMITTED).toList();
        if (submits.isEmpty()) {
            return Optional.empty();
        }
        Revision last = submits.get(submits.size() - 1);
        if (submits.size() > 1 && sameText(last.content(), story.content()) && captionsUnchangedSince(storyId, last)) {
            return Optional.of(submits.get(submits.size() - 2));
        }
        return Optional.of(last);
    }

    /** Diff from the last submitted revision to the current content; empty when never submitted. */
    public Optional<Result> sinceLastSubmitted(UUID storyId) {
        Story story = stories.get(storyId);
        return lastSubmitted(storyId).map(from -> result(storyId, from, story.content(), null, "current"));
    }

    /** Diff between two revisions of a story (ids or unique prefixes). */
    public Result between(UUID storyId, String fromRevision, String toRevision) {
        Revision a = stories.revision(storyId, fromRevision);
        Revision b = stories.revision(storyId, toRevision);
        return result(storyId, a, b.content(), b, b.id().toString());
    }

    /** Diff from a revision to the current content. */
    public Result toCurrent(UUID storyId, String fromRevision) {
        Revision a = stories.revision(storyId, fromRevision);
        Story story = stories.get(storyId);
        if (!a.storyId().equals(storyId)) {
            throw new NotFoundException("no revision " + fromRevision + " in this story");
        }
        return result(storyId, a, story.content(), null, "current");
    }

    /** {@code to} null means the story as it is now. */
    private Result result(UUID storyId, Revision from, StoryContent toContent, Revision to, String toLabel) {
        Optional<List<PictureCaption>> before = captions.captions(storyId, from.id());
        Optional<List<PictureCaption>> after = captions.captions(storyId, to == null ? null : to.id());
        List<FieldDiff> fields = new ArrayList<>(textFields(from.content(), toContent));
        String note = "";
        if (before.isPresent() && after.isPresent()) {
            fields.addAll(captionFields(before.get(), after.get()));
        } else if (!noPictures(before) || !noPictures(after) || !noPictures(captions.captions(storyId, null))) {
            List<String> unknown = new ArrayList<>();
            if (before.isEmpty()) {
                unknown.add(WHEN.format(from.createdAt()));
            }
            if (after.isEmpty() && to != null) {
                unknown.add(WHEN.format(to.createdAt()));
            }
            note = (unknown.isEmpty() ? "Captions were not recorded"
                    : "Captions were not recorded with the revision" + (unknown.size() > 1 ? "s" : "") + " of "
                    + String.join(" and ", unknown) + " (made before Dispatch kept captions with revisions)")
                    + ", so caption changes are not shown.";
        }
        return new Result(from, toLabel, fields, note);
    }

    private static boolean noPictures(Optional<List<PictureCaption>> side) {
        return side.isEmpty() || side.get().isEmpty();
    }

    private boolean captionsUnchangedSince(UUID storyId, Revision r) {
        Optional<List<PictureCaption>> then = captions.captions(storyId, r.id());
        if (then.isEmpty()) {
            return true;
        }
        return PictureCaption.same(then.get(), captions.captions(storyId, null).orElse(List.of()));
    }

    private static List<FieldDiff> textFields(StoryContent a, StoryContent b) {
        List<FieldDiff> out = new ArrayList<>();
        out.add(new FieldDiff("headline", WordDiff.diff(a.headline(), b.headline())));
        out.add(new FieldDiff("standfirst", WordDiff.diff(a.standfirst(), b.standfirst())));
        out.add(new FieldDiff("body", WordDiff.diff(BodyHtml.plainText(a.bodyHtml()), BodyHtml.plainText(b.bodyHtml()))));
        return out;
    }

    /**
     * The field diffs between two contents and their pictures' captions: headline, standfirst, body, then
     * one caption diff per picture on either side, in the "after" side's picture order, pictures only on
     * the "before" side (removed or trashed) last.
     */
    public static List<FieldDiff> diff(StoryContent a, StoryContent b, List<PictureCaption> captionsA, List<PictureCaption> captionsB) {
        List<FieldDiff> out = new ArrayList<>(textFields(a, b));
        out.addAll(captionFields(captionsA, captionsB));
        return out;
    }

    private static List<FieldDiff> captionFields(List<PictureCaption> before, List<PictureCaption> after) {
        Map<UUID, PictureCaption> a = inOrder(before);
        Map<UUID, PictureCaption> b = inOrder(after);
        List<UUID> order = new ArrayList<>(b.keySet());
        a.keySet().stream().filter(id -> !b.containsKey(id)).forEach(order::add);
        Map<UUID, String> names = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (UUID id : order) {
            String name = pictureName(b.getOrDefault(id, a.get(id)), a.get(id));
            names.put(id, name);
            seen.merge(name, 1, Integer::sum);
        }
        List<FieldDiff> out = new ArrayList<>();
        for (UUID id : order) {
            PictureCaption x = a.get(id);
            PictureCaption y = b.get(id);
            String name = names.get(id);
            if (seen.get(name) > 1) {
                name = name + " (" + id.toString().substring(0, 8) + ")";
            }
            out.add(new FieldDiff(CAPTION_PREFIX + id, "Caption — " + name,
                    WordDiff.diff(x == null ? "" : x.caption(), y == null ? "" : y.caption()), x != null, y != null));
        }
        return out;
    }

    private static Map<UUID, PictureCaption> inOrder(List<PictureCaption> list) {
        Map<UUID, PictureCaption> m = new LinkedHashMap<>();
        list.stream().sorted(java.util.Comparator.comparingInt(PictureCaption::position).thenComparing(p -> p.mediaId().toString()))
                .forEach(p -> m.putIfAbsent(p.mediaId(), p));
        return m;
    }

    /** The file name; without one the first words of the caption; without either the start of the id. */
    static String pictureName(PictureCaption p, PictureCaption other) {
        if (!p.fileName().isBlank()) {
            return p.fileName().strip();
        }
        if (other != null && !other.fileName().isBlank()) {
            return other.fileName().strip();
        }
        String text = !p.caption().isBlank() ? p.caption() : other == null ? "" : other.caption();
        String[] words = text.strip().split("\\s+");
        if (!text.isBlank()) {
            String first = String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, LABEL_WORDS)));
            return "\u201C" + first + (words.length > LABEL_WORDS ? "\u2026" : "") + "\u201D";
        }
        return "picture " + p.mediaId().toString().substring(0, 8);
    }

    private static String defaultLabel(String field) {
        return switch (field) {
            case "headline" -> "Headline";
            case "standfirst" -> "Standfirst";
            case "body" -> "Body";
            default -> field.startsWith(CAPTION_PREFIX) ? "Caption " + field.substring(CAPTION_PREFIX.length()) : field;
        };
    }

    private static boolean sameText(StoryContent a, StoryContent b) {
        return a.headline().equals(b.headline()) && a.standfirst().equals(b.standfirst()) && a.bodyHtml().equals(b.bodyHtml());
    }
}
