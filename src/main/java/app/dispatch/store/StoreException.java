package app.dispatch.store;

import app.dispatch.domain.DispatchException;
import java.sql.SQLException;

/** A database failure, carrying SQLite's message. */
public class StoreException extends DispatchException {
    public StoreException(SQLException cause) {
        super("database error: " + cause.getMessage(), cause);
    }
}
