package app.dispatch.domain;

/**
 * One line of a story's citations panel: the citation, where its passage is in the body now
 * ({@code found} false when the passage was edited away), and the source as it may be shown
 * (the alias for a confidential source, never its name).
 */
public record CitationEntry(Citation citation, int start, int end, boolean found, String sourceLabel,
        boolean confidential, boolean sourceVerified, Attribution attribution) {
}
