package app.dispatch.domain;

/** How a source may be attributed in print. Stored by name. */
public enum Attribution {
    ON_THE_RECORD, ON_BACKGROUND, DEEP_BACKGROUND, OFF_THE_RECORD;

    /** Whether the source's name may appear in the published text. */
    public boolean mayBeNamed() {
        return this == ON_THE_RECORD;
    }
}
