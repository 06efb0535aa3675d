package app.dispatch.ui.export;

import app.dispatch.domain.PreflightIssue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The pre-flight dialog: lists errors and warnings, re-checks after the user fixes them, exports
 * (or exports anyway past warnings) with a progress bar and Cancel. Errors keep Export disabled.
 */
public final class PreflightDialog {
    private final ExportModel model;
    private final VBox root;

    public PreflightDialog(ExportModel model) {
        this.model = model;
        this.root = build();
    }

    /** The dialog's content as a self-contained node (also what tests host). */
    public Node node() {
        return root;
    }

    /** Shows the dialog over {@code owner} and runs the first check. */
    public static Stage show(Window owner, ExportModel model) {
        PreflightDialog d = new PreflightDialog(model);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Pre-flight: " + model.target().getFileName());
        stage.setScene(new Scene((Region) d.node(), 560, 380));
        stage.setOnCloseRequest(e -> model.cancel());
        stage.show();
        model.check();
        return stage;
    }

    private VBox build() {
        Label heading = new Label("Before export");
        heading.setStyle("-fx-font-size: 1.3em; -fx-font-weight: bold;");
        ListView<PreflightIssue> list = new ListView<>(model.issues());
        list.setId("preflight-issues");
        list.setAccessibleText("Pre-flight findings");
        list.setPlaceholder(new Label("Nothing to fix."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(PreflightIssue item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : (item.isError() ? "Error: " : "Warning: ") + item.message());
                setStyle(empty || item == null ? "" : item.isError() ? "-fx-text-fill: #b00020;" : "-fx-text-fill: #8a5300;");
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Label status = new Label();
        status.setId("preflight-status");
        status.textProperty().bind(model.statusProperty());
        status.setWrapText(true);

        ProgressBar bar = new ProgressBar();
        bar.setId("export-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.runningProperty());

        Button recheck = new Button("Check again");
        recheck.setId("preflight-recheck");
        recheck.disableProperty().bind(model.checkingProperty().or(model.runningProperty()));
        recheck.setOnAction(e -> model.check());

        Button export = new Button("Export");
        export.setId("preflight-export");
        export.setDefaultButton(true);
        export.textProperty().bind(javafx.beans.binding.Bindings.when(model.warningsOnlyProperty())
                .then("Export anyway").otherwise("Export"));
        export.disableProperty().bind(model.blockedProperty().or(model.checkingProperty()).or(model.runningProperty()));
        export.setOnAction(e -> model.export());

        Button cancel = new Button("Cancel");
        cancel.setId("preflight-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            if (model.runningProperty().get()) {
                model.cancel();
            } else if (root.getScene() != null && root.getScene().getWindow() instanceof Stage s && s.getOwner() != null) {
                s.close();
            }
        });

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, recheck, spacer, cancel, export);
        VBox box = new VBox(10, heading, list, status, bar, buttons);
        box.setPadding(new Insets(14));
        return box;
    }
}
