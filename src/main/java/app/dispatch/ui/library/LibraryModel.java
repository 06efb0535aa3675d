package app.dispatch.ui.library;

import app.dispatch.domain.LibraryScope;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.domain.StorySummary;
import app.dispatch.service.StoryService;
import app.dispatch.ui.common.Async;
import app.dispatch.ui.common.UiExecutors;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The story library: rows, the filter as you type, the trash. Loads and writes off the FX thread. */
public final class LibraryModel {
    private final StoryService stories;
    private final UiExecutors ex;
    private final ObservableList<StorySummary> rows = FXCollections.observableArrayList();
    private final FilteredList<StorySummary> filtered = new FilteredList<>(rows, r -> true);
    public final StringProperty filter = new SimpleStringProperty("");
    public final BooleanProperty showTrash = new SimpleBooleanProperty(false);
    /** Only rows in this status; null for all. */
    public final javafx.beans.property.ObjectProperty<app.dispatch.domain.Status> statusFilter =
            new javafx.beans.property.SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private Consumer<Throwable> errorHandler = e -> { };
    private long refreshGeneration;

    public LibraryModel(StoryService stories, UiExecutors ex) {
        this.stories = stories;
        this.ex = ex;
        filter.addListener((o, a, b) -> applyFilter());
        statusFilter.addListener((o, a, b) -> applyFilter());
        showTrash.addListener((o, a, b) -> refresh());
        filtered.addListener((javafx.collections.ListChangeListener<StorySummary>) c -> updateSummary());
    }

    public void onError(Consumer<Throwable> handler) {
        this.errorHandler = handler;
    }

    private void applyFilter() {
        String[] words = filter.get().toLowerCase(Locale.ROOT).strip().split("\\s+");
        app.dispatch.domain.Status only = statusFilter.get();
        filtered.setPredicate(r -> {
            if (only != null && r.status() != only) {
                return false;
            }
            String hay = (r.headline() + " " + r.slug() + " " + String.join(" ", r.bylines()) + " " + r.status().label())
                    .toLowerCase(Locale.ROOT);
            for (String w : words) {
                if (!w.isEmpty() && !hay.contains(w)) {
                    return false;
                }
            }
            return true;
        });
        updateSummary();
    }

    private void updateSummary() {
        String where = showTrash.get() ? " in the trash" : "";
        summary.set(filtered.size() == rows.size() ? rows.size() + " stories" + where
                : filtered.size() + " of " + rows.size() + " stories" + where);
    }

    /** Reloads the rows; an older reload finishing late is ignored. */
    public void refresh() {
        refresh(null);
    }

    public void refresh(Runnable then) {
        long gen = ++refreshGeneration;
        LibraryScope scope = showTrash.get() ? LibraryScope.TRASH : LibraryScope.ACTIVE;
        Async.run(ex, () -> stories.list(scope, null), list -> {
            if (gen == refreshGeneration) {
                rows.setAll(list);
                updateSummary();
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

    public ObservableList<StorySummary> rows() {
        return filtered;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
