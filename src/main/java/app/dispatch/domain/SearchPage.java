package app.dispatch.domain;

import java.util.List;

/**
 * A page of results. {@code total} is exact when {@code totalExact}; otherwise at least that many
 * match (very common words) and relevance ranked the newest matches. {@code notice} is a short
 * message for the user, or empty.
 */
public record SearchPage(List<SearchHit> hits, int total, boolean totalExact, String notice) {
    public static SearchPage empty(String notice) {
        return new SearchPage(List.of(), 0, true, notice);
    }
}
