package app.dispatch.ui.search;

import app.dispatch.domain.SearchFilter;
import app.dispatch.domain.SearchHit;
import app.dispatch.domain.SearchPage;
import app.dispatch.domain.SearchSort;
import app.dispatch.service.SearchService;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the search pane. Searches run on {@code background}; results come back on {@code fx},
 * and an answer to an older search than the latest is dropped. Touch the properties on the FX thread only.
 */
public final class SearchModel {
    public static final int PAGE = 50;

    private final SearchService service;
    private final Executor background;
    private final Executor fx;
    private final AtomicLong generation = new AtomicLong();

    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<SearchFilter> filter = new SimpleObjectProperty<>(SearchFilter.NONE);
    private final ObjectProperty<SearchSort> sort = new SimpleObjectProperty<>(SearchSort.RELEVANCE);
    private final ObservableList<SearchHit> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty more = new SimpleBooleanProperty(false);
    private Consumer<UUID> onOpen = id -> { };

    public SearchModel(SearchService service, Executor background, Executor fx) {
        this.service = service;
        this.background = background;
        this.fx = fx;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObjectProperty<SearchFilter> filterProperty() {
        return filter;
    }

    public ObjectProperty<SearchSort> sortProperty() {
        return sort;
    }

    public ObservableList<SearchHit> results() {
        return results;
    }

    /** "12 stories", "nothing found", or a notice. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** True when more results than shown match. */
    public ReadOnlyBooleanProperty moreProperty() {
        return more;
    }

    public void setOnOpen(Consumer<UUID> onOpen) {
        this.onOpen = onOpen == null ? id -> { } : onOpen;
    }

    public void open(SearchHit hit) {
        if (hit != null) {
            onOpen.accept(hit.id());
        }
    }

    /** Runs the current query and filters from the first result. */
    public void search() {
        run(0);
    }

    /** Appends the next page of results. */
    public void loadMore() {
        run(results.size());
    }

    private void run(int offset) {
        long mine = generation.incrementAndGet();
        String q = query.get();
        SearchFilter f = filter.get();
        SearchSort s = sort.get();
        busy.set(true);
        background.execute(() -> {
            SearchPage page;
            String error = null;
            try {
                page = service.search(q, f, s, PAGE, offset);
            } catch (RuntimeException e) {
                page = SearchPage.empty("");
                error = "search failed: " + e.getMessage();
            }
            SearchPage answer = page;
            String failure = error;
            fx.execute(() -> {
                if (generation.get() != mine) {
                    return;
                }
                busy.set(false);
                if (offset == 0) {
                    results.setAll(answer.hits());
                } else {
                    results.addAll(answer.hits());
                }
                more.set(answer.hits().size() == PAGE && (!answer.totalExact() || results.size() < answer.total()));
                summary.set(failure != null ? failure : describe(answer, results));
            });
        });
    }

    private static String describe(SearchPage page, List<SearchHit> shown) {
        if (shown.isEmpty()) {
            return page.notice().isEmpty() ? "nothing found" : "nothing found: " + page.notice();
        }
        String count = (page.totalExact() ? "" : "more than ") + page.total() + (page.total() == 1 ? " story" : " stories");
        return page.notice().isEmpty() ? count : count + " — " + page.notice();
    }
}
