package app.dispatch.domain;

/** A failure with a message fit to show the user as it is (one clear line). */
public class DispatchException extends RuntimeException {
    public DispatchException(String message) {
        super(message);
    }

    public DispatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
