package app.dispatch.domain;

/** Why a revision was made. Stored by name: never rename a constant. */
public enum RevisionKind {
    CREATED,
    OPENED,
    INTERVAL,
    CLOSED,
    STATUS_CHANGE,
    SNAPSHOT,
    RESTORE,
    IMPORT,
    MERGE;

    public String label() {
        return switch (this) {
            case CREATED -> "Created";
            case OPENED -> "Opened";
            case INTERVAL -> "While editing";
            case CLOSED -> "Closed";
            case STATUS_CHANGE -> "Status change";
            case SNAPSHOT -> "Snapshot";
            case RESTORE -> "Restored";
            case IMPORT -> "Imported";
            case MERGE -> "Merged";
        };
    }
}
