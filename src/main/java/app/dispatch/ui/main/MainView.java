package app.dispatch.ui.main;

import app.dispatch.service.Library;
import app.dispatch.service.Preferences;
import app.dispatch.text.BodyBlocks.Kind;
import app.dispatch.ui.common.Async;
import app.dispatch.ui.common.UiExecutors;
import app.dispatch.ui.editor.EditorModel;
import app.dispatch.ui.editor.EditorView;
import app.dispatch.ui.library.LibraryModel;
import app.dispatch.ui.library.LibraryView;
import app.dispatch.ui.shell.Feature;
import app.dispatch.ui.shell.FeatureContext;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.stage.Window;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/** The main window's content: menus, the library, and the editor of the open story. */
public final class MainView extends BorderPane {
    private final Library library;
    private final UiExecutors ex;
    private final LibraryModel libraryModel;
    private final LibraryView libraryView;
    private final EditorModel editorModel;
    private final EditorView editorView;
    private final StackPane center = new StackPane();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Dispatch");
    private final SimpleBooleanProperty editing = new SimpleBooleanProperty(false);
    private final SimpleBooleanProperty dark = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<UUID> openStory = new ReadOnlyObjectWrapper<>();
    private Consumer<Boolean> onThemeChange = d -> { };
    private MenuBar menuBar;

    public MainView(Library library, UiExecutors ex, ZoneId zone) {
        this.library = library;
        this.ex = ex;
        getStyleClass().add("main");
        libraryModel = new LibraryModel(library.stories(), ex);
        libraryView = new LibraryView(libraryModel, zone);
        editorModel = new EditorModel(library.stories(), ex, zone);
        editorView = new EditorView(editorModel, zone);
        libraryModel.onError(this::showError);
        editorModel.onError(this::showError);
        libraryView.setOnOpen(this::open);
        libraryView.setOnNew(this::newStory);
        center.getChildren().setAll(libraryView);
        menuBar = menus();
        setTop(menuBar);
        setCenter(center);
        title.bind(Bindings.when(editing)
                .then(Bindings.concat("Dispatch — ", Bindings.when(editorModel.headline.isEmpty()).then("Untitled story")
                        .otherwise(editorModel.headline)))
                .otherwise("Dispatch — Library"));
        libraryModel.refresh();
        FeatureContext context = new Context();
        for (Feature f : Features.all()) {
            f.install(context);
        }
    }

    /** The main window as the features see it. */
    private final class Context implements FeatureContext {
        @Override
        public Library library() {
            return library;
        }

        @Override
        public UiExecutors executors() {
            return ex;
        }

        @Override
        public EditorView editor() {
            return editorView;
        }

        @Override
        public LibraryView libraryView() {
            return libraryView;
        }

        @Override
        public ReadOnlyObjectProperty<UUID> openStory() {
            return openStory.getReadOnlyProperty();
        }

        @Override
        public void addMenuItem(String menu, MenuItem item) {
            Menu target = menuBar.getMenus().stream().filter(m -> m.getText().replace("_", "").equals(menu)).findFirst()
                    .orElseGet(() -> {
                        Menu m = new Menu(menu);
                        menuBar.getMenus().add(menuBar.getMenus().size() - 1, m);
                        return m;
                    });
            target.getItems().add(item);
        }

        @Override
        public void openStoryInEditor(UUID id) {
            open(id);
        }

        @Override
        public void showLibrary(Runnable then) {
            if (editing.get()) {
                backToLibrary(then);
            } else if (then != null) {
                then.run();
            }
        }

        @Override
        public void refreshLibrary() {
            libraryModel.refresh();
        }

        @Override
        public void reloadOpenStory() {
            UUID id = openStory.get();
            if (id != null) {
                editorModel.reload();
            }
        }

        @Override
        public void showError(Throwable error) {
            MainView.this.showError(error);
        }

        @Override
        public Window window() {
            return getScene() == null ? null : getScene().getWindow();
        }
    }

    private MenuBar menus() {
        Menu file = new Menu("_File");
        file.getItems().addAll(
                item("_New story", "Shortcut+N", "menu-new", this::newStory),
                item("_Close story", "Shortcut+W", "menu-close", this::backToLibrary),
                new SeparatorMenuItem(),
                item("_Quit", "Shortcut+Q", "menu-quit", () -> getScene().getWindow().hide()));
        Menu edit = new Menu("_Edit");
        edit.getItems().addAll(
                item("_Undo", "Shortcut+Z", "menu-undo", () -> editorView.body().undo()),
                item("_Redo", "Shortcut+Y", "menu-redo", () -> editorView.body().redo()),
                new SeparatorMenuItem(),
                item("_Filter the library", "Shortcut+Shift+F", "menu-find", this::find));
        Menu format = new Menu("F_ormat");
        format.getItems().addAll(
                editorItem("_Bold", "Shortcut+B", "menu-bold", editorView::bold),
                editorItem("_Italic", "Shortcut+I", "menu-italic", editorView::italic),
                editorItem("_Link…", "Shortcut+K", "menu-link", editorView::link),
                new SeparatorMenuItem(),
                editorItem("_Paragraph", "Shortcut+Alt+0", "menu-par", () -> editorView.setKind(Kind.PARAGRAPH)),
                editorItem("_Subheading", "Shortcut+Alt+2", "menu-h2", () -> editorView.setKind(Kind.HEADING2)),
                editorItem("_Minor heading", "Shortcut+Alt+3", "menu-h3", () -> editorView.setKind(Kind.HEADING3)),
                editorItem("Block _quote", "Shortcut+Alt+Q", "menu-quote", () -> editorView.setKind(Kind.QUOTE)),
                editorItem("B_ulleted list", "Shortcut+Alt+U", "menu-bullets", () -> editorView.setKind(Kind.BULLET)),
                editorItem("_Numbered list", "Shortcut+Alt+N", "menu-numbers", () -> editorView.setKind(Kind.NUMBERED)));
        Menu story = new Menu("_Story");
        story.getItems().addAll(
                editorItem("Named _snapshot…", "Shortcut+Shift+S", "menu-snapshot", editorView::snapshot),
                editorItem("_History", "Shortcut+H", "menu-history", editorView::showHistory),
                editorItem("Back to _library", "Shortcut+L", "menu-library", this::backToLibrary));
        CheckMenuItem darkItem = new CheckMenuItem("_Dark theme");
        darkItem.setId("menu-dark");
        darkItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+D"));
        darkItem.selectedProperty().bindBidirectional(dark);
        dark.addListener((o, a, d) -> {
            onThemeChange.accept(d);
            Async.run(ex, () -> {
                library.preferences().put(Preferences.THEME, d ? "dark" : "light");
                return null;
            }, v -> { }, this::showError);
        });
        Menu view = new Menu("_View");
        view.getItems().add(darkItem);
        MenuBar bar = new MenuBar(file, edit, format, story, view);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private MenuItem item(String text, String accelerator, String id, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        m.setAccelerator(KeyCombination.keyCombination(accelerator));
        m.setOnAction(e -> action.run());
        return m;
    }

    private MenuItem editorItem(String text, String accelerator, String id, Runnable action) {
        MenuItem m = item(text, accelerator, id, action);
        m.disableProperty().bind(editing.not());
        return m;
    }

    /** Ctrl+N: a new draft, opened with the cursor in its headline. */
    public void newStory() {
        Runnable create = () -> libraryModel.create(library.preferences().get(Preferences.DEFAULT_LANGUAGE).orElse("en"),
                id -> open(id, editorView::focusHeadline));
        if (editing.get()) {
            editorModel.close(create);
        } else {
            create.run();
        }
    }

    public void open(UUID id) {
        open(id, () -> editorView.body().requestFocus());
    }

    public void open(UUID id, Runnable then) {
        editorModel.open(id, () -> {
            center.getChildren().setAll(editorView);
            editing.set(true);
            openStory.set(id);
            rememberOpenStory(id);
            if (then != null) {
                then.run();
            }
        });
    }

    public void backToLibrary() {
        backToLibrary(null);
    }

    private void backToLibrary(Runnable then) {
        if (!editing.get()) {
            return;
        }
        editorModel.close(() -> {
            editing.set(false);
            openStory.set(null);
            center.getChildren().setAll(libraryView);
            rememberOpenStory(null);
            libraryModel.refresh();
            libraryView.table().requestFocus();
            if (then != null) {
                then.run();
            }
        });
    }

    private void find() {
        if (editing.get()) {
            backToLibrary();
        }
        libraryView.focusFilter();
    }

    private void rememberOpenStory(UUID id) {
        Async.run(ex, () -> {
            library.preferences().put(Preferences.OPEN_STORY, id == null ? null : id.toString());
            return null;
        }, v -> { }, this::showError);
    }

    /** Saves everything pending and the window state, off the FX thread; then runs {@code done}. */
    public void shutdown(String windowState, Runnable done) {
        Async.run(ex, () -> {
            editorModel.closeBlocking();
            library.preferences().put(Preferences.WINDOW, windowState);
            return null;
        }, v -> done.run(), e -> {
            showError(e);
            done.run();
        });
    }

    public void showError(Throwable e) {
        Alert a = new Alert(Alert.AlertType.ERROR, String.valueOf(e.getMessage()));
        a.setHeaderText("Something went wrong");
        if (getScene() != null) {
            a.initOwner(getScene().getWindow());
        }
        a.show();
    }

    public void setDark(boolean d) {
        dark.set(d);
    }

    public void setOnThemeChange(Consumer<Boolean> c) {
        this.onThemeChange = c;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public boolean isEditing() {
        return editing.get();
    }

    public EditorView editor() {
        return editorView;
    }

    public LibraryView libraryView() {
        return libraryView;
    }

    public LibraryModel libraryModel() {
        return libraryModel;
    }
}
