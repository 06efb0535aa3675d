package app.dispatch.app;

import app.dispatch.cli.DispatchCommand;
import javafx.application.Application;

/**
 * Entry point of the jar. With no arguments (or only --data-dir DIR) it opens the app window;
 * with a command it runs the command line and exits with its code.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (opensApp(args)) {
            Application.launch(DispatchApp.class, args);
            return;
        }
        System.exit(DispatchCommand.run(args));
    }

    static boolean opensApp(String[] args) {
        if (args.length == 0) {
            return true;
        }
        return args.length == 2 && args[0].equals("--data-dir") || args.length == 1 && args[0].startsWith("--data-dir=");
    }
}
