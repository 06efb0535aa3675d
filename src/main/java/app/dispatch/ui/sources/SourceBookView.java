package app.dispatch.ui.sources;

import app.dispatch.domain.Attribution;
import app.dispatch.domain.Source;
import app.dispatch.domain.SourceField;
import app.dispatch.domain.SourceKind;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The source book pane: search as you type, the list (aliases for confidential sources, a lock
 * while the vault is locked), and a form to add or edit a source. Builds nodes and binds only.
 */
public final class SourceBookView {
    public static final String LOCKED_MARK = "\uD83D\uDD12";

    private final SourceBookModel model;
    private final VBox root = new VBox(8);
    private final TextField search = new TextField();
    private final ListView<Source> list = new ListView<>();
    private final Button lockButton = new Button();
    private final Label status = new Label();
    private final CheckBox confidential = new CheckBox("Confidential");
    private final TextField alias = new TextField();
    private final ChoiceBox<SourceKind> kind = new ChoiceBox<>();
    private final ChoiceBox<Attribution> attribution = new ChoiceBox<>();
    private final Map<SourceField, TextInputControl> inputs = new EnumMap<>(SourceField.class);
    private final Map<SourceField, CheckBox> sensitive = new EnumMap<>(SourceField.class);
    private final Label lockedNote = new Label("Locked: unlock the vault to see or edit this source's identity.");

    public SourceBookView(SourceBookModel model) {
        this.model = model;
        build();
    }

    public Node node() {
        return root;
    }

    private void build() {
        root.setPadding(new Insets(8));
        root.setId("source-book");
        search.setId("source-search");
        search.setPromptText("Search sources (name, alias, role, organisation)");
        search.textProperty().bindBidirectional(model.queryProperty());
        lockButton.setId("vault-lock");
        lockButton.textProperty().bind(javafx.beans.binding.Bindings.when(model.unlockedProperty())
                .then("Unlocked — lock").otherwise(LOCKED_MARK + " Locked — unlock"));
        lockButton.setOnAction(e -> {
            if (model.unlockedProperty().get()) {
                model.lock();
            } else if (model.vaultExistsProperty().get()) {
                VaultDialogs.unlock(root.getScene() == null ? null : root.getScene().getWindow(), model);
            } else {
                VaultDialogs.create(root.getScene() == null ? null : root.getScene().getWindow(), model);
            }
        });
        Button changePass = new Button("Change passphrase…");
        changePass.setId("vault-change");
        changePass.disableProperty().bind(model.vaultExistsProperty().not());
        changePass.setOnAction(e -> VaultDialogs.change(root.getScene() == null ? null : root.getScene().getWindow(), model));
        HBox top = new HBox(6, search, lockButton, changePass);
        HBox.setHgrow(search, Priority.ALWAYS);

        list.setId("source-list");
        list.setItems(model.results());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Source s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : label(s, model.unlockedProperty().get()));
            }
        });
        model.unlockedProperty().addListener((o, a, b) -> list.refresh());
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.open(now.id());
            }
        });
        list.setPrefHeight(220);

        root.getChildren().addAll(top, list, form(), status);
        status.setId("source-status");
        status.textProperty().bind(model.messageProperty());
        model.selectedProperty().addListener((o, was, now) -> show(now));
        show(null);
    }

    /** The list line: alias for confidential sources (with a lock while the vault is locked), else the name. */
    static String label(Source s, boolean vaultUnlocked) {
        StringBuilder sb = new StringBuilder();
        if (s.confidential() && !vaultUnlocked) {
            sb.append(LOCKED_MARK).append(' ');
        }
        sb.append(s.displayName());
        if (s.confidential()) {
            sb.append("  (confidential)");
        } else if (!s.field(SourceField.ORGANISATION).isEmpty()) {
            sb.append(" — ").append(s.field(SourceField.ORGANISATION));
        }
        if (s.verification().verified()) {
            sb.append("  ✓");
        }
        return sb.toString();
    }

    private Node form() {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(4);
        g.setId("source-form");
        kind.getItems().setAll(SourceKind.values());
        kind.setConverter(names());
        attribution.getItems().setAll(Attribution.values());
        attribution.setConverter(names());
        alias.setId("source-alias");
        alias.setPromptText("Alias shown in stories, e.g. Source A");
        confidential.setId("source-confidential");
        alias.disableProperty().bind(confidential.selectedProperty().not());
        int row = 0;
        g.addRow(row++, new Label("Kind"), kind, new Label("Attribution"), attribution);
        g.addRow(row++, confidential, alias);
        for (SourceField f : SourceField.values()) {
            if (f == SourceField.VERIFICATION_NOTE) {
                continue;
            }
            TextInputControl input = f == SourceField.NOTES ? new TextArea() : new TextField();
            if (input instanceof TextArea ta) {
                ta.setPrefRowCount(3);
                ta.setWrapText(true);
            }
            input.setId("source-" + f.key());
            inputs.put(f, input);
            Label l = new Label(title(f));
            l.setLabelFor(input);
            if (f.isIdentity()) {
                g.addRow(row++, l, input);
            } else {
                CheckBox mark = new CheckBox("sensitive");
                mark.setId("source-sensitive-" + f.key());
                mark.disableProperty().bind(confidential.selectedProperty().not());
                sensitive.put(f, mark);
                g.addRow(row++, l, input, mark);
            }
            GridPane.setHgrow(input, Priority.ALWAYS);
        }
        Button add = new Button("New");
        add.setId("source-new");
        add.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            model.selectedProperty().set(null);
            show(null);
            inputs.get(SourceField.NAME).requestFocus();
        });
        Button save = new Button("Save");
        save.setId("source-save");
        save.setDefaultButton(false);
        save.setOnAction(e -> model.save(fromForm(), null));
        Button delete = new Button("Delete");
        delete.setId("source-delete");
        delete.disableProperty().bind(model.selectedProperty().isNull());
        delete.setOnAction(e -> {
            Source s = model.selectedProperty().get();
            if (s != null) {
                model.delete(s.id());
            }
        });
        lockedNote.setId("source-locked-note");
        VBox box = new VBox(6, g, lockedNote, new HBox(6, add, save, delete));
        return box;
    }

    private void show(Source s) {
        boolean readable = s == null || s.isReadable();
        lockedNote.setVisible(!readable);
        lockedNote.setManaged(!readable);
        kind.setValue(s == null ? SourceKind.PERSON : s.kind());
        attribution.setValue(s == null ? Attribution.ON_THE_RECORD : s.attribution());
        confidential.setSelected(s != null && s.confidential());
        alias.setText(s == null ? "" : s.alias());
        inputs.forEach((f, input) -> {
            input.setText(s == null ? "" : s.field(f));
            input.setDisable(!readable);
            input.setPromptText(readable ? "" : "locked");
        });
        sensitive.forEach((f, box) -> box.setSelected(s != null && s.sensitive().contains(f)));
        confidential.setDisable(!readable);
    }

    private Source fromForm() {
        Source current = model.selectedProperty().get();
        Map<SourceField, String> values = new EnumMap<>(SourceField.class);
        inputs.forEach((f, input) -> values.put(f, input.getText() == null ? "" : input.getText().strip()));
        Set<SourceField> marks = EnumSet.noneOf(SourceField.class);
        sensitive.forEach((f, box) -> {
            if (box.isSelected()) {
                marks.add(f);
            }
        });
        Source base = current == null ? Source.draft("", kind.getValue(), attribution.getValue()) : current;
        return base.withFields(values).withKind(kind.getValue()).withAttribution(attribution.getValue())
                .withConfidential(confidential.isSelected(), alias.getText()).withSensitive(marks)
                .withAccess(confidential.isSelected() ? Source.Access.UNLOCKED : Source.Access.OPEN);
    }

    static String title(SourceField f) {
        String s = f.key().replace('_', ' ');
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    static <E extends Enum<E>> StringConverter<E> names() {
        return new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        };
    }
}
