package app.dispatch.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: placeholder until the main window lands. */
public final class DispatchApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Dispatch");
        stage.show();
    }
}
