package app.dispatch.service;

import app.dispatch.check.PreflightErrorCount;
import app.dispatch.domain.DispatchException;
import app.dispatch.domain.LibraryScope;
import app.dispatch.domain.Status;
import app.dispatch.domain.StatusChange;
import app.dispatch.domain.Story;
import app.dispatch.domain.StorySummary;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The review workflow: which status may follow which, and who (by profile role) may make the move.
 * Approving also needs zero open pre-flight errors. Every move is kept as history with a revision.
 * Blocking: never call on the FX thread.
 */
public final class WorkflowService {
    public static final String EDIT_AFTER_APPROVAL_WARNING =
            "This story is approved. Editing it sends it back to Draft and it must be submitted and approved again.";
    public static final String EDIT_AFTER_APPROVAL_NOTE = "edited after approval";

    /** One allowed move and the roles that may make it. */
    public record Transition(Status from, Status to, Set<Profile.Role> roles) {
    }

    private static final Set<Profile.Role> ANYONE = EnumSet.allOf(Profile.Role.class);
    private static final Set<Profile.Role> EDITOR = EnumSet.of(Profile.Role.EDITOR);

    public static final List<Transition> TRANSITIONS = List.of(
            new Transition(Status.DRAFT, Status.SUBMITTED, ANYONE),
            new Transition(Status.SUBMITTED, Status.DRAFT, ANYONE),
            new Transition(Status.SUBMITTED, Status.IN_REVIEW, EDITOR),
            new Transition(Status.IN_REVIEW, Status.CHANGES_REQUESTED, EDITOR),
            new Transition(Status.IN_REVIEW, Status.APPROVED, EDITOR),
            new Transition(Status.CHANGES_REQUESTED, Status.DRAFT, ANYONE),
            new Transition(Status.CHANGES_REQUESTED, Status.SUBMITTED, ANYONE),
            new Transition(Status.APPROVED, Status.IN_REVIEW, EDITOR),
            new Transition(Status.APPROVED, Status.EXPORTED, ANYONE),
            new Transition(Status.APPROVED, Status.DRAFT, ANYONE),
            new Transition(Status.EXPORTED, Status.DRAFT, ANYONE));

    private final StoryService stories;
    private final Supplier<Profile.Role> role;
    private final PreflightErrorCount preflight;

    public WorkflowService(StoryService stories, Supplier<Profile.Role> role, PreflightErrorCount preflight) {
        this.stories = stories;
        this.role = role;
        this.preflight = preflight;
    }

    /** The statuses a story in {@code from} may move to by someone with {@code role}. */
    public static List<Status> next(Status from, Profile.Role role) {
        return TRANSITIONS.stream().filter(t -> t.from() == from && t.roles().contains(role)).map(Transition::to).toList();
    }

    /** Why the current user may not move the story to {@code to}; empty when the move is allowed. */
    public Optional<String> refusal(Story story, Status to) {
        Status from = story.status();
        Profile.Role who = role.get();
        Optional<Transition> t = TRANSITIONS.stream().filter(x -> x.from() == from && x.to() == to).findFirst();
        if (t.isEmpty()) {
            List<Status> options = TRANSITIONS.stream().filter(x -> x.from() == from).map(Transition::to).toList();
            return Optional.of("a " + from.cliName() + " story cannot become " + to.cliName() + "; it can become: "
                    + options.stream().map(Status::cliName).collect(Collectors.joining(", ")));
        }
        if (!t.get().roles().contains(who)) {
            return Optional.of("only an editor can move a story from " + from.cliName() + " to " + to.cliName()
                    + " (your profile role is " + who.name().toLowerCase() + ")");
        }
        if (to == Status.APPROVED) {
            int errors = preflight.openErrors(story);
            if (errors > 0) {
                return Optional.of("cannot approve: " + errors + " pre-flight error" + (errors == 1 ? "" : "s")
                        + " open (see dispatch check)");
            }
        }
        return Optional.empty();
    }

    /** Moves the story, or throws with the reason it may not move. */
    public Story move(UUID storyId, Status to, String note) {
        Story story = stories.get(storyId);
        Optional<String> no = refusal(story, to);
        if (no.isPresent()) {
            throw new DispatchException(no.get());
        }
        return stories.setStatus(storyId, to, note == null ? "" : note.strip());
    }

    public List<StatusChange> history(UUID storyId) {
        return stories.statusHistory(storyId);
    }

    /** Whether editing a story in this status must warn first (it goes back to Draft). */
    public static boolean editNeedsWarning(Status status) {
        return status == Status.APPROVED || status == Status.EXPORTED;
    }

    /**
     * Call when an approved (or exported) story is edited: moves it back to Draft with a note.
     * Returns true when it moved; the editor shows {@link #EDIT_AFTER_APPROVAL_WARNING} before the first such edit.
     */
    public boolean onEditAfterApproval(UUID storyId) {
        Story story = stories.get(storyId);
        if (!editNeedsWarning(story.status())) {
            return false;
        }
        stories.setStatus(storyId, Status.DRAFT, EDIT_AFTER_APPROVAL_NOTE);
        return true;
    }

    /** Submitted stories, the one waiting longest first. */
    public List<StorySummary> reviewQueue() {
        List<StorySummary> submitted = stories.list(LibraryScope.ACTIVE, Status.SUBMITTED);
        return submitted.stream().sorted(Comparator.comparing((StorySummary s) -> submittedAt(s)).thenComparing(StorySummary::id))
                .toList();
    }

    /** When the story was last submitted (its last move to Submitted; its update time if history is missing). */
    public Instant submittedAt(StorySummary s) {
        List<StatusChange> h = stories.statusHistory(s.id());
        for (int i = h.size() - 1; i >= 0; i--) {
            if (h.get(i).to() == Status.SUBMITTED) {
                return h.get(i).changedAt();
            }
        }
        return s.updatedAt();
    }
}
