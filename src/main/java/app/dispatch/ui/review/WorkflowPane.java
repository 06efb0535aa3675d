package app.dispatch.ui.review;

import app.dispatch.domain.Status;
import app.dispatch.domain.StatusChange;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** Status of the story with a colour, one button per allowed move (Submit, Approve …), a note, and the history. */
public final class WorkflowPane extends VBox {
    private final FlowPane buttons = new FlowPane(6, 6);
    private final TextField note = new TextField();
    private final WorkflowModel model;

    public WorkflowPane(WorkflowModel model) {
        super(6);
        this.model = model;
        setPadding(new Insets(8));
        Label status = new Label();
        status.setId("workflow-status");
        status.textProperty().bind(model.statusProperty().map(s -> s == null ? "" : s.label()));
        model.statusProperty().addListener((o, a, s) -> status.setStyle("-fx-padding: 2 8; -fx-background-radius: 8; -fx-background-color: "
                + colour(s) + ";"));
        note.setPromptText("Note (optional)");
        Label error = new Label();
        error.textProperty().bind(model.errorProperty());
        error.setWrapText(true);
        ListView<StatusChange> history = new ListView<>(model.history());
        history.setPrefHeight(120);
        history.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(StatusChange c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.to().label() + " · " + c.actor() + " · " + c.changedAt()
                        + (c.note().isBlank() ? "" : "\n" + c.note()));
            }
        });
        model.next().addListener((ListChangeListener<Status>) c -> rebuild());
        getChildren().addAll(status, buttons, note, error, history);
    }

    private void rebuild() {
        buttons.getChildren().clear();
        for (Status s : model.next()) {
            Button b = new Button(action(s));
            b.setId("move-" + s.cliName());
            b.setOnAction(e -> {
                model.move(s, note.getText());
                note.clear();
            });
            buttons.getChildren().add(b);
        }
    }

    static String action(Status to) {
        return switch (to) {
            case DRAFT -> "Back to draft";
            case SUBMITTED -> "Submit";
            case IN_REVIEW -> "Start review";
            case CHANGES_REQUESTED -> "Request changes";
            case APPROVED -> "Approve";
            case EXPORTED -> "Mark exported";
        };
    }

    static String colour(Status s) {
        if (s == null) {
            return "transparent";
        }
        return switch (s) {
            case DRAFT -> "#e1e4e8";
            case SUBMITTED -> "#ddf4ff";
            case IN_REVIEW -> "#fff8c5";
            case CHANGES_REQUESTED -> "#ffebe9";
            case APPROVED -> "#dafbe1";
            case EXPORTED -> "#eaeef2";
        };
    }
}
