package app.dispatch.cli;

import picocli.CommandLine;

/** The app version from the jar manifest. */
public final class Version implements CommandLine.IVersionProvider {
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Dispatch " + current()};
    }
}
