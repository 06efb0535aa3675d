package app.dispatch.service;

import app.dispatch.domain.DispatchException;
import java.nio.file.Path;

/** Child process for BadInputTest: opens a library folder and prints what happened. */
public final class ReadOnlyProbe {
    private ReadOnlyProbe() {
    }

    public static void main(String[] args) {
        try (Library lib = Library.open(Path.of(args[0]))) {
            System.out.println("OPENED");
        } catch (DispatchException e) {
            System.out.println("REFUSED " + e.getMessage());
        }
    }
}
