package app.dispatch.service;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where the library lives: --data-dir, else $DISPATCH_HOME, else the OS convention (a relative $XDG_DATA_HOME is ignored, as the XDG spec says). */
public final class DataDirs {
    private DataDirs() {
    }

    public static Path resolve(Path option, Map<String, String> env, String osName, String userHome) {
        if (option != null) {
            return option.toAbsolutePath().normalize();
        }
        String home = env.get("DISPATCH_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return Path.of(userHome, "Library", "Application Support", "Dispatch");
        }
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "Dispatch") : Path.of(userHome, "AppData", "Roaming", "Dispatch");
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "dispatch");
        }
        return Path.of(userHome, ".local", "share", "dispatch");
    }

    public static Path resolve(Path option) {
        return resolve(option, System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }
}
