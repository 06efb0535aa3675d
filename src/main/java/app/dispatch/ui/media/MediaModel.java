package app.dispatch.ui.media;

import app.dispatch.domain.MediaItem;
import app.dispatch.service.MediaEdit;
import app.dispatch.service.MediaService;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;

/**
 * State of a story's media panel. Every service call runs on {@code background}; results come back
 * through {@code fx}. Edits show at once and are saved in the background, the latest edit winning.
 */
public final class MediaModel {
    /** The editable text fields of a picture, with their prefilled-set names and limits. */
    public enum Field {
        CAPTION("caption", "Caption", MediaService.MAX_CAPTION),
        CREDIT("credit", "Credit", MediaService.MAX_FIELD),
        CREATOR("creator", "Creator", MediaService.MAX_FIELD),
        COPYRIGHT("copyrightNotice", "Copyright", MediaService.MAX_FIELD),
        USAGE_TERMS("usageTerms", "Usage terms", MediaService.MAX_CAPTION),
        ALT_TEXT("altText", "Alt text", MediaService.MAX_CAPTION);

        final String key;
        final String label;
        final int limit;

        Field(String key, String label, int limit) {
            this.key = key;
            this.label = label;
            this.limit = limit;
        }

        public String label() {
            return label;
        }

        public int limit() {
            return limit;
        }

        public String get(MediaItem m) {
            return switch (this) {
                case CAPTION -> m.caption();
                case CREDIT -> m.credit();
                case CREATOR -> m.creator();
                case COPYRIGHT -> m.copyrightNotice();
                case USAGE_TERMS -> m.usageTerms();
                case ALT_TEXT -> m.altText();
            };
        }

        MediaEdit edit(MediaEdit e, String v) {
            return switch (this) {
                case CAPTION -> e.withCaption(v);
                case CREDIT -> e.withCredit(v);
                case CREATOR -> e.withCreator(v);
                case COPYRIGHT -> e.withCopyrightNotice(v);
                case USAGE_TERMS -> e.withUsageTerms(v);
                case ALT_TEXT -> e.withAltText(v);
            };
        }

        MediaItem apply(MediaItem m, String v, Set<String> prefilled) {
            String caption = this == CAPTION ? v : m.caption();
            String credit = this == CREDIT ? v : m.credit();
            String creator = this == CREATOR ? v : m.creator();
            String copyright = this == COPYRIGHT ? v : m.copyrightNotice();
            String usage = this == USAGE_TERMS ? v : m.usageTerms();
            String alt = this == ALT_TEXT ? v : m.altText();
            return new MediaItem(m.id(), m.storyId(), m.sha256(), m.fileName(), m.mimeType(), m.width(), m.height(),
                    m.bytes(), m.position(), m.lead(), caption, credit, creator, copyright, usage, alt, m.dateTaken(),
                    m.city(), m.country(), m.keywords(), prefilled, m.createdAt(), m.trashedAt());
        }
    }

    /** One picture in the panel: its record, its thumbnail (null until loaded) and what it lacks. */
    public static final class Entry {
        private final ReadOnlyObjectWrapper<MediaItem> item = new ReadOnlyObjectWrapper<>();
        private final ObjectProperty<Image> thumbnail = new SimpleObjectProperty<>();
        private final ReadOnlyStringWrapper missing = new ReadOnlyStringWrapper("");

        Entry(MediaItem m) {
            set(m);
        }

        void set(MediaItem m) {
            item.set(m);
            List<String> parts = new ArrayList<>();
            if (m.missingCaption()) {
                parts.add("caption");
            }
            if (m.missingCredit()) {
                parts.add("credit");
            }
            if (m.missingAltText()) {
                parts.add("alt text");
            }
            missing.set(parts.isEmpty() ? "" : "Missing " + String.join(", ", parts));
        }

        public MediaItem item() {
            return item.get();
        }

        public ReadOnlyObjectProperty<MediaItem> itemProperty() {
            return item.getReadOnlyProperty();
        }

        public ObjectProperty<Image> thumbnailProperty() {
            return thumbnail;
        }

        /** "Missing credit, alt text", or empty when caption, credit and alt text are all there. */
        public ReadOnlyStringProperty missingProperty() {
            return missing.getReadOnlyProperty();
        }

        public UUID id() {
            return item.get().id();
        }
    }

    public static final int THUMB = MediaService.THUMB_SIZE;
    public static final int PREVIEW = 1600;

    private final MediaService service;
    private final UUID storyId;
    private final Executor background;
    private final Executor fx;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ObservableList<Entry> trashed = FXCollections.observableArrayList();
    private final ObjectProperty<Entry> selected = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final Map<UUID, MediaEdit> pending = new ConcurrentHashMap<>();
    private final Map<String, Image> thumbs = new HashMap<>();

    public MediaModel(MediaService service, UUID storyId, Executor background, Executor fx) {
        this.service = service;
        this.storyId = storyId;
        this.background = new Serial(background);
        this.fx = fx;
    }

    /** Runs this panel's service calls one after another, in the order asked, on the given executor. */
    private static final class Serial implements Executor {
        private final Executor target;
        private final java.util.ArrayDeque<Runnable> queue = new java.util.ArrayDeque<>();
        private Runnable active;

        Serial(Executor target) {
            this.target = target;
        }

        @Override
        public synchronized void execute(Runnable r) {
            queue.add(() -> {
                try {
                    r.run();
                } finally {
                    next();
                }
            });
            if (active == null) {
                next();
            }
        }

        private synchronized void next() {
            active = queue.poll();
            if (active != null) {
                target.execute(active);
            }
        }
    }

    public ObservableList<Entry> entries() {
        return entries;
    }

    public ObservableList<Entry> trashed() {
        return trashed;
    }

    public ObjectProperty<Entry> selectedProperty() {
        return selected;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public UUID storyId() {
        return storyId;
    }

    /** Lists the pictures (placeholders first), then loads the thumbnails one by one off the FX thread. */
    public void load() {
        run(() -> service.listWithTrash(storyId), this::show);
    }

    private void show(List<MediaItem> all) {
        UUID sel = selected.get() == null ? null : selected.get().id();
        Map<UUID, Entry> old = new HashMap<>();
        entries.forEach(e -> old.put(e.id(), e));
        trashed.forEach(e -> old.put(e.id(), e));
        List<Entry> active = new ArrayList<>();
        List<Entry> gone = new ArrayList<>();
        List<Entry> toLoad = new ArrayList<>();
        for (MediaItem m : all) {
            Entry e = old.get(m.id());
            if (e == null) {
                e = new Entry(m);
            } else if (!pending.containsKey(m.id())) {
                e.set(m);
            }
            Image cached = thumbs.get(m.sha256());
            if (cached != null) {
                e.thumbnail.set(cached);
            } else if (e.thumbnail.get() == null) {
                toLoad.add(e);
            }
            (m.isTrashed() ? gone : active).add(e);
        }
        entries.setAll(active);
        trashed.setAll(gone);
        selected.set(active.stream().filter(e -> e.id().equals(sel)).findFirst().orElse(active.isEmpty() ? null : active.get(0)));
        for (Entry e : toLoad) {
            MediaItem m = e.item();
            run(() -> image(service.thumbnail(m, THUMB)), img -> {
                if (img != null) {
                    thumbs.put(m.sha256(), img);
                    e.thumbnail.set(img);
                }
            });
        }
    }

    private static Image image(byte[] jpeg) {
        try {
            Image img = new Image(new ByteArrayInputStream(jpeg));
            return img.isError() ? null : img;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Attaches files (chooser, drop or paste); a refused file leaves the story unchanged and shows why. */
    public void attach(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        run(() -> {
            service.attach(storyId, files);
            return service.listWithTrash(storyId);
        }, all -> {
            error.set("");
            show(all);
            if (!entries.isEmpty()) {
                selected.set(entries.get(entries.size() - 1));
            }
        });
    }

    /** Moves the picture at {@code from} to index {@code to} (drag and drop). */
    public void move(int from, int to) {
        if (from < 0 || from >= entries.size() || to < 0 || to >= entries.size() || from == to) {
            return;
        }
        Entry e = entries.remove(from);
        entries.add(to, e);
        List<UUID> order = entries.stream().map(Entry::id).toList();
        run(() -> service.reorder(storyId, order).size(), n -> { });
    }

    public void setLead(Entry e) {
        UUID id = e.id();
        run(() -> {
            service.setLead(id);
            return service.listWithTrash(storyId);
        }, this::show);
    }

    /** Shows the edit at once; saves it in the background. */
    public void edit(Entry e, Field field, String value) {
        MediaItem m = e.item();
        if (field.get(m).equals(value)) {
            return;
        }
        Set<String> prefilled = new LinkedHashSet<>(m.prefilled());
        prefilled.remove(field.key);
        e.set(field.apply(m, value, prefilled));
        UUID id = e.id();
        boolean first = pending.isEmpty() || !pending.containsKey(id);
        pending.merge(id, field.edit(MediaEdit.NONE, value), (a, b) -> merge(a, b));
        if (first) {
            run(() -> {
                MediaEdit edit = pending.remove(id);
                return edit == null ? null : service.update(id, edit);
            }, saved -> { });
        }
    }

    private static MediaEdit merge(MediaEdit a, MediaEdit b) {
        return new MediaEdit(b.caption() != null ? b.caption() : a.caption(), b.credit() != null ? b.credit() : a.credit(),
                b.creator() != null ? b.creator() : a.creator(),
                b.copyrightNotice() != null ? b.copyrightNotice() : a.copyrightNotice(),
                b.usageTerms() != null ? b.usageTerms() : a.usageTerms(), b.altText() != null ? b.altText() : a.altText(),
                null, null, null);
    }

    public void trash(Entry e) {
        UUID id = e.id();
        run(() -> {
            service.trash(id);
            return service.listWithTrash(storyId);
        }, this::show);
    }

    public void restore(Entry e) {
        UUID id = e.id();
        run(() -> {
            service.restore(id);
            return service.listWithTrash(storyId);
        }, this::show);
    }

    /** Loads a large upright rendering for the preview window. */
    public void preview(Entry e, Consumer<Image> show) {
        MediaItem m = e.item();
        run(() -> image(service.thumbnail(m, PREVIEW)), img -> {
            if (img != null) {
                show.accept(img);
            }
        });
    }

    /** Work that may fail: on failure the message appears in {@link #errorProperty()}. */
    private <T> void run(java.util.function.Supplier<T> work, Consumer<T> then) {
        background.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException ex) {
                String msg = ex.getMessage() == null ? ex.toString() : ex.getMessage();
                fx.execute(() -> error.set(msg));
                return;
            }
            fx.execute(() -> then.accept(result));
        });
    }
}
