package app.dispatch.domain;

import java.util.UUID;

/** A sourcing problem in a story's body, at [start, end) of its plain text. */
public record SourceWarning(Kind kind, int start, int end, UUID sourceId, String message) {
    public enum Kind {
        /** Quoted speech with no citation covering it. */
        UNSOURCED_QUOTE,
        /** A cited source whose attribution level forbids naming it is named in the body. */
        PROTECTED_SOURCE_NAMED
    }
}
