package app.dispatch.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the library table asks for: which stories (trash or not, a status, words that must appear in
 * the headline, slug or byline) and in which order. The store answers one page at a time.
 */
public record LibraryQuery(LibraryScope scope, Status status, String text, Sort sort, boolean ascending) {
    /** The columns the library can be sorted by. */
    public enum Sort { HEADLINE, SLUG, STATUS, BYLINE, UPDATED, WORDS }

    public static final LibraryQuery NEWEST = new LibraryQuery(LibraryScope.ACTIVE, null, "", Sort.UPDATED, false);

    public LibraryQuery {
        scope = scope == null ? LibraryScope.ACTIVE : scope;
        text = text == null ? "" : text.strip();
        sort = sort == null ? Sort.UPDATED : sort;
    }

    /** The filter's words, lower-cased; empty when there is no text filter. */
    public List<String> words() {
        return text.isEmpty() ? List.of()
                : Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
