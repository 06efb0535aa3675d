package app.dispatch.domain;

import java.time.Instant;
import java.util.UUID;

/** A story as stored: its identity, its editable content and its bookkeeping. Times are UTC. */
public record Story(
        UUID id,
        StoryContent content,
        Status status,
        Instant createdAt,
        Instant updatedAt,
        Instant trashedAt,
        boolean keepLocation,
        UUID headRevisionId) {

    public boolean isTrashed() {
        return trashedAt != null;
    }

    public Story withContent(StoryContent newContent, Instant now) {
        return new Story(id, newContent, status, createdAt, now, trashedAt, keepLocation, headRevisionId);
    }
}
