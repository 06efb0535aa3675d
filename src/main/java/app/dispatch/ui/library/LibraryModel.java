package app.dispatch.ui.library;

import app.dispatch.domain.LibraryQuery;
import app.dispatch.domain.LibraryScope;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.domain.StorySummary;
import app.dispatch.service.StoryService;
import app.dispatch.ui.common.Async;
import app.dispatch.ui.common.UiExecutors;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/** The story library: rows, the filter as you type, the trash. Loads and writes off the FX thread. */
public final class LibraryModel {
    private final StoryService stories;
    private final UiExecutors ex;
    private final PagedRows rows;
    public final StringProperty filter = new SimpleStringProperty("");
    public final BooleanProperty showTrash = new SimpleBooleanProperty(false);
    /** Only rows in this status; null for all. */
    public final javafx.beans.property.ObjectProperty<app.dispatch.domain.Status> statusFilter =
            new javafx.beans.property.SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private Consumer<Throwable> errorHandler = e -> { };
    private long refreshGeneration;
    private LibraryQuery.Sort sort = LibraryQuery.Sort.UPDATED;
    private boolean ascending;

    public LibraryModel(StoryService stories, UiExecutors ex) {
        this.stories = stories;
        this.ex = ex;
        this.rows = new PagedRows(this::loadPage);
        filter.addListener((o, a, b) -> refresh());
        statusFilter.addListener((o, a, b) -> refresh());
        showTrash.addListener((o, a, b) -> refresh());
    }

    public void onError(Consumer<Throwable> handler) {
        this.errorHandler = handler;
    }

    /** The query the table shows now. */
    public LibraryQuery query() {
        return new LibraryQuery(showTrash.get() ? LibraryScope.TRASH : LibraryScope.ACTIVE, statusFilter.get(), filter.get(),
                sort, ascending);
    }

    /** Sorts by a column, in SQL (the table never holds all rows to sort them itself). */
    public void sortBy(LibraryQuery.Sort by, boolean asc) {
        if (by == sort && asc == ascending) {
            return;
        }
        sort = by;
        ascending = asc;
        refresh();
    }

    private void loadPage(int page, long generation, Consumer<List<StorySummary>> done) {
        LibraryQuery q = query();
        Async.run(ex, () -> stories.page(q, PagedRows.PAGE, page * PagedRows.PAGE), done, errorHandler);
    }

    private record Snapshot(int matching, int total, List<StorySummary> firstPage) {
    }

    /** Reloads the count and the first page; an older reload finishing late is ignored. */
    public void refresh() {
        refresh(null);
    }

    public void refresh(Runnable then) {
        long gen = ++refreshGeneration;
        LibraryQuery q = query();
        Async.run(ex, () -> {
            int matching = stories.count(q);
            boolean filtered = q.status() != null || !q.words().isEmpty();
            int total = filtered ? stories.count(new LibraryQuery(q.scope(), null, "", q.sort(), q.ascending())) : matching;
            return new Snapshot(matching, total, stories.page(q, PagedRows.PAGE, 0));
        }, snap -> {
            if (gen == refreshGeneration) {
                rows.reset(snap.matching(), snap.firstPage());
                String where = showTrash.get() ? " in the trash" : "";
                summary.set(snap.matching() == snap.total() ? String.format("%,d stories%s", snap.total(), where)
                        : String.format("%,d of %,d stories%s", snap.matching(), snap.total(), where));
            }
            if (then != null) {
                then.run();
            }
        }, errorHandler);
    }

    /** Creates an empty draft and hands its id to {@code onCreated} on the FX thread. */
    public void create(String language, Consumer<UUID> onCreated) {
        Async.run(ex, () -> stories.create(StoryContent.blank(language).withSlug(stories.uniqueSlug(newSlug(), null))),
                (Story s) -> {
                    refresh();
                    onCreated.accept(s.id());
                }, errorHandler);
    }

    private String newSlug() {
        return "untitled-" + java.time.LocalDate.now(stories.clock()).toString();
    }

    public void duplicate(List<UUID> ids) {
        Async.run(ex, () -> {
            ids.forEach(stories::duplicate);
            return null;
        }, v -> refresh(), errorHandler);
    }

    public void trash(List<UUID> ids) {
        Async.run(ex, () -> {
            ids.forEach(stories::trash);
            return null;
        }, v -> refresh(), errorHandler);
    }

    public void restore(List<UUID> ids) {
        Async.run(ex, () -> {
            ids.forEach(stories::restoreFromTrash);
            return null;
        }, v -> refresh(), errorHandler);
    }

    public void emptyTrash(Consumer<Integer> done) {
        Async.run(ex, stories::emptyTrash, n -> {
            refresh();
            done.accept(n);
        }, errorHandler);
    }

    /** The table's rows: loaded page by page as they are shown; a row not loaded yet is null. */
    public ObservableList<StorySummary> rows() {
        return rows;
    }

    /** The loaded row with this id, if any (never loads a page). */
    public java.util.Optional<StorySummary> loaded(UUID id) {
        StorySummary[] found = new StorySummary[1];
        rows.forEachLoaded((i, r) -> {
            if (r != null && r.id().equals(id)) {
                found[0] = r;
            }
        });
        return java.util.Optional.ofNullable(found[0]);
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
