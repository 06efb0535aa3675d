package app.dispatch.ui;

import static org.testfx.util.WaitForAsyncUtils.waitFor;

import app.dispatch.app.DispatchApp;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Starts the real Dispatch window on a library folder and closes it the way a person does (the
 * window's close button, so pending edits are saved), then leaves the shared primary stage and the
 * global theme as later TestFX classes expect them.
 */
final class AppHarness {
    private final FxRobot robot;
    private DispatchApp app;
    private Stage stage;

    AppHarness(FxRobot robot) {
        this.robot = robot;
    }

    DispatchApp launch(Path dataDir) throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        app = (DispatchApp) FxToolkit.setupApplication(() -> new DispatchApp(dataDir));
        waitFor(20, TimeUnit.SECONDS, () -> app.mainView() != null && stage.isShowing());
        return app;
    }

    void close() throws Exception {
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitFor(10, TimeUnit.SECONDS, () -> !stage.isShowing());
        FxToolkit.cleanupApplication(app);
        app.awaitShutdown();
        robot.interact(() -> {
            Application.setUserAgentStylesheet(null);
            stage.setMaximized(false);
            stage.setMinWidth(0);
            stage.setMinHeight(0);
            stage.setX(0);
            stage.setY(0);
        });
    }

    /** Closes the window if a test left it open. */
    void closeIfOpen() throws Exception {
        if (app != null && stage.isShowing()) {
            close();
        }
    }

    DispatchApp app() {
        return app;
    }

    Stage stage() {
        return stage;
    }
}
