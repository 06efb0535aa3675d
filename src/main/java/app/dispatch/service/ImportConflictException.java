package app.dispatch.service;

import app.dispatch.domain.DispatchException;
import java.util.UUID;

/**
 * The package holds a newer revision of a story already in the library: the user must choose
 * update or keep both. {@code localChanges} says whether the library has edits the package lacks.
 */
public final class ImportConflictException extends DispatchException {
    private final UUID storyId;
    private final boolean localChanges;

    public ImportConflictException(UUID storyId, String headline, boolean localChanges) {
        super("story " + storyId + " (" + headline + ") is already in the library"
                + (localChanges ? " and has changes the package does not have" : "")
                + "; choose update or keep both (--on-conflict update|keep-both)");
        this.storyId = storyId;
        this.localChanges = localChanges;
    }

    public UUID storyId() {
        return storyId;
    }

    public boolean localChanges() {
        return localChanges;
    }
}
