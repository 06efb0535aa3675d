package app.dispatch.ui.search;

import app.dispatch.ui.shell.Feature;
import app.dispatch.ui.shell.FeatureContext;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;

/** Full-text search beside the library table; Ctrl+F from anywhere goes to it. */
public final class SearchFeature implements Feature {
    private SearchPane pane;

    @Override
    public void install(FeatureContext context) {
        pane = new SearchPane(context.library().search(), context.executors().background(), context.executors().fx());
        pane.setPrefWidth(360);
        pane.setMinWidth(320);
        pane.setOnOpen(context::openStoryInEditor);
        context.libraryView().setRight(pane);
        MenuItem find = new MenuItem("_Search stories…");
        find.setId("menu-search");
        find.setAccelerator(KeyCombination.keyCombination("Shortcut+F"));
        find.setOnAction(e -> context.showLibrary(pane::focusSearch));
        context.addMenuItem("Edit", find);
    }

    public SearchPane pane() {
        return pane;
    }
}
