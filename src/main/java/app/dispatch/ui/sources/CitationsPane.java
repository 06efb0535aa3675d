package app.dispatch.ui.sources;

import app.dispatch.domain.CitationEntry;
import app.dispatch.domain.SourceWarning;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The citations panel: each claim with its source (alias for confidential ones), verified mark, and warnings. Enter or double-click jumps. */
public final class CitationsPane {
    private final CitationsModel model;
    private final VBox root = new VBox(6);

    public CitationsPane(CitationsModel model) {
        this.model = model;
        build();
    }

    public Node node() {
        return root;
    }

    private void build() {
        root.setId("citations-pane");
        root.setPadding(new Insets(8));
        ListView<CitationEntry> list = new ListView<>(model.entries());
        list.setId("citation-list");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CitationEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : line(e));
            }
        });
        list.setOnMouseClicked(ev -> {
            if (ev.getClickCount() == 2) {
                model.jump(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(ev -> {
            if (ev.getCode() == KeyCode.ENTER) {
                model.jump(list.getSelectionModel().getSelectedItem());
            }
        });
        Button verify = new Button("Mark verified");
        verify.setId("citation-verify");
        verify.setOnAction(e -> {
            CitationEntry c = list.getSelectionModel().getSelectedItem();
            if (c != null) {
                model.setVerified(c, !c.citation().verification().verified(), "");
            }
        });
        Button remove = new Button("Remove");
        remove.setId("citation-remove");
        remove.setOnAction(e -> {
            CitationEntry c = list.getSelectionModel().getSelectedItem();
            if (c != null) {
                model.delete(c);
            }
        });
        ListView<SourceWarning> warnings = new ListView<>(model.warnings());
        warnings.setId("citation-warnings");
        warnings.setPrefHeight(90);
        warnings.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SourceWarning w, boolean empty) {
                super.updateItem(w, empty);
                setText(empty || w == null ? null : "⚠ " + w.message());
            }
        });
        warnings.setOnMouseClicked(ev -> {
            SourceWarning w = warnings.getSelectionModel().getSelectedItem();
            if (ev.getClickCount() == 2 && w != null) {
                model.jump(new CitationEntry(null, w.start(), w.end(), true, "", false, false, null));
            }
        });
        Label status = new Label();
        status.textProperty().bind(model.messageProperty());
        root.getChildren().addAll(new Label("Citations"), list, new HBox(6, verify, remove), new Label("Warnings"), warnings, status);
    }

    /** One line: the passage, the source as it may be shown, and marks. */
    static String line(CitationEntry e) {
        String p = e.citation().passage();
        String passage = p.length() > 50 ? p.substring(0, 47) + "…" : p;
        return "“" + passage + "” — " + e.sourceLabel()
                + (e.citation().verification().verified() ? "  ✓" : "")
                + (e.found() ? "" : "  (passage no longer in the text)");
    }
}
