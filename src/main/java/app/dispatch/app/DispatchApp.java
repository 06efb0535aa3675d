package app.dispatch.app;

import app.dispatch.domain.DispatchException;
import app.dispatch.service.DataDirs;
import app.dispatch.service.Library;
import app.dispatch.service.Preferences;
import app.dispatch.store.CorruptDatabaseException;
import app.dispatch.store.LibraryLock;
import app.dispatch.ui.common.UiExecutors;
import app.dispatch.ui.main.MainView;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/**
 * The JavaFX application. {@link #init()} (the launcher thread) takes the library lock; the library
 * is opened on its own thread while the window says so (an upgrade of a large library migrates for
 * a minute), so the FX thread never touches the disk; closing the window saves everything before exit.
 */
public final class DispatchApp extends Application {
    private Path dataDir;
    private Library library;
    private LibraryLock lock;
    private String startupError;
    private ExecutorService background;
    private ScheduledExecutorService scheduler;
    private MainView main;
    private Stage stage;
    private StartState startState;

    /** What the opening thread read so that the FX thread need not touch the disk. */
    private record StartState(Optional<String> window, boolean dark, Optional<UUID> openStory) {
    }

    public DispatchApp() {
    }

    /** For tests: a given library folder; closing the window does not end the JavaFX platform. */
    public DispatchApp(Path dataDir) {
        this.dataDir = dataDir;
        this.exitPlatformOnClose = false;
    }

    private boolean exitPlatformOnClose = true;
    private Thread closer;
    private Thread opener;

    @Override
    public void init() {
        try {
            if (dataDir == null) {
                dataDir = DataDirs.resolve(dataDirArgument(getParameters() == null ? List.of() : getParameters().getRaw()));
            }
            java.nio.file.Files.createDirectories(dataDir);
            lock = LibraryLock.tryAcquire(dataDir).orElse(null);
            if (lock == null) {
                startupError = "Dispatch is already open on the library in " + dataDir
                        + ".\nSwitch to that window, or start Dispatch with --data-dir to use another library.";
                return;
            }
        } catch (DispatchException e) {
            startupError = e.getMessage();
            releaseLock();
        } catch (Exception e) {
            startupError = "Dispatch could not open its library in " + dataDir + ": " + e;
            releaseLock();
        }
    }

    /** Opens the library, seeds the samples on first start and reads what the window needs. Blocking. */
    private StartState openLibrary() {
        library = Library.open(dataDir);
        Samples.seedIfNew(library);
        Preferences prefs = library.preferences();
        return new StartState(prefs.get(Preferences.WINDOW),
                prefs.get(Preferences.THEME).map("dark"::equals).orElse(false),
                prefs.get(Preferences.OPEN_STORY).flatMap(DispatchApp::uuid)
                        .filter(id -> library.stories().store().get(id).filter(s -> !s.isTrashed()).isPresent()));
    }

    /** The message for a library that cannot be opened. */
    private String openFailure(Throwable e) {
        if (e instanceof CorruptDatabaseException || e instanceof DispatchException) {
            return e.getMessage();
        }
        return "Dispatch could not open its library in " + dataDir + ": " + e;
    }

    static Path dataDirArgument(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--data-dir") && i + 1 < args.size()) {
                return Path.of(args.get(i + 1));
            }
            if (a.startsWith("--data-dir=")) {
                return Path.of(a.substring("--data-dir=".length()));
            }
        }
        return null;
    }

    private static Optional<UUID> uuid(String s) {
        try {
            return Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        stage.titleProperty().unbind();
        stage.setTitle("Dispatch");
        if (startupError != null) {
            showStartupError();
            return;
        }
        // While the library opens (seconds for an upgrade of a large one), the window says so.
        javafx.scene.control.Label opening = new javafx.scene.control.Label("Opening the library in " + dataDir + " …");
        opening.setId("opening-library");
        opening.setWrapText(true);
        javafx.scene.control.ProgressIndicator spinner = new javafx.scene.control.ProgressIndicator();
        spinner.setMaxSize(36, 36);
        javafx.scene.layout.VBox wait = new javafx.scene.layout.VBox(14, spinner, opening);
        wait.setAlignment(javafx.geometry.Pos.CENTER);
        wait.setPadding(new javafx.geometry.Insets(24));
        stage.setScene(new Scene(wait, 520, 200));
        stage.setOnCloseRequest(e -> e.consume()); // the library is opening or upgrading: closing now would leave it half-done
        stage.show();
        opener = new Thread(() -> {
            try {
                StartState state = openLibrary();
                Platform.runLater(() -> showMain(stage, state));
            } catch (RuntimeException | Error e) {
                startupError = openFailure(e);
                if (library != null) {
                    library.close();
                    library = null;
                }
                releaseLock();
                Platform.runLater(this::showStartupError);
            }
        }, "dispatch-open-library");
        opener.setDaemon(false);
        opener.start();
        javafx.animation.PauseTransition slow = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
        slow.setOnFinished(e -> {
            if (main == null && startupError == null) {
                opening.setText("Updating the library in " + dataDir + " for this version of Dispatch.\n"
                        + "This happens once and can take a minute for a large library. Your stories are safe.");
            }
        });
        slow.play();
    }

    private void showStartupError() {
        System.err.println("dispatch: " + startupError);
        if (stage != null) {
            stage.hide();
        }
        Alert a = new Alert(Alert.AlertType.ERROR, startupError);
        a.setTitle("Dispatch");
        a.setHeaderText("Dispatch cannot start");
        a.setOnHidden(e -> {
            if (exitPlatformOnClose) {
                Platform.exit();
            }
        });
        a.show();
    }

    private void showMain(Stage stage, StartState state) {
        startState = state;
        background = Executors.newFixedThreadPool(2, daemon("dispatch-background"));
        scheduler = Executors.newSingleThreadScheduledExecutor(daemon("dispatch-autosave"));
        UiExecutors ex = new UiExecutors(background, Platform::runLater, scheduler);
        MainView view = new MainView(library, ex, ZoneId.systemDefault());
        Scene scene = new Scene(view, 1200, 780);
        scene.getStylesheets().add(DispatchApp.class.getResource("/assets/css/dispatch.css").toExternalForm());
        main = view;
        applyTheme(startState.dark());
        main.setDark(startState.dark());
        main.setOnThemeChange(this::applyTheme);
        stage.setScene(scene);
        stage.titleProperty().bind(main.titleProperty());
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        stage.setWidth(1200);
        stage.setHeight(780);
        if (startState.window().isPresent()) {
            WindowState.apply(stage, startState.window().get());
        } else {
            stage.centerOnScreen();
        }
        stage.setOnCloseRequest(e -> {
            e.consume();
            main.shutdown(WindowState.of(stage), () -> {
                stage.hide();
                if (exitPlatformOnClose) {
                    Platform.exit();
                }
            });
        });
        stage.show();
        startState.openStory().ifPresent(main::open);
    }

    private void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        if (stage != null && stage.getScene() != null) {
            stage.getScene().getRoot().getStyleClass().removeAll("theme-dark", "theme-light");
            stage.getScene().getRoot().getStyleClass().add(dark ? "theme-dark" : "theme-light");
        }
    }

    @Override
    public void stop() {
        closer = new Thread(() -> {
            if (opener != null) {
                try {
                    opener.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (scheduler != null) {
                scheduler.shutdown();
            }
            if (background != null) {
                background.shutdown();
            }
            if (library != null) {
                library.close();
            }
            releaseLock();
        }, "dispatch-shutdown");
        closer.setDaemon(false);
        closer.start();
    }

    private void releaseLock() {
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Waits until {@link #stop()} has closed the library and released the lock (tests). */
    public void awaitShutdown() throws InterruptedException {
        if (closer != null) {
            closer.join(10_000);
        }
    }

    /** For tests and diagnostics. */
    public MainView mainView() {
        return main;
    }

    public Optional<String> startupError() {
        return Optional.ofNullable(startupError);
    }

    public Path dataDir() {
        return dataDir;
    }

}
