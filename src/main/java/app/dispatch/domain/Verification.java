package app.dispatch.domain;

import java.time.Instant;

/** Whether a source or citation was checked, by whom, when and how. {@link #NONE} when unchecked. */
public record Verification(boolean verified, String by, Instant at, String how) {
    public static final Verification NONE = new Verification(false, "", null, "");

    public Verification {
        by = by == null ? "" : by;
        how = how == null ? "" : how;
    }
}
