package app.dispatch.ui.review;

import app.dispatch.domain.StorySummary;
import app.dispatch.service.WorkflowService;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The editor's review queue: submitted stories, the one waiting longest first. Loads in the background. */
public final class ReviewQueueModel {
    private final WorkflowService workflow;
    private final Executor background;
    private final Executor fx;
    private final ObservableList<StorySummary> stories = FXCollections.observableArrayList();

    public ReviewQueueModel(WorkflowService workflow, Executor background, Executor fx) {
        this.workflow = workflow;
        this.background = background;
        this.fx = fx;
    }

    public ObservableList<StorySummary> stories() {
        return stories;
    }

    public void reload() {
        background.execute(() -> {
            List<StorySummary> queue = workflow.reviewQueue();
            fx.execute(() -> stories.setAll(queue));
        });
    }
}
