package app.dispatch.ui.shell;

import app.dispatch.service.Library;
import app.dispatch.ui.common.UiExecutors;
import app.dispatch.ui.editor.EditorView;
import app.dispatch.ui.library.LibraryView;
import java.util.UUID;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;

/** What the main window offers a {@link Feature}. All of it is used on the FX thread. */
public interface FeatureContext {
    /** The open library; its services block, so call them through {@link #executors()} only. */
    Library library();

    UiExecutors executors();

    /** The story editor (body area, side tabs, model). */
    EditorView editor();

    /** The library table. */
    LibraryView libraryView();

    /** The story open in the editor, or null while the library shows. */
    ReadOnlyObjectProperty<UUID> openStory();

    /** Adds an item to a top-level menu by its name ("File", "Edit", "Format", "Story", "View", or a new one). */
    void addMenuItem(String menu, MenuItem item);

    void openStoryInEditor(UUID id);

    /** Closes the editor (saving) and shows the library, then runs {@code then}. */
    void showLibrary(Runnable then);

    void refreshLibrary();

    /** Reloads the open story's fields from the library (after a feature changed it on disk). */
    void reloadOpenStory();

    void showError(Throwable error);

    Window window();
}
