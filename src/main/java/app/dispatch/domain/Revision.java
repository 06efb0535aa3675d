package app.dispatch.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An immutable snapshot of a story's content. Revisions name their parent so that histories made
 * on different machines merge without loss; a restore makes a new revision, never rewrites one.
 */
public record Revision(
        UUID id,
        UUID storyId,
        UUID parentId,
        Instant createdAt,
        String author,
        RevisionKind kind,
        String label,
        Status status,
        StoryContent content) {
}
