package app.dispatch.ui.editor;

import app.dispatch.ui.common.BidiText;
import app.dispatch.domain.Revision;
import app.dispatch.domain.StoryContent;
import app.dispatch.text.BodyHtml;
import app.dispatch.text.WordDiff;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** The revision history of the open story: view, compare word by word with now, restore. */
public final class HistoryPane extends VBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm:ss");

    private final EditorModel model;
    private final ListView<Revision> list = new ListView<>();
    private final TextFlow preview = new TextFlow();
    private final Label previewTitle = new Label("Select a revision");

    public HistoryPane(EditorModel model, ZoneId zone) {
        this.model = model;
        getStyleClass().add("history-pane");
        setSpacing(6);
        setPadding(new Insets(8));
        list.setItems(model.revisions().sorted((a, b) -> b.createdAt().compareTo(a.createdAt())));
        list.setId("history-list");
        list.setAccessibleText("Revisions, newest first");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Revision r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setText(null);
                    return;
                }
                String label = r.label().isEmpty() ? "" : " — " + r.label();
                setText(WHEN.format(r.createdAt().atZone(zone)) + "  " + r.kind().label() + label
                        + (r.author().isEmpty() ? "" : "\n" + r.author()));
            }
        });
        list.setPrefHeight(220);
        Button view = new Button("View");
        view.setId("history-view");
        Button compare = new Button("Compare with now");
        compare.setId("history-compare");
        Button restore = new Button("Restore");
        restore.setId("history-restore");
        view.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        compare.disableProperty().bind(view.disableProperty());
        restore.disableProperty().bind(view.disableProperty());
        view.setOnAction(e -> showRevision(list.getSelectionModel().getSelectedItem()));
        compare.setOnAction(e -> compare(list.getSelectionModel().getSelectedItem()));
        restore.setOnAction(e -> restore(list.getSelectionModel().getSelectedItem()));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null) {
                compare(r);
            }
        });
        preview.getStyleClass().add("diff-flow");
        preview.setId("history-preview");
        BidiText.relayoutOnResize(preview);
        model.rightToLeftProperty().addListener((o, a, rtl) -> preview.setNodeOrientation(
                rtl ? javafx.geometry.NodeOrientation.RIGHT_TO_LEFT : javafx.geometry.NodeOrientation.LEFT_TO_RIGHT));
        ScrollPane scroll = new ScrollPane(preview);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label title = new Label("History");
        title.getStyleClass().add("pane-title");
        getChildren().addAll(title, list, new HBox(6, view, compare, restore), previewTitle, scroll);
    }

    private void showRevision(Revision r) {
        previewTitle.setText("Revision of " + WHEN.format(r.createdAt().atZone(ZoneId.systemDefault())));
        preview.getChildren().setAll(BidiText.nodes(describe(r.content()), t -> { }));
    }

    /** Word diff between the revision and the current fields: deletions struck, insertions marked. */
    private void compare(Revision r) {
        previewTitle.setText("Changes from this revision to now");
        List<WordDiff.Segment> diff = WordDiff.diff(describe(r.content()), describe(model.content()));
        preview.getChildren().clear();
        for (WordDiff.Segment s : diff) {
            preview.getChildren().addAll(BidiText.nodes(s.text(), t -> {
                t.getStyleClass().add(switch (s.op()) {
                    case EQUAL -> "diff-equal";
                    case INSERT -> "diff-insert";
                    case DELETE -> "diff-delete";
                });
                t.setStrikethrough(s.op() == WordDiff.Op.DELETE);
                t.setUnderline(s.op() == WordDiff.Op.INSERT);
            }));
        }
        if (!WordDiff.hasChanges(diff)) {
            preview.getChildren().add(0, new Text("(no changes)\n\n"));
        }
    }

    private void restore(Revision r) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "The story's text becomes this revision's. The current text stays in the history as a revision.",
                ButtonType.OK, ButtonType.CANCEL);
        confirm.setHeaderText("Restore the revision of " + WHEN.format(r.createdAt().atZone(ZoneId.systemDefault())) + "?");
        confirm.initOwner(getScene().getWindow());
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.restore(r, null));
    }

    static String describe(StoryContent c) {
        return c.headline() + "\n\n" + (c.standfirst().isEmpty() ? "" : c.standfirst() + "\n\n") + BodyHtml.plainText(c.bodyHtml());
    }

    public ListView<Revision> list() {
        return list;
    }
}
