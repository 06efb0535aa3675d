package app.dispatch.ui.review;

import app.dispatch.domain.Finding;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** List of check findings (severity, message, suggestion); double-click or Enter jumps to the passage. */
public final class ChecksPane extends VBox {
    private final ListView<Finding> list;

    public ChecksPane(ChecksModel model) {
        super(6);
        setPadding(new Insets(8));
        Label title = new Label("Checks");
        title.getStyleClass().add("title-4");
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        list = new ListView<>(model.findings());
        list.setId("findings");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Finding f, boolean empty) {
                super.updateItem(f, empty);
                if (empty || f == null) {
                    setText(null);
                    setStyle("");
                    return;
                }
                setText(f.severity().cliName().toUpperCase() + "  " + f.message()
                        + (f.suggestion().isEmpty() ? "" : "\n→ " + f.suggestion()));
                setWrapText(true);
                setStyle(switch (f.severity()) {
                    case ERROR -> "-fx-text-fill: #cf222e;";
                    case WARNING -> "-fx-text-fill: #9a6700;";
                    case INFO -> "";
                });
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                model.jump(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                model.jump(list.getSelectionModel().getSelectedItem());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, status, list);
    }

    /**
     * Adds "Ignore" and "Add to dictionary" to the findings' context menu for spelling findings;
     * {@code wordOf} gives the flagged word of a finding (or null when unknown).
     */
    public void enableWordActions(java.util.function.Function<Finding, String> wordOf,
            java.util.function.Consumer<String> ignore, java.util.function.Consumer<String> addToDictionary) {
        javafx.scene.control.MenuItem ignoreItem = new javafx.scene.control.MenuItem("Ignore");
        ignoreItem.setId("finding-ignore");
        javafx.scene.control.MenuItem addItem = new javafx.scene.control.MenuItem("Add to dictionary");
        addItem.setId("finding-add-to-dictionary");
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(ignoreItem, addItem);
        menu.setOnShowing(e -> {
            Finding f = list.getSelectionModel().getSelectedItem();
            boolean word = f != null && f.ruleId().startsWith("spelling.") && wordOf.apply(f) != null;
            ignoreItem.setDisable(!word);
            addItem.setDisable(!word);
        });
        ignoreItem.setOnAction(e -> act(wordOf, ignore));
        addItem.setOnAction(e -> act(wordOf, addToDictionary));
        list.setContextMenu(menu);
    }

    private void act(java.util.function.Function<Finding, String> wordOf, java.util.function.Consumer<String> action) {
        Finding f = list.getSelectionModel().getSelectedItem();
        String w = f == null ? null : wordOf.apply(f);
        if (w != null && !w.isBlank()) {
            action.accept(w);
        }
    }
}
