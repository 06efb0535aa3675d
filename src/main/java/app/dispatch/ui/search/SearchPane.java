package app.dispatch.ui.search;

import app.dispatch.ui.common.BidiText;
import app.dispatch.domain.Highlights;
import app.dispatch.domain.Languages;
import app.dispatch.domain.SearchFilter;
import app.dispatch.domain.SearchHit;
import app.dispatch.domain.SearchSort;
import app.dispatch.domain.Status;
import app.dispatch.service.SearchService;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.layout.Region;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * The search pane: a query field with results as you type (debounced), filters beside it, and a
 * virtualised result list whose matched words are bold and coloured. Enter or double-click opens a story.
 */
public final class SearchPane extends VBox {
    public static final Duration DEBOUNCE = Duration.millis(200);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneOffset.UTC);

    private final SearchModel model;
    private final TextField field = new TextField();
    private final ListView<SearchHit> list = new ListView<>();
    private final PauseTransition debounce = new PauseTransition(DEBOUNCE);

    public SearchPane(SearchService service, Executor background, Executor fx) {
        this.model = new SearchModel(service, background, fx);
        getStyleClass().add("search-pane");
        setSpacing(6);
        setPadding(new Insets(8));

        field.setId("search-field");
        field.setPromptText("Search stories: words, elect*, \"a phrase\", -word, headline:, tag:, by:");
        field.setAccessibleText("Search stories");
        debounce.setOnFinished(e -> model.search());
        field.textProperty().addListener((obs, old, now) -> {
            model.queryProperty().set(now);
            debounce.playFromStart();
        });
        field.setOnAction(e -> {
            debounce.stop();
            model.search();
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !list.getItems().isEmpty()) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
                e.consume();
            }
        });

        ComboBox<Status> status = new ComboBox<>();
        status.setId("search-status");
        status.getItems().add(null);
        status.getItems().addAll(Status.values());
        status.setPromptText("Any status");
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(Status s) {
                return s == null ? "Any status" : s.label();
            }

            @Override
            public Status fromString(String s) {
                return null;
            }
        });
        TextField section = small("search-section", "Section");
        TextField tag = small("search-tag", "Tag");
        TextField author = small("search-author", "Author");
        DatePicker since = new DatePicker();
        since.setId("search-since");
        since.setPromptText("From");
        since.setPrefWidth(120);
        DatePicker until = new DatePicker();
        until.setId("search-until");
        until.setPromptText("To");
        until.setPrefWidth(120);
        CheckBox embargo = new CheckBox("Embargoed");
        embargo.setId("search-embargo");
        CheckBox media = new CheckBox("With media");
        media.setId("search-media");
        ComboBox<SearchSort> sort = new ComboBox<>();
        sort.setId("search-sort");
        sort.getItems().addAll(SearchSort.values());
        sort.setValue(SearchSort.RELEVANCE);
        sort.setConverter(new StringConverter<>() {
            @Override
            public String toString(SearchSort s) {
                return s == SearchSort.NEWEST ? "Newest first" : "Best match";
            }

            @Override
            public SearchSort fromString(String s) {
                return null;
            }
        });
        Runnable filtersChanged = () -> {
            model.filterProperty().set(new SearchFilter(status.getValue() == null ? Set.of() : Set.of(status.getValue()),
                    author.getText(), section.getText(), tag.getText(), day(since.getValue(), false), day(until.getValue(), true),
                    embargo.isSelected() ? Boolean.TRUE : null, media.isSelected() ? Boolean.TRUE : null));
            model.sortProperty().set(sort.getValue());
            debounce.playFromStart();
        };
        status.valueProperty().addListener((o, a, b) -> filtersChanged.run());
        section.textProperty().addListener((o, a, b) -> filtersChanged.run());
        tag.textProperty().addListener((o, a, b) -> filtersChanged.run());
        author.textProperty().addListener((o, a, b) -> filtersChanged.run());
        since.valueProperty().addListener((o, a, b) -> filtersChanged.run());
        until.valueProperty().addListener((o, a, b) -> filtersChanged.run());
        embargo.selectedProperty().addListener((o, a, b) -> filtersChanged.run());
        media.selectedProperty().addListener((o, a, b) -> filtersChanged.run());
        sort.valueProperty().addListener((o, a, b) -> filtersChanged.run());

        FlowPane filters = new FlowPane(6, 6, status, section, tag, author, since, until, embargo, media, sort);
        filters.getStyleClass().add("search-filters");

        Label summary = new Label();
        summary.setId("search-summary");
        summary.textProperty().bind(model.summaryProperty());
        Button more = new Button("More results");
        more.setId("search-more");
        more.visibleProperty().bind(model.moreProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.setOnAction(e -> model.loadMore());
        HBox footer = new HBox(8, summary, more);

        list.setId("search-results");
        list.setItems(model.results());
        list.setCellFactory(v -> new HitCell());
        list.setPlaceholder(new Label("Type to search the library"));
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                model.open(list.getSelectionModel().getSelectedItem());
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.open(list.getSelectionModel().getSelectedItem());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(field, filters, list, footer);
        model.search();
    }

    public SearchModel model() {
        return model;
    }

    public void setOnOpen(Consumer<UUID> onOpen) {
        model.setOnOpen(onOpen);
    }

    /** Puts the caret in the search field. */
    public void focusSearch() {
        field.requestFocus();
        field.selectAll();
    }

    /** Ctrl+F (Cmd+F) anywhere in {@code scene} focuses the search field. */
    public void installShortcut(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), this::focusSearch);
    }

    private static TextField small(String id, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.setAccessibleText(prompt);
        t.setPrefColumnCount(8);
        return t;
    }

    private static java.time.Instant day(LocalDate d, boolean endOfDay) {
        return d == null ? null : (endOfDay ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Marked text as Text nodes; matched runs get the style class "search-highlight" and bold. */
    static TextFlow flow(String marked, boolean bold, String language) {
        TextFlow flow = new TextFlow();
        for (Highlights.Run r : Highlights.runs(marked)) {
            // one node per word in right-to-left text, else JavaFX draws its wrapped lines wrong (BidiText)
            flow.getChildren().addAll(BidiText.nodes(r.text().replace('\n', ' '), t -> {
                if (r.highlighted()) {
                    t.getStyleClass().add("search-highlight");
                    t.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, Font.getDefault().getSize()));
                    t.setStyle("-fx-fill: #b34700;");
                } else if (bold) {
                    t.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, Font.getDefault().getSize()));
                }
            }));
        }
        BidiText.relayoutOnResize(flow);
        flow.setNodeOrientation(Languages.isRightToLeft(language) ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
        return flow;
    }

    /** One result: headline, snippet, and status · section · date · bylines. */
    private static final class HitCell extends ListCell<SearchHit> {
        @Override
        protected void updateItem(SearchHit hit, boolean empty) {
            super.updateItem(hit, empty);
            if (empty || hit == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            TextFlow headline = flow(hit.headlineMarked(), true, hit.language());
            headline.getStyleClass().add("search-hit-headline");
            TextFlow snippet = flow(hit.snippetMarked(), false, hit.language());
            snippet.getStyleClass().add("search-hit-snippet");
            // one label per field: a right-to-left section or byline would otherwise be reordered with its
            // neighbours ("Draft · 2 · شهری Dec 2026")
            javafx.scene.layout.HBox meta = new javafx.scene.layout.HBox();
            meta.getStyleClass().add("search-hit-meta");
            java.util.List<String> fields = new java.util.ArrayList<>();
            fields.add(hit.status().label());
            if (!hit.section().isEmpty()) {
                fields.add(hit.section());
            }
            fields.add(DAY.format(hit.updatedAt()));
            if (!hit.bylines().isEmpty()) {
                fields.add(String.join(", ", hit.bylines()));
            }
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    Label dot = new Label(" · ");
                    dot.getStyleClass().add("search-hit-meta");
                    dot.setMinWidth(Region.USE_PREF_SIZE);
                    meta.getChildren().add(dot);
                }
                Label field = new Label(app.dispatch.ui.common.BidiText.display(fields.get(i)));
                field.getStyleClass().add("search-hit-meta");
                field.setMinWidth(i == fields.size() - 1 ? 0 : Region.USE_PREF_SIZE);
                meta.getChildren().add(field);
            }
            meta.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
            meta.setAccessibleText(String.join(", ", fields));
            VBox box = new VBox(2, headline, snippet, meta);
            box.setMinWidth(0);
            box.prefWidthProperty().bind(widthProperty().subtract(24));
            setGraphic(box);
            setText(null);
        }

        /** As high as the wrapped headline and snippet are at the cell's width (a ListCell asks its graphic without one). */
        @Override
        protected double computePrefHeight(double width) {
            javafx.scene.Node g = getGraphic();
            double w = (width > 0 ? width : getWidth()) - snappedLeftInset() - snappedRightInset();
            if (g == null || w <= 0) {
                return super.computePrefHeight(width);
            }
            return g.prefHeight(Math.min(w, 10_000)) + snappedTopInset() + snappedBottomInset();
        }
    }
}
