package app.dispatch.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a main class of the test classpath in a separate JVM, as a second process would run. */
public final class ChildJvm {
    private ChildJvm() {
    }

    public static Process start(Class<?> mainClass, String... args) throws IOException {
        return builder(mainClass, args).start();
    }

    /** A builder for the child; stdout is a pipe unless redirected, stderr goes to the test's. */
    public static ProcessBuilder builder(Class<?> mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
    }
}
