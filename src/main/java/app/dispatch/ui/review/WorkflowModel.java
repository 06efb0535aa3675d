package app.dispatch.ui.review;

import app.dispatch.domain.Status;
import app.dispatch.domain.StatusChange;
import app.dispatch.domain.Story;
import app.dispatch.service.Profile;
import app.dispatch.service.WorkflowService;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** A story's workflow status, the moves the user may make, and its history. Moves run in the background. */
public final class WorkflowModel {
    private final WorkflowService workflow;
    private final Supplier<Profile.Role> role;
    private final Supplier<Story> story;
    private final Executor background;
    private final Executor fx;
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>();
    private final ObservableList<Status> next = FXCollections.observableArrayList();
    private final ObservableList<StatusChange> history = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty("");

    /** {@code story} and {@code role} are read on the background executor. */
    public WorkflowModel(WorkflowService workflow, Supplier<Story> story, Supplier<Profile.Role> role, Executor background, Executor fx) {
        this.workflow = workflow;
        this.story = story;
        this.role = role;
        this.background = background;
        this.fx = fx;
    }

    public ObjectProperty<Status> statusProperty() {
        return status;
    }

    public ObservableList<Status> next() {
        return next;
    }

    public ObservableList<StatusChange> history() {
        return history;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public void reload() {
        background.execute(() -> {
            Story s = story.get();
            publish(s, "");
        });
    }

    public void move(Status to, String note) {
        background.execute(() -> {
            UUID id = story.get().id();
            try {
                workflow.move(id, to, note);
                publish(story.get(), "");
            } catch (RuntimeException e) {
                publish(story.get(), e.getMessage());
            }
        });
    }

    private void publish(Story s, String message) {
        List<Status> moves = WorkflowService.next(s.status(), role.get());
        List<StatusChange> h = workflow.history(s.id());
        fx.execute(() -> {
            status.set(s.status());
            next.setAll(moves);
            history.setAll(h);
            error.set(message);
        });
    }
}
