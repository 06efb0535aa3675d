package app.dispatch.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One search result. {@code headlineMarked} and {@code snippetMarked} carry the matched words
 * between {@link Highlights#START} and {@link Highlights#END}; {@code rank} is bm25 (lower is better, 0 when unranked).
 */
public record SearchHit(
        UUID id,
        String slug,
        String headline,
        Status status,
        String section,
        List<String> bylines,
        String language,
        Instant updatedAt,
        double rank,
        String headlineMarked,
        String snippetMarked) {
}
