package app.dispatch.service;

import app.dispatch.domain.SearchFilter;
import app.dispatch.domain.SearchPage;
import app.dispatch.domain.SearchSort;
import app.dispatch.store.SearchStore;
import java.util.Set;

/** Searching and listing the library: any user input is safe here. Blocking: never call on the FX thread. */
public final class SearchService {
    public static final int MAX_LIMIT = 500;

    private final SearchStore store;

    public SearchService(SearchStore store) {
        this.store = store;
    }

    public SearchStore store() {
        return store;
    }

    /**
     * One page of stories matching what the user typed and the filter. A blank query lists the library
     * newest first. {@code section:} and {@code status:} in the query narrow the filter.
     */
    public SearchPage search(String userQuery, SearchFilter filter, SearchSort sort, int limit, int offset) {
        SearchQuery q = SearchQuery.parse(userQuery);
        SearchFilter f = filter == null ? SearchFilter.NONE : filter;
        if (q.section() != null) {
            f = f.withSection(q.section());
        }
        if (q.status() != null) {
            f = f.withStatuses(Set.of(q.status()));
        }
        if (q.onlyExclusions()) {
            return SearchPage.empty("add a word to search for; '-word' only leaves words out");
        }
        int lim = Math.max(1, Math.min(MAX_LIMIT, limit));
        return store.search(q.fts(), f, sort == null ? SearchSort.RELEVANCE : sort, lim, Math.max(0, offset));
    }

    /** The library table: filtered, newest first, one page and the total. */
    public SearchPage list(SearchFilter filter, int limit, int offset) {
        return search("", filter, SearchSort.NEWEST, limit, offset);
    }
}
