package app.dispatch.domain;

/** A story, revision or other record that the user named does not exist. */
public class NotFoundException extends DispatchException {
    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException story(String idOrSlug) {
        return new NotFoundException("no story with id or slug " + idOrSlug);
    }
}
