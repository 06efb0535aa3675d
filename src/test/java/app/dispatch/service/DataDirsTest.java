package app.dispatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirsTest {
    private static final String HOME = "/home/ada";

    @Test
    void dataDirOptionWinsOverEverything() {
        Map<String, String> env = Map.of("DISPATCH_HOME", "/srv/dispatch", "XDG_DATA_HOME", "/xdg");
        assertEquals(Path.of("/tmp/lib"), DataDirs.resolve(Path.of("/tmp/x/../lib"), env, "Linux", HOME));
        assertEquals(Path.of("rel").toAbsolutePath(), DataDirs.resolve(Path.of("rel"), env, "Linux", HOME));
    }

    @Test
    void dispatchHomeWinsOverTheOsConvention() {
        assertEquals(Path.of("/srv/dispatch"), DataDirs.resolve(null, Map.of("DISPATCH_HOME", "/srv/dispatch", "XDG_DATA_HOME", "/xdg"), "Linux", HOME));
        assertEquals(Path.of("/srv/dispatch"), DataDirs.resolve(null, Map.of("DISPATCH_HOME", "/srv/dispatch"), "Mac OS X", HOME));
        assertEquals(Path.of(HOME, ".local", "share", "dispatch"), DataDirs.resolve(null, Map.of("DISPATCH_HOME", "  "), "Linux", HOME));
    }

    @Test
    void linuxUsesXdgDataHomeElseLocalShare() {
        assertEquals(Path.of("/xdg/dispatch"), DataDirs.resolve(null, Map.of("XDG_DATA_HOME", "/xdg"), "Linux", HOME));
        assertEquals(Path.of(HOME, ".local/share/dispatch"), DataDirs.resolve(null, Map.of(), "Linux", HOME));
        assertEquals(Path.of(HOME, ".local/share/dispatch"), DataDirs.resolve(null, Map.of("XDG_DATA_HOME", ""), "Linux", HOME));
        assertEquals(Path.of(HOME, ".local/share/dispatch"), DataDirs.resolve(null, Map.of("XDG_DATA_HOME", "relative/dir"), "Linux", HOME),
                "the XDG spec says relative paths are to be ignored");
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertEquals(Path.of(HOME, "Library", "Application Support", "Dispatch"), DataDirs.resolve(null, Map.of("XDG_DATA_HOME", "/xdg"), "Mac OS X", HOME));
    }

    @Test
    void windowsUsesAppData() {
        assertEquals(Path.of("C:\\Users\\ada\\AppData\\Roaming", "Dispatch"),
                DataDirs.resolve(null, Map.of("APPDATA", "C:\\Users\\ada\\AppData\\Roaming"), "Windows 11", "C:\\Users\\ada"));
        assertEquals(Path.of("C:\\Users\\ada", "AppData", "Roaming", "Dispatch"), DataDirs.resolve(null, Map.of(), "Windows 10", "C:\\Users\\ada"));
    }
}
