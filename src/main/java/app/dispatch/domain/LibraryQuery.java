package app.dispatch.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the library table asks for: which stories (trash or not, a status, the typed filter) and in
 * which order. The store answers one page at a time.
 *
 * <p>The typed filter ({@link #text}): split at spaces; a story is shown when <em>every</em> word
 * begins a word of its headline, slug or byline, ignoring case and accents: {@code flo} finds
 * "Flood in Herat", {@code bo lee} finds stories by Bo Lee, {@code jose} finds José, {@code 2026-03}
 * finds the slug {@code untitled-2026-03-01}. Each word is a prefix, so the last word may be half
 * typed. Quotes, brackets and {@code *} around a word are ignored ({@code "bo lee"}, {@code flo*},
 * {@code NEAR(} are {@code bo lee}, {@code flo}, {@code near}); any other punctuation must be there as
 * typed ({@code 50%} finds "Flood_50% rise" but not "50 houses"), and a word of punctuation alone
 * ({@code %}, {@code -}) matches that text anywhere. Nothing typed is ever an error. The middle of a
 * word is not matched ({@code lood} does not find "flood"): the filter is answered from a full-text
 * index (V9 {@code library_fts}), not by reading every row.
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

    /** The filter's words, lower-cased, control characters and broken surrogates taken out; empty when there is no text filter. */
    public List<String> words() {
        return text.isEmpty() ? List.of()
                : Arrays.stream(TypedText.withoutControls(text).toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
