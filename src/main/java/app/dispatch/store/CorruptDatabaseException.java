package app.dispatch.store;

import app.dispatch.domain.DispatchException;
import java.nio.file.Path;

/** The library file exists but is not a healthy SQLite database. It is never written to. */
public class CorruptDatabaseException extends DispatchException {
    private final Path file;

    public CorruptDatabaseException(Path file, Throwable cause) {
        super("the library database " + file + " is damaged or is not a Dispatch library; it was left untouched."
                + " Move it aside (or restore a backup) and start again", cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
