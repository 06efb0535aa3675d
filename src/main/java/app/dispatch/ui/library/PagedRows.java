package app.dispatch.ui.library;

import app.dispatch.domain.StorySummary;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.collections.ObservableListBase;

/**
 * The library table's rows, loaded a page at a time as the table scrolls to them: a 100,000-story
 * library never loads all its rows. Rows not loaded yet read as {@code null} (the table shows an
 * empty row for an instant). Used on the FX thread only; {@code loader} runs off it.
 */
final class PagedRows extends ObservableListBase<StorySummary> {
    static final int PAGE = 200;

    /** Loads page {@code index} and hands the rows to the callback, on the FX thread. */
    interface Loader {
        void load(int page, long generation, Consumer<List<StorySummary>> done);
    }

    private final Loader loader;
    private final Map<Integer, List<StorySummary>> pages = new HashMap<>();
    private final Set<Integer> loading = new HashSet<>();
    private int size;
    private long generation;

    PagedRows(Loader loader) {
        this.loader = loader;
    }

    /** Starts over with {@code newSize} rows and the first page already at hand. */
    void reset(int newSize, List<StorySummary> firstPage) {
        generation++;
        pages.clear();
        loading.clear();
        int old = size;
        size = newSize;
        if (!firstPage.isEmpty()) {
            pages.put(0, List.copyOf(firstPage));
        }
        beginChange();
        if (old > 0) {
            nextRemove(0, new java.util.ArrayList<>(java.util.Collections.nCopies(old, (StorySummary) null)));
        }
        if (size > 0) {
            nextAdd(0, size);
        }
        endChange();
    }

    long generation() {
        return generation;
    }

    @Override
    public StorySummary get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int page = index / PAGE;
        List<StorySummary> rows = pages.get(page);
        if (rows == null) {
            request(page);
            return null;
        }
        int at = index % PAGE;
        return at < rows.size() ? rows.get(at) : null;
    }

    /** The row if its page is loaded, without asking for it. */
    StorySummary peek(int index) {
        List<StorySummary> rows = pages.get(index / PAGE);
        int at = index % PAGE;
        return rows == null || at >= rows.size() ? null : rows.get(at);
    }

    private void request(int page) {
        if (!loading.add(page)) {
            return;
        }
        long gen = generation;
        loader.load(page, gen, rows -> {
            if (gen != generation) {
                return;
            }
            loading.remove(page);
            pages.put(page, List.copyOf(rows));
            int from = page * PAGE;
            int to = Math.min(size, from + rows.size());
            if (from < to) {
                beginChange();
                for (int i = from; i < to; i++) {
                    nextUpdate(i);
                }
                endChange();
            }
        });
    }

    /** Every loaded row, in order (for lookups that must not load pages). */
    void forEachLoaded(BiConsumer<Integer, StorySummary> each) {
        pages.forEach((page, rows) -> {
            for (int i = 0; i < rows.size(); i++) {
                each.accept(page * PAGE + i, rows.get(i));
            }
        });
    }

    @Override
    public int size() {
        return size;
    }
}
