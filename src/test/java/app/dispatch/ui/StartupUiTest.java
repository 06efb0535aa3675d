package app.dispatch.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import app.dispatch.app.DispatchApp;
import app.dispatch.store.Database;
import app.dispatch.store.LibraryLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Starting on a library that cannot be opened: the window says why, the file is untouched and the library is not left locked. */
class StartupUiTest {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();

    @Test
    void damagedLibraryIsReportedInTheWindowAndLeftAsItWas() throws Exception {
        byte[] garbage = "this is not a database, it is a reporter's shopping list".repeat(200).getBytes();
        Files.write(dir.resolve(Database.FILE_NAME), garbage);
        FxToolkit.registerPrimaryStage();
        DispatchApp app = (DispatchApp) FxToolkit.setupApplication(() -> new DispatchApp(dir));
        try {
            waitFor(20, TimeUnit.SECONDS, () -> app.startupError().isPresent() && dialog() != null);
            DialogPane pane = dialog();
            assertTrue(pane.getHeaderText().contains("cannot start"), pane.getHeaderText());
            assertTrue(pane.getContentText().contains(Database.FILE_NAME), pane.getContentText());
            assertTrue(app.mainView() == null, "no library window on a damaged library");
            assertArrayEquals(garbage, Files.readAllBytes(dir.resolve(Database.FILE_NAME)), "the damaged file is not touched");
            try (LibraryLock again = LibraryLock.tryAcquire(dir).orElseThrow(() -> new AssertionError("the library is still locked"))) {
                assertTrue(again != null);
            }
        } finally {
            robot.interact(() -> {
                DialogPane pane = dialog();
                if (pane != null) {
                    pane.getScene().getWindow().hide();
                }
                Application.setUserAgentStylesheet(null);
            });
            FxToolkit.cleanupApplication(app);
        }
    }

    private static DialogPane dialog() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane p) {
                return p;
            }
        }
        return null;
    }
}
