package app.dispatch.ui.library;

import app.dispatch.domain.LibraryQuery;
import app.dispatch.domain.Status;
import app.dispatch.domain.StorySummary;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The library window's table of stories with its filter box and trash. */
public final class LibraryView extends BorderPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

    private final LibraryModel model;
    private ToolBar toolBar;
    private final TableView<StorySummary> table = new TableView<>();
    private final TextField filter = new TextField();
    private Consumer<UUID> onOpen = id -> { };
    private Runnable onNew = () -> { };

    public LibraryView(LibraryModel model, ZoneId zone) {
        this.model = model;
        getStyleClass().add("library");
        filter.setId("filter");
        filter.setPromptText("Filter by headline, slug, byline or status  (Ctrl+Shift+F)");
        filter.setAccessibleText("Filter stories");
        filter.textProperty().bindBidirectional(model.filter);
        HBox.setHgrow(filter, Priority.ALWAYS);

        Button create = button("New", "New story (Ctrl+N)", "lib-new", () -> onNew.run());
        Button dup = button("Duplicate", "Duplicate the selected stories", "lib-duplicate", () -> model.duplicate(selectedIds()));
        Button trash = button("Move to trash", "Move the selected stories to the trash (Delete)", "lib-trash", this::trashSelected);
        Button restore = button("Restore", "Restore the selected stories from the trash", "lib-restore", () -> model.restore(selectedIds()));
        Button empty = button("Empty trash…", "Delete the stories in the trash for good", "lib-empty-trash", this::confirmEmptyTrash);
        ToggleButton showTrash = new ToggleButton("Trash");
        showTrash.setId("lib-show-trash");
        showTrash.setTooltip(new Tooltip("Show the trash"));
        showTrash.selectedProperty().bindBidirectional(model.showTrash);
        dup.visibleProperty().bind(model.showTrash.not());
        trash.visibleProperty().bind(model.showTrash.not());
        create.visibleProperty().bind(model.showTrash.not());
        restore.visibleProperty().bind(model.showTrash);
        empty.visibleProperty().bind(model.showTrash);
        for (Button b : List.of(create, dup, trash, restore, empty)) {
            b.managedProperty().bind(b.visibleProperty());
        }
        Label count = new Label();
        count.setId("library-count");
        count.textProperty().bind(model.summaryProperty());
        ToolBar bar = new ToolBar(create, dup, trash, restore, empty, showTrash, filter, count);
        toolBar = bar;
        setTop(bar);

        table.setId("library-table");
        table.setAccessibleText("Stories");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No stories. Press Ctrl+N to start one."));
        TableColumn<StorySummary, String> headline = column("Headline", StorySummary::headline, 380);
        TableColumn<StorySummary, String> slug = column("Slug", StorySummary::slug, 160);
        TableColumn<StorySummary, Status> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue() == null ? null : c.getValue().status()));
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Status s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setGraphic(null);
                    return;
                }
                Label l = new Label(s.label());
                l.getStyleClass().addAll("status-chip", "status-" + s.cliName());
                setGraphic(l);
            }
        });
        status.setPrefWidth(140);
        TableColumn<StorySummary, String> by = column("Byline", r -> String.join(", ", r.bylines()), 150);
        TableColumn<StorySummary, Instant> updated = new TableColumn<>("Updated");
        updated.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue() == null ? null : c.getValue().updatedAt()));
        updated.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : WHEN.format(t.atZone(zone)));
            }
        });
        updated.setPrefWidth(150);
        updated.setSortType(TableColumn.SortType.DESCENDING);
        TableColumn<StorySummary, Integer> words = new TableColumn<>("Words");
        words.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue() == null ? null : c.getValue().wordCount()));
        words.setStyle("-fx-alignment: CENTER-RIGHT;");
        words.setPrefWidth(80);
        table.getColumns().setAll(List.of(headline, slug, status, by, updated, words));
        // Sorting happens in SQL, one page at a time: the table never holds every row to sort it.
        java.util.Map<TableColumn<StorySummary, ?>, LibraryQuery.Sort> sortKeys = java.util.Map.of(
                headline, LibraryQuery.Sort.HEADLINE, slug, LibraryQuery.Sort.SLUG, status, LibraryQuery.Sort.STATUS,
                by, LibraryQuery.Sort.BYLINE, updated, LibraryQuery.Sort.UPDATED, words, LibraryQuery.Sort.WORDS);
        table.setItems(model.rows());
        table.getSortOrder().add(updated);
        table.setSortPolicy(t -> {
            if (t.getSortOrder().isEmpty()) {
                model.sortBy(LibraryQuery.Sort.UPDATED, false);
            } else {
                TableColumn<StorySummary, ?> first = t.getSortOrder().get(0);
                model.sortBy(sortKeys.getOrDefault(first, LibraryQuery.Sort.UPDATED),
                        first.getSortType() == TableColumn.SortType.ASCENDING);
            }
            return true;
        });
        table.setRowFactory(t -> {
            TableRow<StorySummary> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && row.getItem() != null && !model.showTrash.get()) {
                    onOpen.accept(row.getItem().id());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !model.showTrash.get()) {
                StorySummary s = table.getSelectionModel().getSelectedItem();
                if (s != null) {
                    e.consume();
                    onOpen.accept(s.id());
                }
            } else if (e.getCode() == KeyCode.DELETE && !model.showTrash.get()) {
                e.consume();
                trashSelected();
            }
        });
        MenuItem open = new MenuItem("Open");
        open.setOnAction(e -> selectedIds().stream().findFirst().ifPresent(onOpen));
        MenuItem dupItem = new MenuItem("Duplicate");
        dupItem.setOnAction(e -> model.duplicate(selectedIds()));
        MenuItem trashItem = new MenuItem("Move to trash");
        trashItem.setOnAction(e -> trashSelected());
        table.setContextMenu(new ContextMenu(open, dupItem, trashItem));
        setCenter(table);
        BorderPane.setMargin(table, new Insets(0));
        Region r = new Region();
        r.setMinHeight(0);
        setAlignment(table, Pos.CENTER);
    }

    private static TableColumn<StorySummary, String> column(String title, java.util.function.Function<StorySummary, String> f, double width) {
        TableColumn<StorySummary, String> c = new TableColumn<>(title);
        c.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(v.getValue() == null ? "" : f.apply(v.getValue())));
        // right-to-left headlines read from the right, and the half-space shows no box (BidiText)
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : app.dispatch.ui.common.BidiText.display(v));
                boolean rtl = !empty && Boolean.TRUE.equals(app.dispatch.ui.common.BidiText.firstStrongIsRightToLeft(v));
                setNodeOrientation(rtl ? javafx.geometry.NodeOrientation.RIGHT_TO_LEFT : javafx.geometry.NodeOrientation.INHERIT);
            }
        });
        c.setPrefWidth(width);
        return c;
    }

    private Button button(String text, String tip, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void trashSelected() {
        List<UUID> ids = selectedIds();
        if (!ids.isEmpty()) {
            model.trash(ids);
        }
    }

    private void confirmEmptyTrash() {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION,
                "Every story in the trash, with its history, is deleted for good. This cannot be undone.",
                ButtonType.CANCEL, ButtonType.OK);
        a.setHeaderText("Empty the trash?");
        a.initOwner(getScene().getWindow());
        a.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.emptyTrash(n -> { }));
    }

    public List<UUID> selectedIds() {
        return table.getSelectionModel().getSelectedItems().stream().filter(java.util.Objects::nonNull).map(StorySummary::id).toList();
    }

    public void setOnOpen(Consumer<UUID> onOpen) {
        this.onOpen = onOpen;
    }

    public void setOnNew(Runnable onNew) {
        this.onNew = onNew;
    }

    /** Adds a feature's control to the toolbar, just after the filter box. */
    public void addToolItem(javafx.scene.Node item) {
        toolBar.getItems().add(toolBar.getItems().indexOf(filter) + 1, item);
    }

    public LibraryModel model() {
        return model;
    }

    public void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    public TableView<StorySummary> table() {
        return table;
    }
}
