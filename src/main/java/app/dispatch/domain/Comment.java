package app.dispatch.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An editor's or reporter's comment on a passage of a story's body. The anchor is the quoted
 * passage plus its character offsets in the body's plain text when made; replies name a parent.
 * Comments live beside the story, never inside the body HTML.
 */
public record Comment(
        UUID id,
        UUID storyId,
        UUID parentId,
        String author,
        String body,
        String quote,
        int anchorStart,
        int anchorEnd,
        boolean resolved,
        Instant createdAt,
        Instant updatedAt) {
}
