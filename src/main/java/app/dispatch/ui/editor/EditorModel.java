package app.dispatch.ui.editor;

import app.dispatch.domain.Dateline;
import app.dispatch.domain.Languages;
import app.dispatch.domain.Limits;
import app.dispatch.domain.Revision;
import app.dispatch.domain.RevisionKind;
import app.dispatch.domain.Slugs;
import app.dispatch.domain.Status;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.service.Autosaver;
import app.dispatch.service.StoryService;
import app.dispatch.text.TextStats;
import app.dispatch.ui.common.Async;
import app.dispatch.ui.common.UiExecutors;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the story editor: the fields, live counts and limits, and the truthful save status.
 * Every change goes to the {@link Autosaver}; disk work runs on the background executor only.
 */
public final class EditorModel {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final StoryService stories;
    private final UiExecutors ex;
    private final Autosaver autosaver;
    private final ZoneId zone;

    private final ReadOnlyObjectWrapper<UUID> storyId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(Status.DRAFT);
    public final StringProperty headline = new SimpleStringProperty("");
    public final StringProperty slug = new SimpleStringProperty("");
    public final StringProperty standfirst = new SimpleStringProperty("");
    public final StringProperty bylines = new SimpleStringProperty("");
    public final StringProperty datelinePlace = new SimpleStringProperty("");
    public final ObjectProperty<LocalDate> datelineDate = new SimpleObjectProperty<>();
    public final StringProperty bodyHtml = new SimpleStringProperty("");
    /** The body as the editor shows it, one line per paragraph: counted on every keystroke without parsing HTML. */
    public final StringProperty bodyText = new SimpleStringProperty("");
    public final StringProperty tags = new SimpleStringProperty("");
    public final StringProperty section = new SimpleStringProperty("");
    public final StringProperty language = new SimpleStringProperty("en");
    public final IntegerProperty urgency = new SimpleIntegerProperty(StoryContent.DEFAULT_URGENCY);
    public final BooleanProperty embargoed = new SimpleBooleanProperty(false);
    public final ObjectProperty<LocalDate> embargoDate = new SimpleObjectProperty<>();
    public final StringProperty embargoTime = new SimpleStringProperty("09:00");
    public final StringProperty editorsNote = new SimpleStringProperty("");

    private final ReadOnlyStringWrapper saveState = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper headlineCount = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper slugCount = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper standfirstCount = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper headlineLevel = new ReadOnlyStringWrapper("ok");
    private final ReadOnlyStringWrapper slugLevel = new ReadOnlyStringWrapper("ok");
    private final ReadOnlyStringWrapper standfirstLevel = new ReadOnlyStringWrapper("ok");
    private final ReadOnlyStringWrapper embargoMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper slugMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper slugFollowsHeadline = new ReadOnlyBooleanWrapper(false);
    /** True while the model itself writes the slug field (following the headline, or the slug a save stored). */
    private boolean settingSlug;
    private final SimpleBooleanProperty rightToLeft = new SimpleBooleanProperty(false);
    private final SimpleBooleanProperty loaded = new SimpleBooleanProperty(false);
    private final ObservableList<Revision> revisions = FXCollections.observableArrayList();

    private boolean loading;
    private Limits limits = Limits.DEFAULTS;
    private Consumer<Throwable> errorHandler = e -> { };

    public EditorModel(StoryService stories, UiExecutors ex, ZoneId zone) {
        this.stories = stories;
        this.ex = ex;
        this.zone = zone;
        this.autosaver = new Autosaver(stories, ex.scheduler(), e -> ex.fx().execute(() -> saveEvent(e)));
        headline.addListener((o, a, b) -> {
            followHeadline();
            updateCounts();
        });
        slug.addListener((o, a, b) -> {
            if (!loading && !settingSlug) {
                // a typed slug stays; clearing the field hands the slug back to the headline
                slugFollowsHeadline.set(b == null || b.isBlank());
            }
            updateCounts();
        });
        // after the slug's own listeners, so a save sees whether the slug was typed or followed
        List<ObservableValue<?>> fields = List.of(headline, slug, standfirst, bylines, datelinePlace, datelineDate, bodyHtml, tags,
                section, language, urgency, embargoed, embargoDate, embargoTime, editorsNote);
        fields.forEach(f -> f.addListener((o, a, b) -> changed()));
        standfirst.addListener((o, a, b) -> updateCounts());
        bodyText.addListener((o, a, b) -> updateCounts());
        language.addListener((o, a, b) -> rightToLeft.set(Languages.isRightToLeft(b)));
    }

    public void onError(Consumer<Throwable> handler) {
        this.errorHandler = handler;
    }

    /** Loads a story (records an "opened" revision if it changed since the last one). */
    public void open(UUID id, Runnable whenLoaded) {
        Async.run(ex, () -> {
            autosaver.close();
            stories.snapshotIfChanged(id, RevisionKind.OPENED);
            return new Loaded(stories.get(id), stories.revisions(id), stories.limits());
        }, loadedStory -> {
            show(loadedStory);
            if (whenLoaded != null) {
                whenLoaded.run();
            }
        }, errorHandler);
    }

    private record Loaded(Story story, List<Revision> revisions, Limits limits) {
    }

    private void show(Loaded l) {
        loading = true;
        try {
            limits = l.limits();
            Story s = l.story();
            StoryContent c = s.content();
            storyId.set(s.id());
            status.set(s.status());
            language.set(c.language());
            rightToLeft.set(Languages.isRightToLeft(c.language()));
            headline.set(c.headline());
            slug.set(c.slug());
            slugFollowsHeadline.set(Slugs.followsHeadline(c.slug(), c.headline(), l.limits().slug()));
            slugMessage.set("");
            standfirst.set(c.standfirst());
            bylines.set(String.join(", ", c.bylines()));
            datelinePlace.set(c.dateline().place());
            datelineDate.set(c.dateline().date());
            bodyHtml.set(c.bodyHtml());
            tags.set(String.join(", ", c.tags()));
            section.set(c.section());
            language.set(c.language());
            urgency.set(c.urgency());
            embargoed.set(c.embargo() != null);
            if (c.embargo() != null) {
                ZonedDateTime z = c.embargo().atZone(zone);
                embargoDate.set(z.toLocalDate());
                embargoTime.set(z.toLocalTime().format(HH_MM));
            } else {
                embargoDate.set(null);
                embargoTime.set("09:00");
            }
            editorsNote.set(c.editorsNote());
            revisions.setAll(l.revisions());
            rightToLeft.set(Languages.isRightToLeft(c.language()));
            autosaver.open(s.id());
            saveState.set("Saved");
            updateCounts();
            loaded.set(true);
        } finally {
            loading = false;
        }
    }

    /** While the slug follows the headline, it is the headline's slug (a blank headline keeps "untitled-…"). */
    private void followHeadline() {
        if (loading || !slugFollowsHeadline.get() || headline.get().isBlank()) {
            return;
        }
        String derived = Slugs.fromHeadline(headline.get(), limits.slug());
        if (!derived.equals(slug.get())) {
            settingSlug = true;
            try {
                slug.set(derived);
            } finally {
                settingSlug = false;
            }
        }
    }

    private void saveEvent(Autosaver.Event e) {
        saveState.set(e.message());
        if (e.state() != Autosaver.State.SAVED || e.slug() == null) {
            return;
        }
        slugMessage.set(e.slugNote());
        String shown = slug.get();
        // A followed slug that was taken was stored as "slug-2": show that, unless the headline moved on since.
        if (slugFollowsHeadline.get() && !e.slug().equals(shown) && (shown.isBlank() || e.slug().startsWith(shown + "-"))) {
            boolean was = loading;
            settingSlug = true;
            loading = true;
            try {
                slug.set(e.slug());
            } finally {
                loading = was;
                settingSlug = false;
            }
        }
    }

    private void changed() {
        if (loading || storyId.get() == null) {
            return;
        }
        try {
            autosaver.changed(storyId.get(), content(), slugFollowsHeadline.get());
        } catch (IllegalArgumentException e) {
            saveState.set("Not saved: " + e.getMessage());
        }
    }

    /** The content as the fields show it now. */
    public StoryContent content() {
        Instant embargo = null;
        embargoMessage.set("");
        if (embargoed.get() && embargoDate.get() != null) {
            LocalTime t = LocalTime.of(9, 0);
            try {
                t = LocalTime.parse(embargoTime.get().strip(), HH_MM);
            } catch (DateTimeParseException e) {
                embargoMessage.set("time as HH:mm, e.g. 14:30");
            }
            embargo = ZonedDateTime.of(embargoDate.get(), t, zone).toInstant();
        }
        return new StoryContent(slug.get(), headline.get(), standfirst.get(), split(bylines.get()),
                new Dateline(datelinePlace.get(), datelineDate.get()), bodyHtml.get(), split(tags.get()), section.get(),
                language.get(), Math.max(1, Math.min(9, urgency.get())), embargo, editorsNote.get());
    }

    private static List<String> split(String commaSeparated) {
        return Arrays.stream(commaSeparated.split("[,;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private void updateCounts() {
        TextStats stats = TextStats.ofPlainText(bodyText.get());
        counts.set(String.format("%,d words · %,d characters · %d min read", stats.words(), stats.characters(), stats.readingMinutes()));
        headlineCount.set(count(headline.get(), limits.headline(), headlineLevel));
        slugCount.set(count(slug.get(), limits.slug(), slugLevel));
        standfirstCount.set(count(standfirst.get(), limits.standfirst(), standfirstLevel));
    }

    /** "23/64", and the level: ok, near (90% of the limit reached), over. */
    static String count(String text, int limit, ReadOnlyStringWrapper level) {
        int n = text.codePointCount(0, text.length());
        level.set(n > limit ? "over" : n >= limit * 0.9 ? "near" : "ok");
        return n + "/" + limit;
    }

    /** Saves now if anything is pending (background) and then runs {@code then} on the FX thread. */
    public void flush(Runnable then) {
        Async.run(ex, () -> {
            autosaver.flushNow();
            return null;
        }, v -> {
            if (then != null) {
                then.run();
            }
        }, errorHandler);
    }

    /** Flushes, records a "closed" revision if anything changed, and forgets the story. Blocking. */
    public void closeBlocking() {
        autosaver.close();
    }

    public void close(Runnable then) {
        Async.run(ex, () -> {
            autosaver.close();
            return null;
        }, v -> {
            storyId.set(null);
            loaded.set(false);
            if (then != null) {
                then.run();
            }
        }, errorHandler);
    }

    /** A named snapshot (Ctrl+Shift+S). */
    public void snapshot(String label) {
        UUID id = storyId.get();
        Async.run(ex, () -> {
            autosaver.flushNow();
            stories.snapshot(id, RevisionKind.SNAPSHOT, label);
            return stories.revisions(id);
        }, revisions::setAll, errorHandler);
    }

    /** Restores a revision as a new revision and reloads the fields. */
    public void restore(Revision r, Runnable then) {
        UUID id = storyId.get();
        Async.run(ex, () -> {
            autosaver.flushNow();
            stories.restore(id, r.id());
            return new Loaded(stories.get(id), stories.revisions(id), stories.limits());
        }, l -> {
            show(l);
            if (then != null) {
                then.run();
            }
        }, errorHandler);
    }

    /** Re-reads the open story from the library (a feature changed it), keeping pending edits saved first. */
    public void reload() {
        UUID id = storyId.get();
        if (id == null) {
            return;
        }
        Async.run(ex, () -> {
            autosaver.flushNow();
            return new Loaded(stories.get(id), stories.revisions(id), stories.limits());
        }, this::show, errorHandler);
    }



    public ReadOnlyObjectProperty<UUID> storyIdProperty() {
        return storyId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty saveStateProperty() {
        return saveState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineCountProperty() {
        return headlineCount.getReadOnlyProperty();
    }

    /** Why the slug typed was not saved (taken, malformed); empty when it was. */
    public ReadOnlyStringProperty slugMessageProperty() {
        return slugMessage.getReadOnlyProperty();
    }

    /** True while the slug is made from the headline (a new story, or one whose slug was never typed). */
    public ReadOnlyBooleanProperty slugFollowsHeadlineProperty() {
        return slugFollowsHeadline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty slugCountProperty() {
        return slugCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty standfirstCountProperty() {
        return standfirstCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineLevelProperty() {
        return headlineLevel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty slugLevelProperty() {
        return slugLevel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty standfirstLevelProperty() {
        return standfirstLevel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty embargoMessageProperty() {
        return embargoMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty rightToLeftProperty() {
        return rightToLeft;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    public ObservableList<Revision> revisions() {
        return revisions;
    }

    public StoryService stories() {
        return stories;
    }

    public UiExecutors executors() {
        return ex;
    }

}
