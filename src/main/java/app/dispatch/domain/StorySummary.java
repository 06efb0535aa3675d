package app.dispatch.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One row of the library: what the table shows without loading the body. */
public record StorySummary(
        UUID id,
        String slug,
        String headline,
        Status status,
        List<String> bylines,
        String language,
        Instant createdAt,
        Instant updatedAt,
        int wordCount,
        boolean trashed) {
}
