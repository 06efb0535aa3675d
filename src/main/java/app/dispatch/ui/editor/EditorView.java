package app.dispatch.ui.editor;

import app.dispatch.text.BodyBlocks.Kind;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import app.dispatch.ui.common.PlainTextArea;
import app.dispatch.ui.common.ZwnjTextFieldSkin;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;

/** The story editor: headline, standfirst, byline, dateline, rich body, details and history. */
public final class EditorView extends BorderPane {
    private static final List<String> LANGUAGES = List.of("en", "en-GB", "en-US", "fa", "ar", "ps", "ur", "he", "fr", "de", "es", "ru", "tr", "uk");

    private final EditorModel model;
    private final BodyArea body = new BodyArea();
    private final TextField headline = new TextField();
    private final PlainTextArea standfirst = new PlainTextArea();
    private final TextField bylines = new TextField();
    private final TextField datelinePlace = new TextField();
    private final DatePicker datelineDate = new DatePicker();
    private final TextField slug = new TextField();
    private final TextField tags = new TextField();
    private final ComboBox<String> section = new ComboBox<>();
    private final ComboBox<String> language = new ComboBox<>();
    private final Spinner<Integer> urgency = new Spinner<>(1, 9, 5);
    private final CheckBox embargoed = new CheckBox("Embargoed until");
    private final DatePicker embargoDate = new DatePicker();
    private final TextField embargoTime = new TextField();
    private final PlainTextArea editorsNote = new PlainTextArea();
    private final ComboBox<Kind> kind = new ComboBox<>();
    private final TabPane side = new TabPane();
    private final Tab historyTab;
    private final HistoryPane history;
    private final Label saveState = new Label();
    private final Label counts = new Label();
    private HBox statusLine;
    private boolean syncingBody;

    public EditorView(EditorModel model, ZoneId zone) {
        this.model = model;
        getStyleClass().add("editor");
        this.history = new HistoryPane(model, zone);

        headline.setId("headline");
        headline.setPromptText("Headline");
        headline.getStyleClass().add("headline-field");
        headline.setAccessibleText("Headline");
        standfirst.setId("standfirst");
        standfirst.setPromptText("Standfirst: the one or two sentences under the headline");
        standfirst.setPrefRowCount(2);
        standfirst.setWrapText(true);
        standfirst.setAccessibleText("Standfirst");
        bylines.setId("bylines");
        bylines.setPromptText("By (comma-separated)");
        bylines.setAccessibleText("Bylines");
        datelinePlace.setId("dateline-place");
        datelinePlace.setPromptText("Dateline place, e.g. KABUL");
        datelinePlace.setAccessibleText("Dateline place");
        datelineDate.setId("dateline-date");
        datelineDate.setPromptText("Dateline date");
        datelineDate.setAccessibleText("Dateline date");
        body.setId("body");
        ZwnjTextFieldSkin.install(headline, bylines, datelinePlace);

        headline.textProperty().bindBidirectional(model.headline);
        standfirst.valueProperty().bindBidirectional(model.standfirst);
        bylines.textProperty().bindBidirectional(model.bylines);
        datelinePlace.textProperty().bindBidirectional(model.datelinePlace);
        datelineDate.valueProperty().bindBidirectional(model.datelineDate);

        Label headlineCount = counter(model.headlineCountProperty(), model.headlineLevelProperty());
        headlineCount.setId("headline-count");
        Label standfirstCount = counter(model.standfirstCountProperty(), model.standfirstLevelProperty());
        HBox.setHgrow(headline, Priority.ALWAYS);
        HBox.setHgrow(standfirst, Priority.ALWAYS);
        HBox.setHgrow(bylines, Priority.ALWAYS);
        HBox.setHgrow(datelinePlace, Priority.ALWAYS);
        HBox headRow = new HBox(8, headline, headlineCount);
        headRow.setAlignment(Pos.CENTER_LEFT);
        HBox standRow = new HBox(8, standfirst, standfirstCount);
        HBox byRow = new HBox(8, bylines, datelinePlace, datelineDate);
        byRow.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(6, headRow, standRow, byRow, formatBar());
        header.setPadding(new Insets(10, 12, 4, 12));
        header.getStyleClass().add("editor-header");

        VirtualizedScrollPane<BodyArea> bodyScroll = new VirtualizedScrollPane<>(body);
        bodyScroll.getStyleClass().add("body-scroll");
        BorderPane.setMargin(bodyScroll, new Insets(0, 12, 0, 12));

        historyTab = new Tab("History", history);
        historyTab.setId("tab-history");
        side.getTabs().addAll(new Tab("Details", details()), historyTab);
        side.getTabs().forEach(t -> t.setClosable(false));
        side.setPrefWidth(400);
        side.setMinWidth(260);

        saveState.setId("save-state");
        saveState.textProperty().bind(model.saveStateProperty());
        saveState.setAccessibleText("Save status");
        counts.setId("counts");
        counts.textProperty().bind(model.countsProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox status = new HBox(12, counts, grow, saveState);
        status.getStyleClass().add("status-line");
        status.setPadding(new Insets(4, 12, 4, 12));
        statusLine = status;

        setTop(header);
        setCenter(bodyScroll);
        setRight(side);
        setBottom(status);

        bindBody();
        model.bodyText.bind(body.textProperty());
        bindDirection();
        wireTabOrder();
    }

    private Label counter(ObservableValue<String> text, ObservableValue<String> level) {
        Label l = new Label();
        l.getStyleClass().add("counter");
        l.textProperty().bind(text);
        level.addListener((o, a, b) -> {
            l.getStyleClass().removeAll("counter-near", "counter-over");
            if (!"ok".equals(b)) {
                l.getStyleClass().add("counter-" + b);
            }
        });
        l.setMinWidth(56);
        return l;
    }

    private Node formatBar() {
        kind.getItems().setAll(Kind.values());
        kind.setValue(Kind.PARAGRAPH);
        kind.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Kind k) {
                return k == null ? "" : switch (k) {
                    case PARAGRAPH -> "Paragraph";
                    case HEADING2 -> "Subheading";
                    case HEADING3 -> "Minor heading";
                    case QUOTE -> "Block quote";
                    case BULLET -> "Bulleted list";
                    case NUMBERED -> "Numbered list";
                };
            }

            @Override
            public Kind fromString(String s) {
                return Kind.PARAGRAPH;
            }
        });
        kind.setFocusTraversable(false);
        kind.setAccessibleText("Paragraph style");
        kind.setOnAction(e -> {
            if (kind.getValue() != null && body.getLength() >= 0 && !syncingKind) {
                body.setKindOfSelection(kind.getValue());
                body.requestFocus();
            }
        });
        body.currentParagraphProperty().addListener((o, a, p) -> syncKind());
        body.caretPositionProperty().addListener((o, a, p) -> syncKind());
        ToolBar bar = new ToolBar(kind,
                tool("B", "Bold (Ctrl+B)", "fmt-bold", this::bold),
                tool("I", "Italic (Ctrl+I)", "fmt-italic", this::italic),
                tool("Link", "Link (Ctrl+K)", "fmt-link", this::link),
                new Separator(),
                tool("•", "Bulleted list", "fmt-bullets", () -> setKind(Kind.BULLET)),
                tool("1.", "Numbered list", "fmt-numbers", () -> setKind(Kind.NUMBERED)),
                tool("❝", "Block quote", "fmt-quote", () -> setKind(Kind.QUOTE)),
                new Separator(),
                tool("Undo", "Undo (Ctrl+Z)", "fmt-undo", body::undo),
                tool("Redo", "Redo (Ctrl+Y)", "fmt-redo", body::redo),
                new Separator(),
                tool("Snapshot…", "Named snapshot (Ctrl+Shift+S)", "snapshot", this::snapshot));
        bar.getStyleClass().add("format-bar");
        return bar;
    }

    private boolean syncingKind;

    private void syncKind() {
        syncingKind = true;
        try {
            kind.setValue(body.getParagraph(body.getCurrentParagraph()).getParagraphStyle());
        } finally {
            syncingKind = false;
        }
    }

    private Button tool(String text, String tip, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        b.setFocusTraversable(false);
        b.setOnAction(e -> {
            action.run();
            if (!id.equals("snapshot")) {
                body.requestFocus();
            }
        });
        return b;
    }

    private Node details() {
        ZwnjTextFieldSkin.install(slug, tags);
        slug.setId("slug");
        slug.setPromptText("slug");
        slug.setAccessibleText("Slug");
        tags.setId("tags");
        tags.setPromptText("keywords, comma-separated");
        tags.setAccessibleText("Tags");
        section.setId("section");
        section.setEditable(true);
        section.getItems().setAll("World", "Politics", "Business", "Health", "Environment", "Culture", "Sport", "Opinion");
        section.setAccessibleText("Section");
        language.setId("language");
        language.setEditable(true);
        language.getItems().setAll(LANGUAGES);
        language.setAccessibleText("Language");
        urgency.setId("urgency");
        urgency.setEditable(true);
        urgency.setAccessibleText("Urgency, 1 most urgent to 9");
        embargoed.setId("embargoed");
        embargoDate.setId("embargo-date");
        embargoTime.setId("embargo-time");
        embargoTime.setPromptText("HH:mm");
        embargoTime.setPrefColumnCount(5);
        editorsNote.setId("editors-note");
        editorsNote.setPromptText("Internal note for editors: never published");
        editorsNote.setWrapText(true);
        editorsNote.setPrefRowCount(4);
        editorsNote.setAccessibleText("Editor's note");

        slug.textProperty().bindBidirectional(model.slug);
        tags.textProperty().bindBidirectional(model.tags);
        section.valueProperty().bindBidirectional(model.section);
        language.valueProperty().bindBidirectional(model.language);
        urgency.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.urgency.set(b);
            }
        });
        model.urgency.addListener((o, a, b) -> urgency.getValueFactory().setValue(b.intValue()));
        embargoed.selectedProperty().bindBidirectional(model.embargoed);
        embargoDate.valueProperty().bindBidirectional(model.embargoDate);
        embargoTime.textProperty().bindBidirectional(model.embargoTime);
        editorsNote.valueProperty().bindBidirectional(model.editorsNote);
        embargoDate.disableProperty().bind(embargoed.selectedProperty().not());
        embargoTime.disableProperty().bind(embargoed.selectedProperty().not());

        Label slugCount = counter(model.slugCountProperty(), model.slugLevelProperty());
        Label slugMsg = new Label();
        slugMsg.setId("slug-message");
        slugMsg.textProperty().bind(model.slugMessageProperty());
        slugMsg.getStyleClass().add("field-message");
        slugMsg.setWrapText(true);
        slugMsg.managedProperty().bind(slugMsg.textProperty().isNotEmpty());
        slugMsg.visibleProperty().bind(slugMsg.managedProperty());
        Label slugHint = new Label("from headline");
        slugHint.setId("slug-follows");
        slugHint.getStyleClass().add("field-hint");
        slugHint.visibleProperty().bind(model.slugFollowsHeadlineProperty());
        slugHint.managedProperty().bind(slugHint.visibleProperty());
        Label embargoMsg = new Label();
        embargoMsg.textProperty().bind(model.embargoMessageProperty());
        embargoMsg.getStyleClass().add("field-message");

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(10));
        int r = 0;
        g.addRow(r++, new Label("Slug"), new HBox(6, slug, slugCount, slugHint));
        g.add(slugMsg, 1, r++);
        g.addRow(r++, new Label("Tags"), tags);
        g.addRow(r++, new Label("Section"), section);
        g.addRow(r++, new Label("Language"), language);
        g.addRow(r++, new Label("Urgency"), urgency);
        g.add(embargoed, 0, r++, 2, 1);
        g.addRow(r++, new Label("Date, time"), new HBox(6, embargoDate, embargoTime));
        g.add(embargoMsg, 1, r++);
        g.add(new Label("Editor's note"), 0, r++, 2, 1);
        g.add(editorsNote, 0, r, 2, 1);
        GridPane.setHgrow(tags, Priority.ALWAYS);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        g.getColumnConstraints().setAll(labels, new javafx.scene.layout.ColumnConstraints());
        ScrollPane sp = new ScrollPane(g);
        sp.setFitToWidth(true);
        return sp;
    }

    private void bindBody() {
        model.bodyHtml.addListener((o, a, html) -> {
            if (!syncingBody && !html.equals(body.getHtml())) {
                syncingBody = true;
                try {
                    body.setHtml(html);
                } finally {
                    syncingBody = false;
                }
            }
        });
        body.richChanges().filter(ch -> !ch.isIdentity()).subscribe(ch -> {
            if (!syncingBody) {
                syncingBody = true;
                try {
                    model.bodyHtml.set(body.getHtml());
                } finally {
                    syncingBody = false;
                }
            }
        });
    }

    private void bindDirection() {
        model.rightToLeftProperty().addListener((o, a, rtl) -> applyDirection(rtl));
        editorsNote.valueProperty().addListener((o, a, b) -> noteDirection());
        applyDirection(model.rightToLeftProperty().get());
    }

    private void applyDirection(boolean rtl) {
        NodeOrientation o = rtl ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT;
        for (Node n : List.of(headline, standfirst, bylines, datelinePlace, tags)) {
            n.setNodeOrientation(o);
        }
        body.setRightToLeft(rtl);
        noteDirection();
    }

    /** The editor's note is internal and often in another language than the story: it takes its own text's direction. */
    private void noteDirection() {
        Boolean own = app.dispatch.ui.common.BidiText.firstStrongIsRightToLeft(editorsNote.getValue());
        boolean rtl = own != null ? own : model.rightToLeftProperty().get();
        editorsNote.setNodeOrientation(rtl ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
    }

    /** Tab leaves the body for the details instead of inserting a tab character. */
    private void wireTabOrder() {
        body.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                if (e.isShiftDown()) {
                    datelineDate.getEditor().requestFocus();
                } else {
                    side.getSelectionModel().select(0);
                    slug.requestFocus();
                }
            }
        });
        standfirst.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                (e.isShiftDown() ? headline : bylines).requestFocus();
            }
        });
        editorsNote.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                (e.isShiftDown() ? embargoTime : headline).requestFocus();
            }
        });
    }

    public void focusHeadline() {
        headline.requestFocus();
        headline.end();
    }

    public void bold() {
        body.toggleBold();
    }

    public void italic() {
        body.toggleItalic();
    }

    public void setKind(Kind k) {
        body.setKindOfSelection(k);
        syncKind();
    }

    /** Ctrl+K: asks for the address and links the selection (an empty address removes the link). */
    public void link() {
        if (body.getSelection().getLength() == 0) {
            return;
        }
        String current = body.linkAtCaret();
        TextInputDialog d = new TextInputDialog(current == null ? "https://" : current);
        d.setTitle("Link");
        d.setHeaderText("Link the selected text to:");
        d.initOwner(getScene().getWindow());
        Optional<String> href = d.showAndWait();
        href.ifPresent(h -> {
            String v = h.strip();
            if (v.isEmpty() || v.equals("https://")) {
                body.setLink(null);
            } else if (v.matches("(?i)(https?://|mailto:|tel:).+")) {
                body.setLink(v);
            } else {
                body.setLink("https://" + v);
            }
        });
    }

    /** Ctrl+Shift+S: a named snapshot. */
    public void snapshot() {
        TextInputDialog d = new TextInputDialog();
        d.setTitle("Snapshot");
        d.setHeaderText("Name this version of the story");
        d.getEditor().setPromptText("e.g. before legal read");
        d.getEditor().setId("snapshot-label");
        d.initOwner(getScene().getWindow());
        d.showAndWait().ifPresent(label -> {
            model.snapshot(label.isBlank() ? "Snapshot" : label);
            showHistory();
        });
    }

    public void showHistory() {
        side.getSelectionModel().select(historyTab);
    }

    /** Adds a feature panel (media, sources, comments …) to the side tabs. */
    public Tab addSideTab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        side.getTabs().add(t);
        return t;
    }

    /** Adds a feature's item (a notice, a status chip) to the status line, before the save state. */
    public void addStatusItem(Node item) {
        statusLine.getChildren().add(statusLine.getChildren().size() - 1, item);
    }

    public void selectSideTab(Tab t) {
        side.getSelectionModel().select(t);
    }

    public BodyArea body() {
        return body;
    }

    public EditorModel model() {
        return model;
    }

}
