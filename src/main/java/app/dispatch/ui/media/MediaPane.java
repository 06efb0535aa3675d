package app.dispatch.ui.media;

import app.dispatch.ui.common.PlainTextArea;
import app.dispatch.ui.common.ZwnjTextFieldSkin;
import app.dispatch.domain.MediaItem;
import app.dispatch.service.MediaService;
import app.dispatch.ui.media.MediaModel.Entry;
import app.dispatch.ui.media.MediaModel.Field;
import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * The media panel beside the editor: a self-contained node. Thumbnails in story order (drag to
 * reorder, drop files to attach), a mark on pictures missing caption, credit or alt text, and the
 * selected picture's fields with live character counts and "from file" marks.
 */
public final class MediaPane extends BorderPane {
    private static final DataFormat ROW = new DataFormat("application/x-dispatch-media-row");
    private final MediaModel model;
    private final ListView<Entry> list = new ListView<>();
    private final ListView<Entry> trashList = new ListView<>();
    /** Each field's text; the long ones are PlainTextAreas, which lay right-to-left captions out right (decision 0009). */
    private final Map<Field, javafx.beans.property.StringProperty> inputs = new EnumMap<>(Field.class);
    private final Map<Field, Label> counts = new EnumMap<>(Field.class);
    private final Map<Field, Label> fromFile = new EnumMap<>(Field.class);
    private final VBox details = new VBox(6);
    private final Label detailsTitle = new Label();
    private final Button leadButton = new Button("Make lead");
    private boolean filling;

    public MediaPane(MediaService service, UUID storyId, Executor background, Executor fx) {
        this.model = new MediaModel(service, storyId, background, fx);
        getStyleClass().add("media-pane");
        setPadding(new Insets(6));
        setTop(new VBox(toolbar(), thumbnails()));
        detailsAndTrash();
        setOnDragOver(ev -> {
            if (ev.getDragboard().hasFiles()) {
                ev.acceptTransferModes(TransferMode.COPY);
                ev.consume();
            }
        });
        setOnDragDropped(ev -> {
            Dragboard db = ev.getDragboard();
            if (db.hasFiles()) {
                model.attach(db.getFiles().stream().map(File::toPath).toList());
                ev.setDropCompleted(true);
                ev.consume();
            }
        });
        model.selectedProperty().addListener((obs, o, n) -> fill(n));
        model.entries().addListener((javafx.collections.ListChangeListener<Entry>) c -> {
            Entry sel = model.selectedProperty().get();
            leadButton.setDisable(sel == null || sel.item().lead());
        });
        model.load();
    }

    public MediaModel model() {
        return model;
    }

    private HBox toolbar() {
        Button attach = new Button("Attach…");
        attach.setId("media-attach");
        attach.setAccessibleText("Attach pictures to this story");
        attach.setOnAction(e -> chooseFiles());
        Label error = new Label();
        error.setId("media-error");
        error.getStyleClass().add("media-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.setStyle("-fx-text-fill: #b00020;");
        HBox bar = new HBox(8, attach, error);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 6, 0));
        return bar;
    }

    private void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Attach pictures");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Pictures",
                "*.jpg", "*.jpeg", "*.png", "*.gif", "*.tif", "*.tiff", "*.webp", "*.JPG", "*.JPEG", "*.PNG"));
        List<File> files = chooser.showOpenMultipleDialog(getScene() == null ? null : getScene().getWindow());
        if (files != null) {
            model.attach(files.stream().map(File::toPath).toList());
        }
    }

    private ListView<Entry> thumbnails() {
        list.setId("media-list");
        list.setItems(model.entries());
        list.setPlaceholder(new Label("No pictures. Drop files here or use Attach."));
        list.setCellFactory(v -> new ThumbCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> {
            if (n != null) {
                model.selectedProperty().set(n);
            }
        });
        model.selectedProperty().addListener((obs, o, n) -> {
            if (n != null && list.getSelectionModel().getSelectedItem() != n) {
                list.getSelectionModel().select(n);
            }
        });
        list.setPrefHeight(200);
        list.setAccessibleText("Pictures in story order. Delete removes the selected picture.");
        list.setOnKeyPressed(e -> {
            Entry sel = list.getSelectionModel().getSelectedItem();
            if (sel != null && (e.getCode() == javafx.scene.input.KeyCode.DELETE
                    || e.getCode() == javafx.scene.input.KeyCode.BACK_SPACE)) {
                model.trash(sel);
                e.consume();
            }
        });
        return list;
    }

    /** One row: thumbnail (grey placeholder until loaded), name, lead badge and the missing mark. */
    private final class ThumbCell extends ListCell<Entry> {
        private final ImageView image = new ImageView();
        private final Region placeholder = new Region();
        private final StackPane frame = new StackPane(placeholder, image);
        private final Label name = new Label();
        private final Label lead = new Label("★ Lead");
        private final Label missing = new Label();
        private final Label caption = new Label();
        private final HBox row;
        private final ChangeListener<Object> refresh = (obs, o, n) -> update();

        ThumbCell() {
            image.setFitWidth(96);
            image.setFitHeight(96);
            image.setPreserveRatio(true);
            placeholder.setStyle("-fx-background-color: #d8d8d8;");
            placeholder.setPrefSize(96, 96);
            frame.setMinSize(96, 96);
            lead.getStyleClass().add("media-lead");
            missing.getStyleClass().add("media-missing");
            missing.setStyle("-fx-text-fill: #b00020; -fx-font-weight: bold;");
            caption.setWrapText(true);
            caption.setMaxWidth(260);
            VBox text = new VBox(2, name, lead, caption, missing);
            row = new HBox(8, frame, text);
            row.setAlignment(Pos.CENTER_LEFT);
            frame.setOnMouseClicked(e -> {
                if (getItem() != null) {
                    openPreview(getItem());
                }
            });
            setOnDragDetected(e -> {
                if (getItem() == null) {
                    return;
                }
                Dragboard db = startDragAndDrop(TransferMode.MOVE);
                ClipboardContent c = new ClipboardContent();
                c.put(ROW, getIndex());
                db.setContent(c);
                e.consume();
            });
            setOnDragOver(e -> {
                if (e.getDragboard().hasContent(ROW)) {
                    e.acceptTransferModes(TransferMode.MOVE);
                    e.consume();
                }
            });
            setOnDragDropped(e -> {
                Object from = e.getDragboard().getContent(ROW);
                if (from instanceof Integer f) {
                    int to = getItem() == null ? model.entries().size() - 1 : getIndex();
                    model.move(f, to);
                    e.setDropCompleted(true);
                    e.consume();
                }
            });
        }

        private Entry bound;

        @Override
        protected void updateItem(Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (bound != null) {
                bound.itemProperty().removeListener(refresh);
                bound.thumbnailProperty().removeListener(refresh);
                bound.missingProperty().removeListener(refresh);
            }
            bound = empty ? null : entry;
            if (bound == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            bound.itemProperty().addListener(refresh);
            bound.thumbnailProperty().addListener(refresh);
            bound.missingProperty().addListener(refresh);
            update();
            setGraphic(row);
        }

        private void update() {
            if (bound == null) {
                return;
            }
            MediaItem m = bound.item();
            image.setImage(bound.thumbnailProperty().get());
            placeholder.setVisible(bound.thumbnailProperty().get() == null);
            name.setText(m.fileName());
            lead.setVisible(m.lead());
            lead.setManaged(m.lead());
            String c = m.caption();
            caption.setText(c.length() > 80 ? c.substring(0, 80) + "…" : c);
            String miss = bound.missingProperty().get();
            missing.setText(miss);
            missing.setVisible(!miss.isEmpty());
            missing.setManaged(!miss.isEmpty());
            setAccessibleText(m.fileName() + (m.lead() ? ", lead picture" : "") + (miss.isEmpty() ? "" : ", " + miss));
        }
    }

    private void detailsAndTrash() {
        detailsTitle.setStyle("-fx-font-weight: bold;");
        details.getChildren().add(detailsTitle);
        for (Field f : Field.values()) {
            javafx.scene.Node input;
            javafx.beans.property.StringProperty text;
            if (f == Field.CAPTION || f == Field.ALT_TEXT || f == Field.USAGE_TERMS) {
                PlainTextArea area = new PlainTextArea();
                area.setPrefRowCount(f == Field.CAPTION ? 3 : 2);
                area.setAutoDirection(true);
                input = area;
                text = area.valueProperty();
            } else {
                TextField field = new TextField();
                ZwnjTextFieldSkin.install(field);
                input = field;
                text = field.textProperty();
            }
            String id = "media-" + f.name().toLowerCase().replace('_', '-');
            input.setId(id);
            input.setAccessibleText(f.label());
            Label label = new Label(f.label());
            label.setLabelFor(input);
            Label count = new Label();
            count.setId(id + "-count");
            count.getStyleClass().add("media-count");
            Label file = new Label("from file");
            file.setId(id + "-from-file");
            file.getStyleClass().add("media-from-file");
            file.setStyle("-fx-text-fill: #1565c0; -fx-font-size: 0.85em;");
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            HBox head = new HBox(6, label, file, grow, count);
            inputs.put(f, text);
            counts.put(f, count);
            fromFile.put(f, file);
            text.addListener((obs, o, n) -> {
                updateCount(f, n);
                Entry e = model.selectedProperty().get();
                if (!filling && e != null) {
                    model.edit(e, f, n);
                    file.setVisible(false);
                }
            });
            details.getChildren().addAll(head, input);
        }
        leadButton.setId("media-make-lead");
        leadButton.setOnAction(e -> {
            Entry sel = model.selectedProperty().get();
            if (sel != null) {
                model.setLead(sel);
            }
        });
        Button remove = new Button("Remove");
        remove.setId("media-remove");
        remove.setAccessibleText("Move the picture to the trash");
        remove.setOnAction(e -> {
            Entry sel = model.selectedProperty().get();
            if (sel != null) {
                model.trash(sel);
            }
        });
        details.getChildren().add(new HBox(8, leadButton, remove));
        details.setDisable(true);

        trashList.setId("media-trash");
        trashList.setItems(model.trashed());
        trashList.setPrefHeight(90);
        trashList.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Entry e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Button restore = new Button("Restore");
                restore.setOnAction(a -> model.restore(e));
                Label n = new Label(e.item().fileName());
                HBox box = new HBox(8, n, restore);
                box.setAlignment(Pos.CENTER_LEFT);
                setGraphic(box);
            }
        });
        TitledPane trash = new TitledPane("Removed pictures", trashList);
        trash.setExpanded(false);
        ScrollPane scroll = new ScrollPane(details);
        scroll.setFitToWidth(true);
        details.setPadding(new Insets(6, 0, 6, 0));
        setCenter(scroll);
        setBottom(trash);
    }

    private void updateCount(Field f, String text) {
        int n = text == null ? 0 : text.codePointCount(0, text.length());
        Label c = counts.get(f);
        c.setText(n + " / " + f.limit());
        c.setStyle(n > f.limit() ? "-fx-text-fill: #b00020;" : "");
    }

    private void fill(Entry e) {
        filling = true;
        try {
            details.setDisable(e == null);
            MediaItem m = e == null ? null : e.item();
            detailsTitle.setText(m == null ? "No picture selected" : m.fileName() + "  " + m.width() + " × " + m.height());
            leadButton.setDisable(m == null || m.lead());
            for (Field f : Field.values()) {
                String v = m == null ? "" : f.get(m);
                inputs.get(f).set(v);
                updateCount(f, v);
                fromFile.get(f).setVisible(m != null && m.prefilled().contains(f.key));
            }
        } finally {
            filling = false;
        }
    }

    private void openPreview(Entry e) {
        model.preview(e, img -> {
            ImageView view = new ImageView(img);
            view.setPreserveRatio(true);
            view.setFitWidth(Math.min(img.getWidth(), 1200));
            view.setFitHeight(Math.min(img.getHeight(), 800));
            MediaItem m = e.item();
            Label cap = new Label(m.caption() + (m.credit().isEmpty() ? "" : "  (" + m.credit() + ")"));
            cap.setWrapText(true);
            VBox box = new VBox(8, view, cap);
            box.setPadding(new Insets(8));
            Stage stage = new Stage();
            stage.setTitle(m.fileName());
            stage.setScene(new Scene(box));
            if (getScene() != null && getScene().getWindow() != null) {
                stage.initOwner(getScene().getWindow());
            }
            stage.show();
        });
    }

    /** For the editor's paste handler: attach pictures copied as files. */
    public void attachFiles(List<Path> files) {
        model.attach(files);
    }
}
