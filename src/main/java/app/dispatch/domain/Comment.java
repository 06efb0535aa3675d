package app.dispatch.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An editor's or reporter's comment on a passage of a story's body. The anchor is the quoted
 * passage plus its character offsets in the body's plain text; replies name a parent and have no
 * anchor of their own. Comments live beside the story, never inside the body HTML, and travel by id.
 * {@code passageRemoved} marks a comment whose passage was deleted: it is kept, never lost.
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
        String resolvedBy,
        Instant resolvedAt,
        boolean passageRemoved,
        Instant createdAt,
        Instant updatedAt) {

    public Comment {
        author = author == null ? "" : author;
        body = body == null ? "" : body;
        quote = quote == null ? "" : quote;
        resolvedBy = resolvedBy == null ? "" : resolvedBy;
        updatedAt = updatedAt == null ? createdAt : updatedAt;
        if (anchorStart < 0 || anchorEnd < anchorStart) {
            throw new IllegalArgumentException("bad anchor " + anchorStart + ".." + anchorEnd);
        }
    }

    /** A comment without resolution details or passage state (older packages). */
    public Comment(UUID id, UUID storyId, UUID parentId, String author, String body, String quote, int anchorStart,
                   int anchorEnd, boolean resolved, Instant createdAt, Instant updatedAt) {
        this(id, storyId, parentId, author, body, quote, anchorStart, anchorEnd, resolved, "", null, false, createdAt, updatedAt);
    }

    public boolean isReply() {
        return parentId != null;
    }

    public Comment withAnchor(int start, int end, String newQuote, boolean removed, Instant now) {
        return new Comment(id, storyId, parentId, author, body, newQuote, start, end, resolved, resolvedBy, resolvedAt,
                removed, createdAt, now);
    }

    public Comment withResolved(boolean isResolved, String by, Instant now) {
        return new Comment(id, storyId, parentId, author, body, quote, anchorStart, anchorEnd, isResolved,
                isResolved ? by : "", isResolved ? now : null, passageRemoved, createdAt, now);
    }
}
