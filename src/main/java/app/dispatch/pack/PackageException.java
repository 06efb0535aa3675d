package app.dispatch.pack;

import app.dispatch.domain.DispatchException;

/** A package that cannot be read or written safely; the message says why in one line. */
public class PackageException extends DispatchException {
    public PackageException(String message) {
        super(message);
    }

    public PackageException(String message, Throwable cause) {
        super(message, cause);
    }
}
