package app.dispatch.ui.review;

import app.dispatch.service.ReviewDiff;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Loads a review diff in the background: since the last submission, or between two revisions. */
public final class DiffModel {
    private final ReviewDiff diffs;
    private final Executor background;
    private final Executor fx;
    private final ObjectProperty<ReviewDiff.Result> result = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");

    public DiffModel(ReviewDiff diffs, Executor background, Executor fx) {
        this.diffs = diffs;
        this.background = background;
        this.fx = fx;
    }

    public ObjectProperty<ReviewDiff.Result> resultProperty() {
        return result;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public void loadSinceLastSubmitted(UUID storyId) {
        load(() -> diffs.sinceLastSubmitted(storyId), "This story has not been submitted yet.");
    }

    public void loadBetween(UUID storyId, String fromRevision, String toRevision) {
        load(() -> Optional.of(diffs.between(storyId, fromRevision, toRevision)), "");
    }

    private void load(Supplier<Optional<ReviewDiff.Result>> work, String whenEmpty) {
        background.execute(() -> {
            try {
                Optional<ReviewDiff.Result> r = work.get();
                fx.execute(() -> {
                    result.set(r.orElse(null));
                    message.set(r.isEmpty() ? whenEmpty : r.get().changed() ? ""
                            : r.get().note().isEmpty() ? "No changes." : "No changes in the text.");
                });
            } catch (RuntimeException e) {
                fx.execute(() -> message.set(e.getMessage()));
            }
        });
    }
}
