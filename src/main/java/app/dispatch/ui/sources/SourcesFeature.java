package app.dispatch.ui.sources;

import app.dispatch.domain.CitationEntry;
import app.dispatch.domain.Source;
import app.dispatch.service.SourceService;
import app.dispatch.ui.common.Async;
import app.dispatch.ui.editor.BodyArea;
import app.dispatch.ui.shell.Feature;
import app.dispatch.ui.shell.FeatureContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.fxmisc.richtext.event.MouseOverTextEvent;

/**
 * Sources in the main window: the Citations side tab, Ctrl+Shift+C to cite the selected passage,
 * citation marks with the source on hover, the source book window and the vault commands.
 */
public final class SourcesFeature implements Feature {
    private FeatureContext ctx;
    private SourceService service;
    private CitationsModel citations;
    private SourceBookModel book;
    private Stage bookStage;
    private final Tooltip hover = new Tooltip();

    @Override
    public void install(FeatureContext context) {
        this.ctx = context;
        this.service = context.library().sources();
        citations = new CitationsModel(service, context.executors().background(), context.executors().fx());
        book = new SourceBookModel(service, context.executors().background(), context.executors().fx());
        Tab tab = context.editor().addSideTab("Citations", new CitationsPane(citations).node());
        tab.setId("tab-citations");
        citations.setOnJump(this::jump);
        citations.entries().addListener((ListChangeListener<CitationEntry>) c -> decorate());
        context.openStory().addListener((o, a, id) -> citations.setStory(id));
        context.editor().model().loadedProperty().addListener((o, a, loaded) -> {
            if (loaded) {
                citations.refresh();
            }
        });
        context.editor().model().saveStateProperty().addListener((o, a, state) -> {
            if ("Saved".equals(state)) {
                citations.refresh();
            }
        });

        MenuItem cite = item("_Cite selection…", "Shortcut+Shift+C", "menu-cite", this::citeSelection);
        cite.disableProperty().bind(context.openStory().isNull());
        context.addMenuItem("Sources", cite);
        context.addMenuItem("Sources", item("Source _book…", "Shortcut+Shift+B", "menu-source-book", this::showBook));
        context.addMenuItem("Sources", new SeparatorMenuItem());
        context.addMenuItem("Sources", item("_Unlock vault…", null, "menu-vault-unlock",
                () -> (book.vaultExistsProperty().get() ? VaultDialogs.unlock(ctx.window(), book) : VaultDialogs.create(ctx.window(), book)).show()));
        context.addMenuItem("Sources", item("_Lock vault", "Shortcut+Shift+L", "menu-vault-lock", () -> {
            book.lock();
            citations.refresh();
        }));
        context.addMenuItem("Sources", item("Change vault _passphrase…", null, "menu-vault-change",
                () -> VaultDialogs.change(ctx.window(), book).show()));

        BodyArea body = context.editor().body();
        body.setMouseOverTextDelay(Duration.ofMillis(350));
        body.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> {
            int pos = e.getCharacterIndex();
            List<String> labels = new ArrayList<>();
            for (CitationEntry ce : citations.entries()) {
                if (ce.found() && pos >= ce.start() && pos < ce.end()) {
                    labels.add("Source: " + ce.sourceLabel() + (ce.confidential() ? " (confidential)" : "")
                            + (ce.sourceVerified() ? " · verified" : ""));
                }
            }
            if (!labels.isEmpty()) {
                hover.setText(String.join("\n", labels));
                hover.show(body, e.getScreenPosition().getX() + 8, e.getScreenPosition().getY() + 12);
            }
        });
        body.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> hover.hide());
    }

    private MenuItem item(String text, String accelerator, String id, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        if (accelerator != null) {
            m.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private void decorate() {
        List<int[]> ranges = new ArrayList<>();
        for (CitationEntry ce : citations.entries()) {
            if (ce.found()) {
                ranges.add(new int[] {ce.start(), ce.end()});
            }
        }
        ctx.editor().body().decorate("cite", ranges);
    }

    private void jump(int start, int end) {
        BodyArea body = ctx.editor().body();
        int a = Math.max(0, Math.min(start, body.getLength()));
        int b = Math.max(a, Math.min(end, body.getLength()));
        body.selectRange(a, b);
        body.requestFollowCaret();
        body.requestFocus();
    }

    /** Ctrl+Shift+C: pick a source for the selected passage; the story is saved first so the passage is found. */
    public void citeSelection() {
        BodyArea body = ctx.editor().body();
        int start = body.getSelection().getStart();
        int end = body.getSelection().getEnd();
        if (start == end) {
            ctx.showError(new IllegalStateException("Select the passage to cite first."));
            return;
        }
        pickSource().ifPresent(source -> ctx.editor().model().flush(() -> citations.cite(source.id(), start, end)));
    }

    private java.util.Optional<Source> pickSource() {
        Dialog<Source> d = new Dialog<>();
        d.setTitle("Cite a source");
        d.setHeaderText("Which source supports this passage?");
        d.initOwner(ctx.window());
        TextField query = new TextField();
        query.setId("cite-search");
        query.setPromptText("Search the source book");
        ListView<Source> list = new ListView<>();
        list.setId("cite-sources");
        list.setPrefHeight(240);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Source s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.displayName() + (s.confidential() ? "  🔒" : "") + "  · "
                        + s.kind().name().toLowerCase().replace('_', ' ') + " · " + s.attribution().name().toLowerCase().replace('_', ' '));
            }
        });
        Label hint = new Label("Add sources in Sources → Source book (Ctrl+Shift+B).");
        query.textProperty().addListener((o, a, q) -> search(q, list));
        search("", list);
        VBox box = new VBox(8, query, list, hint);
        box.setPadding(new Insets(8));
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        d.setResultConverter(b -> b == ButtonType.OK ? list.getSelectionModel().getSelectedItem() : null);
        javafx.application.Platform.runLater(query::requestFocus);
        return d.showAndWait();
    }

    private long searchGeneration;

    private void search(String q, ListView<Source> list) {
        long gen = ++searchGeneration;
        Async.run(ctx.executors(), () -> q == null || q.isBlank() ? service.list() : service.search(q), found -> {
            if (gen == searchGeneration) {
                list.getItems().setAll(found);
                if (!found.isEmpty()) {
                    list.getSelectionModel().select(0);
                }
            }
        }, ctx::showError);
    }

    private void showBook() {
        if (bookStage == null) {
            bookStage = new Stage();
            bookStage.setTitle("Dispatch — Source book");
            bookStage.initOwner(ctx.window());
            Scene scene = new Scene(new javafx.scene.layout.StackPane(new SourceBookView(book).node()), 900, 600);
            if (ctx.window() != null && ctx.window().getScene() != null) {
                scene.getStylesheets().setAll(ctx.window().getScene().getStylesheets());
            }
            bookStage.setScene(scene);
            bookStage.setOnHidden(e -> citations.refresh());
        }
        book.refresh();
        bookStage.show();
        bookStage.toFront();
    }

    public CitationsModel citations() {
        return citations;
    }

}
