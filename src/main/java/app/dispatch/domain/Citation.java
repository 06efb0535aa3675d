package app.dispatch.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A passage of a story's body resting on a source. The anchor is the quoted passage plus its
 * character offsets [start, end) in the body's plain text (BodyHtml.plainText) when cited.
 */
public record Citation(
        UUID id,
        UUID storyId,
        UUID sourceId,
        String passage,
        int anchorStart,
        int anchorEnd,
        Verification verification,
        Instant createdAt) {

    public Citation {
        verification = verification == null ? Verification.NONE : verification;
        if (anchorStart < 0 || anchorEnd < anchorStart) {
            throw new IllegalArgumentException("bad citation anchor " + anchorStart + ".." + anchorEnd);
        }
    }

    public Citation withAnchor(int start, int end) {
        return new Citation(id, storyId, sourceId, passage, start, end, verification, createdAt);
    }

    public Citation withVerification(Verification v) {
        return new Citation(id, storyId, sourceId, passage, anchorStart, anchorEnd, v, createdAt);
    }
}
