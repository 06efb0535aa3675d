package app.dispatch.ui.export;

import app.dispatch.domain.ExportOptions;
import app.dispatch.domain.PackageKind;
import app.dispatch.domain.PreflightIssue;
import app.dispatch.service.PackageService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of one export: pre-flight findings, whether export may go ahead, progress and outcome.
 * Pre-flight and the export run on {@code background}; results are published on {@code fx}.
 */
public final class ExportModel {
    private final PackageService packages;
    private final List<UUID> storyIds;
    private final Path target;
    private final ExportOptions options;
    private final Executor background;
    private final Executor fx;

    private final ObservableList<PreflightIssue> issues = FXCollections.observableArrayList();
    private final BooleanProperty checking = new SimpleBooleanProperty(false);
    private final BooleanProperty blocked = new SimpleBooleanProperty(false);
    private final BooleanProperty warningsOnly = new SimpleBooleanProperty(false);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty exported = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("");
    private volatile ExportTask task;

    public ExportModel(PackageService packages, List<UUID> storyIds, Path target, ExportOptions options, Executor background, Executor fx) {
        this.packages = packages;
        this.storyIds = List.copyOf(storyIds);
        this.target = target;
        this.options = options;
        this.background = background;
        this.fx = fx;
    }

    /** Runs pre-flight for every story again (after the user fixed something). */
    public void check() {
        checking.set(true);
        status.set("Checking…");
        background.execute(() -> {
            List<PreflightIssue> found = new ArrayList<>();
            String error = null;
            try {
                for (UUID id : storyIds) {
                    found.addAll(packages.preflight(id));
                }
            } catch (RuntimeException e) {
                error = e.getMessage();
            }
            String failure = error;
            fx.execute(() -> {
                issues.setAll(found);
                boolean errors = options.kind() == PackageKind.PUBLICATION && found.stream().anyMatch(PreflightIssue::isError);
                blocked.set(errors);
                warningsOnly.set(!errors && options.kind() == PackageKind.PUBLICATION && !found.isEmpty());
                checking.set(false);
                status.set(failure != null ? "Pre-flight failed: " + failure
                        : errors ? "Fix the errors to export."
                        : found.isEmpty() ? "Ready to export." : options.kind() == PackageKind.REVIEW
                        ? "A review package is never blocked." : "Warnings can be exported anyway.");
            });
        });
    }

    /** Starts the export; warnings are passed because the user chose to go ahead. */
    public ExportTask export() {
        if (blocked.get() || running.get()) {
            throw new IllegalStateException("export is blocked or already running");
        }
        ExportTask t = new ExportTask(packages, storyIds, target, options.withForce(true));
        task = t;
        running.set(true);
        exported.set(false);
        progress.unbind();
        progress.bind(t.progressProperty());
        status.set("Exporting…");
        t.setOnSucceeded(e -> finish(true, "Exported to " + target));
        t.setOnFailed(e -> finish(false, "Export failed: " + (t.getException() == null ? "" : t.getException().getMessage())));
        t.setOnCancelled(e -> finish(false, "Export cancelled; no file was written."));
        background.execute(t);
        return t;
    }

    public void cancel() {
        ExportTask t = task;
        if (t != null) {
            t.cancel(false);
        }
    }

    private void finish(boolean ok, String message) {
        progress.unbind();
        progress.set(ok ? 1 : 0);
        running.set(false);
        exported.set(ok);
        status.set(message);
    }

    public ObservableList<PreflightIssue> issues() {
        return FXCollections.unmodifiableObservableList(issues);
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking;
    }

    public ReadOnlyBooleanProperty blockedProperty() {
        return blocked;
    }

    public ReadOnlyBooleanProperty warningsOnlyProperty() {
        return warningsOnly;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyBooleanProperty exportedProperty() {
        return exported;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public Path target() {
        return target;
    }

    public ExportOptions options() {
        return options;
    }
}
