package app.dispatch.domain;

import java.time.Instant;
import java.util.Set;

/**
 * Filters beside the query. Null or empty means "any". Dates compare with the story's last update
 * ({@code since} inclusive, {@code until} exclusive). Trashed stories are never included.
 */
public record SearchFilter(
        Set<Status> statuses,
        String author,
        String section,
        String tag,
        Instant since,
        Instant until,
        Boolean hasEmbargo,
        Boolean hasMedia) {

    public static final SearchFilter NONE = new SearchFilter(Set.of(), null, null, null, null, null, null, null);

    public SearchFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        author = blankToNull(author);
        section = blankToNull(section);
        tag = blankToNull(tag);
    }

    public SearchFilter withStatuses(Set<Status> v) {
        return new SearchFilter(v, author, section, tag, since, until, hasEmbargo, hasMedia);
    }

    public SearchFilter withAuthor(String v) {
        return new SearchFilter(statuses, v, section, tag, since, until, hasEmbargo, hasMedia);
    }

    public SearchFilter withSection(String v) {
        return new SearchFilter(statuses, author, v, tag, since, until, hasEmbargo, hasMedia);
    }

    public SearchFilter withTag(String v) {
        return new SearchFilter(statuses, author, section, v, since, until, hasEmbargo, hasMedia);
    }

    public SearchFilter withSince(Instant v) {
        return new SearchFilter(statuses, author, section, tag, v, until, hasEmbargo, hasMedia);
    }

    public SearchFilter withUntil(Instant v) {
        return new SearchFilter(statuses, author, section, tag, since, v, hasEmbargo, hasMedia);
    }

    public SearchFilter withHasEmbargo(Boolean v) {
        return new SearchFilter(statuses, author, section, tag, since, until, v, hasMedia);
    }

    public SearchFilter withHasMedia(Boolean v) {
        return new SearchFilter(statuses, author, section, tag, since, until, hasEmbargo, v);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
