package app.dispatch.ui.review;

import app.dispatch.domain.Finding;
import app.dispatch.domain.Status;
import app.dispatch.service.CommentService;
import app.dispatch.service.Library;
import app.dispatch.service.Profile;
import app.dispatch.service.WorkflowService;
import app.dispatch.ui.common.Async;
import app.dispatch.ui.editor.BodyArea;
import app.dispatch.ui.shell.Feature;
import app.dispatch.ui.shell.FeatureContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Review in the main window: Comments, Checks and Workflow side tabs for the open story, comment
 * and check marks in the body, the review menu items and the first-start profile. Every service
 * call runs on the background executor; the FX thread only applies results.
 */
public final class ReviewFeature implements Feature {
    /** System property that suppresses the first-start profile dialog (tests, kiosk set-ups). */
    public static final String SKIP_PROFILE = "dispatch.skipProfile";

    /**
     * Checks get their own daemon thread: loading LanguageTool takes seconds and must not hold up the
     * shared background pool that saves, comments and workflow moves use.
     */
    private static final java.util.concurrent.Executor CHECK_THREAD = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dispatch-checks");
        t.setDaemon(true);
        return t;
    });

    /** Pause in typing after which the changed paragraphs are checked again and the marks redrawn. */
    static final long LIVE_CHECK_PAUSE_MS = 200;

    private FeatureContext ctx;
    private Library lib;
    private Tab commentsTab;
    private Tab checksTab;
    private Tab workflowTab;
    private CommentsModel comments;
    private CommentsPane commentsPane;
    private ChecksModel checks;
    private WorkflowModel workflow;
    private int[] activeComment;
    private Status status;
    private final Set<UUID> warnedAfterApproval = new HashSet<>();
    private final Label notice = new Label();
    private Stage queueStage;
    private ReviewQueueModel queue;
    private Stage diffStage;
    private DiffModel diff;

    @Override
    public void install(FeatureContext context) {
        this.ctx = context;
        this.lib = context.library();
        commentsTab = context.editor().addSideTab("Comments", new Label("No story open"));
        commentsTab.setId("tab-comments");
        checksTab = context.editor().addSideTab("Checks", new Label("No story open"));
        checksTab.setId("tab-checks");
        workflowTab = context.editor().addSideTab("Workflow", new Label("No story open"));
        workflowTab.setId("tab-workflow");
        notice.setId("review-notice");
        notice.getStyleClass().add("review-notice");
        notice.setWrapText(true);
        context.editor().addStatusItem(notice);

        // an FX timer restarted by every keystroke, not the autosave scheduler: a slow save must not hold up the marks
        PauseTransition pause = new PauseTransition(Duration.millis(LIVE_CHECK_PAUSE_MS));
        checks = new ChecksModel(lib.checks(), CHECK_THREAD, context.executors().fx(), task -> {
            pause.setOnFinished(e -> task.run());
            pause.playFromStart();
        });
        checks.setOnJump(this::select);
        checks.bodyFindings().addListener((ListChangeListener<Finding>) c -> decorateFindings());
        context.editor().model().bodyText.addListener((o, a, text) -> bodyChanged(text));
        context.editor().model().language.addListener((o, a, language) -> bodyChanged(context.editor().model().bodyText.get()));
        ChecksPane checksPane = new ChecksPane(checks);
        checksPane.enableWordActions(this::wordOf,
                w -> withStory(id -> checks.ignore(null, w, id)),
                w -> withStory(id -> checks.addToDictionary(w, id)));
        checksTab.setContent(checksPane);

        context.openStory().addListener((o, a, id) -> show(id));
        context.editor().model().saveStateProperty().addListener((o, a, state) -> saveStateChanged(state));

        MenuItem comment = item("Co_mment on selection", CommentsPane.NEW_COMMENT, "menu-comment", this::commentOnSelection);
        MenuItem submit = item("Su_bmit for review", null, "menu-submit", this::submit);
        MenuItem queueItem = item("Review _queue…", null, "menu-review-queue", this::showQueue);
        MenuItem changes = item("Changes since last re_view…", null, "menu-review-diff", this::showDiff);
        comment.disableProperty().bind(context.openStory().isNull());
        submit.disableProperty().bind(context.openStory().isNull());
        changes.disableProperty().bind(context.openStory().isNull());
        context.addMenuItem("Story", new SeparatorMenuItem());
        context.addMenuItem("Story", comment);
        context.addMenuItem("Story", submit);
        context.addMenuItem("Story", queueItem);
        context.addMenuItem("Story", changes);
        context.addMenuItem("View", item("_Profile…", null, "menu-profile", this::showProfile));

        context.libraryView().addToolItem(statusFilter(context.libraryView().model().statusFilter));

        if (!Boolean.getBoolean(SKIP_PROFILE)) {
            Async.run(context.executors(), () -> lib.profile().isSet(), set -> {
                if (!set) {
                    whenWindowShown(this::showProfile, 50);
                }
            }, context::showError);
        }
    }

    private static MenuItem item(String text, javafx.scene.input.KeyCombination accelerator, String id, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        if (accelerator != null) {
            m.setAccelerator(accelerator);
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    /** The library's status filter: "All statuses" or one status. */
    private static javafx.scene.control.ComboBox<Status> statusFilter(javafx.beans.property.ObjectProperty<Status> target) {
        javafx.scene.control.ComboBox<Status> box = new javafx.scene.control.ComboBox<>();
        box.setId("lib-status-filter");
        box.getItems().add(null);
        box.getItems().addAll(Status.values());
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Status s) {
                return s == null ? "All statuses" : s.label();
            }

            @Override
            public Status fromString(String text) {
                return null;
            }
        });
        box.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Status s, boolean empty) {
                super.updateItem(s, empty);
                setText(s == null ? "All statuses" : s.label());
            }
        });
        box.setValue(null);
        box.valueProperty().bindBidirectional(target);
        box.setAccessibleText("Filter by status");
        return box;
    }

    private void show(UUID id) {
        comments = null;
        commentsPane = null;
        workflow = null;
        activeComment = null;
        status = null;
        notice.setText("");
        if (id == null) {
            commentsTab.setContent(new Label("No story open"));
            workflowTab.setContent(new Label("No story open"));
            checks.reset();
            return;
        }
        var ex = ctx.executors();
        CommentsModel cm = new CommentsModel(lib.comments(), id, ex.background(), ex.fx());
        cm.setOnJump((s, e) -> {
            activeComment = new int[] {s, e};
            decorateComments();
            select(s, e);
        });
        cm.threads().addListener((ListChangeListener<CommentService.Thread>) c -> decorateComments());
        CommentsPane pane = new CommentsPane(cm, () -> ctx.editor().body().getSelection());
        pane.setBeforeAdd(store -> ctx.editor().model().flush(store));
        comments = cm;
        commentsPane = pane;
        commentsTab.setContent(pane);
        cm.reload();

        WorkflowModel wm = new WorkflowModel(lib.workflow(), () -> lib.stories().get(id), () -> lib.profile().role(),
                ex.background(), ex.fx());
        wm.statusProperty().addListener((o, a, s) -> {
            status = s;
            if (a != null && WorkflowService.editNeedsWarning(s)) {
                warnedAfterApproval.remove(id);
            }
            if (a != null && s != a) {
                ctx.refreshLibrary();
            }
        });
        workflow = wm;
        workflowTab.setContent(new WorkflowPane(wm));
        wm.reload();

        String language = ctx.editor().model().language.get();
        checks.reset();
        checks.warmUp(language);
        checks.checkStory(id);
        checks.recheckBody(ctx.editor().body().getText(), language);
    }

    /** The body text (or its language) changed: its marks follow after a pause, from a re-check of the changed paragraphs. */
    private void bodyChanged(String text) {
        if (ctx.openStory().get() != null && text != null) {
            checks.bodyChanged(text, ctx.editor().model().language.get());
        }
    }

    /**
     * After each save the comments are re-read (their anchors moved with the text) and the story is checked
     * again for pre-flight, headline and standfirst; the body's marks come from the live check.
     */
    private void saveStateChanged(String state) {
        UUID id = ctx.openStory().get();
        if (id == null || state == null) {
            return;
        }
        if (state.equals("Saved")) {
            if (comments != null) {
                comments.reload();
            }
            checks.checkStory(id);
        } else if (state.startsWith("Saving") && status != null && WorkflowService.editNeedsWarning(status)
                && warnedAfterApproval.add(id)) {
            Async.run(ctx.executors(), () -> lib.workflow().onEditAfterApproval(id), moved -> {
                if (moved && id.equals(ctx.openStory().get())) {
                    notice.setText(WorkflowService.EDIT_AFTER_APPROVAL_WARNING);
                    if (workflow != null) {
                        workflow.reload();
                    }
                    ctx.refreshLibrary();
                }
            }, ctx::showError);
        }
    }

    private void decorateComments() {
        BodyArea body = ctx.editor().body();
        List<int[]> open = new ArrayList<>();
        if (comments != null) {
            for (CommentService.Thread t : comments.threads()) {
                var c = t.root();
                if (!c.resolved() && !c.passageRemoved()) {
                    open.add(new int[] {c.anchorStart(), c.anchorEnd()});
                }
            }
        }
        body.decorate("comment", open);
        int[] active = activeComment;
        boolean stillOpen = active != null && open.stream().anyMatch(r -> r[0] == active[0] && r[1] == active[1]);
        body.decorate("comment-active", stillOpen ? List.of(active) : List.of());
    }

    /** Marks the live check's findings; its positions are those of the body's text now (it applies only then). */
    private void decorateFindings() {
        List<int[]> spell = new ArrayList<>();
        List<int[]> style = new ArrayList<>();
        for (Finding f : checks.bodyFindings()) {
            if (!f.field().equals("body") || f.end() <= f.start()) {
                continue;
            }
            if (f.ruleId().startsWith("spelling.") || f.ruleId().startsWith("grammar.")) {
                spell.add(new int[] {f.start(), f.end()});
            } else if (f.ruleId().startsWith("style.")) {
                style.add(new int[] {f.start(), f.end()});
            }
        }
        BodyArea body = ctx.editor().body();
        body.decorate("spell", spell);
        body.decorate("style", style);
    }

    private String wordOf(Finding f) {
        BodyArea body = ctx.editor().body();
        if (!f.field().equals("body") || f.end() > body.getLength() || f.end() <= f.start()) {
            return null;
        }
        return body.getText(f.start(), f.end());
    }

    private void withStory(java.util.function.Consumer<UUID> action) {
        UUID id = ctx.openStory().get();
        if (id != null) {
            action.accept(id);
        }
    }

    private void select(int start, int end) {
        BodyArea body = ctx.editor().body();
        int a = Math.max(0, Math.min(start, body.getLength()));
        int b = Math.max(a, Math.min(end, body.getLength()));
        body.selectRange(a, b);
        body.requestFollowCaret();
        body.requestFocus();
    }

    /** Ctrl+Alt+M: the Comments tab with the cursor in the new-comment field; the body keeps its selection. */
    public void commentOnSelection() {
        if (commentsPane == null) {
            return;
        }
        if (ctx.editor().body().getSelection().getLength() == 0) {
            ctx.showError(new IllegalStateException("Select the passage to comment on first."));
            return;
        }
        ctx.editor().selectSideTab(commentsTab);
        commentsPane.startComment();
    }

    /** Saves pending edits, then moves the open story to Submitted. */
    public void submit() {
        WorkflowModel wm = workflow;
        if (wm == null) {
            return;
        }
        ctx.editor().model().flush(() -> {
            wm.move(Status.SUBMITTED, "");
            ctx.editor().selectSideTab(workflowTab);
        });
    }

    private void showQueue() {
        if (queueStage == null) {
            queue = new ReviewQueueModel(lib.workflow(), ctx.executors().background(), ctx.executors().fx());
            queueStage = window("Dispatch — Review queue", new ReviewQueueView(queue, id -> {
                ctx.openStoryInEditor(id);
                if (ctx.window() instanceof Stage main) {
                    main.toFront();
                }
            }), 520, 480);
        }
        queue.reload();
        queueStage.show();
        queueStage.toFront();
    }

    private void showDiff() {
        UUID id = ctx.openStory().get();
        if (id == null) {
            return;
        }
        if (diffStage == null) {
            diff = new DiffModel(lib.reviewDiff(), ctx.executors().background(), ctx.executors().fx());
            DiffView view = new DiffView(diff);
            view.setId("review-diff");
            diffStage = window("Dispatch — Changes since last review", view, 760, 560);
        }
        DiffModel dm = diff;
        ctx.editor().model().flush(() -> dm.loadSinceLastSubmitted(id));
        diffStage.show();
        diffStage.toFront();
    }

    private Stage window(String title, Parent content, double w, double h) {
        Stage s = new Stage();
        s.setTitle(title);
        if (ctx.window() != null) {
            s.initOwner(ctx.window());
        }
        Scene scene = new Scene(new StackPane(content), w, h);
        if (ctx.window() != null && ctx.window().getScene() != null) {
            scene.getStylesheets().setAll(ctx.window().getScene().getStylesheets());
        }
        s.setScene(scene);
        return s;
    }

    private void showProfile() {
        Profile profile = lib.profile();
        record Current(String name, String initials, Profile.Role role) {
        }
        Async.run(ctx.executors(), () -> new Current(profile.name(), profile.initials(), profile.role()), cur -> {
            ProfileDialog d = new ProfileDialog(profile, cur.name(), cur.initials(), cur.role(), ctx.executors().background());
            if (ctx.window() != null) {
                d.initOwner(ctx.window());
            }
            d.show();
        }, ctx::showError);
    }

    /** Runs {@code action} once the main window is showing (the feature is installed before it has one). */
    private void whenWindowShown(Runnable action, int triesLeft) {
        if (ctx.window() != null && ctx.window().isShowing()) {
            action.run();
        } else if (triesLeft > 0) {
            ctx.executors().scheduler().schedule(() -> ctx.executors().fx().execute(() -> whenWindowShown(action, triesLeft - 1)),
                    200, TimeUnit.MILLISECONDS);
        }
    }

    public ChecksModel checks() {
        return checks;
    }
}
