package app.dispatch.service;

import app.dispatch.check.Preflight;
import app.dispatch.check.PreflightInput;
import app.dispatch.domain.Comment;
import app.dispatch.domain.DispatchException;
import app.dispatch.domain.ExportOptions;
import app.dispatch.domain.MediaItem;
import app.dispatch.domain.PackageKind;
import app.dispatch.domain.PackageSource;
import app.dispatch.domain.PictureCaption;
import app.dispatch.domain.PreflightIssue;
import app.dispatch.domain.Revision;
import app.dispatch.domain.RevisionKind;
import app.dispatch.domain.StatusChange;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.pack.MediaCheck;
import app.dispatch.pack.NativeJson;
import app.dispatch.pack.Ninjs;
import app.dispatch.pack.PackageContent;
import app.dispatch.pack.PackageReader;
import app.dispatch.pack.PackageValidator;
import app.dispatch.pack.PackageWriter;
import app.dispatch.store.Database;
import app.dispatch.store.PackageImportStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Exporting stories as packages and importing packages, ninjs files and text files. Pictures,
 * comments and sources come from small ports that their features plug in; until then a library
 * exports text only. Blocking: never call on the FX thread.
 */
public final class PackageService {
    /** What to do when an imported story is already in the library with other revisions. */
    public enum OnConflict { ASK, UPDATE, KEEP_BOTH }

    /** How an import ended. */
    public enum Outcome { CREATED, UPDATED, KEPT_BOTH, UP_TO_DATE, DRAFT }

    public record ImportResult(UUID storyId, Outcome outcome, List<String> notes) {
    }

    public record ExportResult(UUID storyId, Path file, List<PreflightIssue> warnings) {
    }

    /** The pictures of stories, as the media feature provides them. */
    public interface Media {
        List<MediaItem> mediaOf(UUID storyId);

        /** The copy that may leave the laptop: GPS and camera serials stripped unless {@code keepLocation}. */
        InputStream openExportCopy(MediaItem item, boolean keepLocation) throws IOException;

        /** The item as the package describes it: size and SHA-256 of the copy {@link #openExportCopy} gives. */
        default MediaItem asExported(MediaItem item, boolean keepLocation) {
            return item;
        }

        /** The check a picture from outside must pass (the media layer's full decoder check when it lands). */
        default MediaCheck importCheck() {
            return MediaCheck.BASIC;
        }

        /**
         * Places the staged files in the media store and returns the rows to insert inside the import
         * transaction; {@link Staged#undo} removes files placed if that transaction fails.
         */
        Staged importPictures(UUID storyId, List<MediaItem> items, Map<UUID, Path> stagedFiles);

        /** Ids of all the story's pictures, those in the trash included (an import must not insert them again). */
        default Set<UUID> idsOf(UUID storyId) {
            Set<UUID> ids = new HashSet<>();
            mediaOf(storyId).forEach(m -> ids.add(m.id()));
            return ids;
        }

        /**
         * For an update import (decision 0812): rows that give the story's pictures that the package also
         * has the package's captions, and move {@code dropped} (pictures the other side removed) to the
         * trash, inside the import transaction. Null when this media store keeps nothing to change.
         */
        default Database.Work<?> syncKnownPictures(UUID storyId, List<MediaItem> packaged, Set<UUID> dropped) {
            return null;
        }

        interface Staged {
            Database.Work<?> rows();

            void undo();

            /** Called once the import transaction has ended, committed or not (after {@link #undo} on failure). */
            default void release() {
            }
        }

        Media NONE = new Media() {
            @Override
            public List<MediaItem> mediaOf(UUID storyId) {
                return List.of();
            }

            @Override
            public InputStream openExportCopy(MediaItem item, boolean keepLocation) throws IOException {
                throw new IOException("no media store in this library");
            }

            @Override
            public Staged importPictures(UUID storyId, List<MediaItem> items, Map<UUID, Path> stagedFiles) {
                if (!items.isEmpty()) {
                    throw new DispatchException("this package has " + items.size() + " pictures and this build cannot store pictures yet; nothing was imported");
                }
                return null;
            }
        };
    }

    /** Review data from the comments and sources features. Sources handed out must be shareable ones only. */
    public interface Review {
        List<Comment> comments(UUID storyId);

        List<PackageSource> shareableSources(UUID storyId);

        /** Rows for imported comments and sources, in the import transaction; null when there is nothing to store. */
        Database.Work<?> importReview(UUID storyId, List<Comment> comments, List<PackageSource> sources);

        /** A note for the user about review data this build cannot store (empty when everything is stored). */
        default String notStored(List<Comment> comments, List<PackageSource> sources) {
            return "";
        }

        Review NONE = new Review() {
            @Override
            public List<Comment> comments(UUID storyId) {
                return List.of();
            }

            @Override
            public List<PackageSource> shareableSources(UUID storyId) {
                return List.of();
            }

            @Override
            public Database.Work<?> importReview(UUID storyId, List<Comment> comments, List<PackageSource> sources) {
                return null;
            }
        };
    }

    /** Stories written at once in a batch export; fsync waits dominate, so more than the core count helps. */
    static final int EXPORT_THREADS = 4;

    private final StoryService stories;
    private final ImportService textImports;
    private final PackageImportStore importStore;
    private final Path stagingRoot;
    private final String appVersion;
    private volatile Media media = Media.NONE;
    private volatile Review review = Review.NONE;
    private volatile Supplier<Preflight> preflight = Preflight::defaults;

    public PackageService(StoryService stories, ImportService textImports, Database db, Path dataDir) {
        this.stories = stories;
        this.textImports = textImports;
        this.importStore = new PackageImportStore(db);
        this.stagingRoot = dataDir.resolve("import-staging");
        String v = PackageService.class.getPackage().getImplementationVersion();
        this.appVersion = v == null ? "dev" : v;
    }

    public void useMedia(Media m) {
        this.media = Objects.requireNonNull(m);
    }

    public void useReview(Review r) {
        this.review = Objects.requireNonNull(r);
    }

    /** Replaces the rules (e.g. the review feature adds house style and spelling). */
    public void usePreflight(Supplier<Preflight> rules) {
        this.preflight = Objects.requireNonNull(rules);
    }

    public Preflight preflightRules() {
        return preflight.get();
    }

    // ---------------------------------------------------------------- export

    public List<PreflightIssue> preflight(UUID storyId) {
        Story s = stories.get(storyId);
        return preflight.get().run(new PreflightInput(s.id(), s.content(), media.mediaOf(storyId), stories.limits(), stories.now()));
    }

    /**
     * What would be written for this story now. A publication package gets the head revision only
     * ({@link PackageContent#currentVersionOnly()}, decision 0505), counted with all the others.
     */
    public PackageContent contentOf(UUID storyId, ExportOptions options) {
        Story s = stories.get(storyId);
        boolean keep = options.keepLocation() || s.keepLocation();
        boolean isReview = options.kind() == PackageKind.REVIEW;
        List<MediaItem> pictures = media.mediaOf(storyId).stream()
                .filter(m -> !m.isTrashed()).sorted(Comparator.comparingInt(MediaItem::position))
                .map(m -> media.asExported(m, keep)).toList();
        List<Revision> revisions = stories.revisions(storyId);
        PackageContent content = new PackageContent(s, revisions, pictures, item -> media.openExportCopy(item, keep),
                isReview ? review.comments(storyId) : List.of(),
                isReview ? stories.statusHistory(storyId) : List.of(),
                isReview ? review.shareableSources(storyId) : List.of(),
                stories.captionSnapshots(storyId), revisions.size());
        return isReview ? content : content.currentVersionOnly();
    }

    /**
     * The content of a package about to be written (pre-flight passed). For a publication package, when the
     * story (text, status or pictures' captions) differs from its head revision, the story as it is first
     * becomes a revision, so that the one revision the package carries is the version it publishes and not
     * an older draft (decision 0505).
     */
    private PackageContent toWrite(UUID storyId, ExportOptions options) {
        if (options.kind() == PackageKind.PUBLICATION) {
            stories.store().snapshotIfChanged(storyId, stories.revisionOf(RevisionKind.SNAPSHOT, PUBLISHED_LABEL));
        }
        return contentOf(storyId, options);
    }

    /** The label of the revision {@link #toWrite} makes for a publication package. */
    static final String PUBLISHED_LABEL = "exported for publication";

    /**
     * Exports stories. One story and {@code out} not a folder: {@code out} is the file. Otherwise
     * {@code out} is a folder and each story goes to SLUG.zip. Pre-flight runs for all first; when
     * any publication package is blocked nothing is written.
     */
    public List<ExportResult> export(List<UUID> storyIds, Path out, ExportOptions options, PackageWriter.Progress progress,
                                     BooleanSupplier cancelled) {
        if (storyIds.isEmpty()) {
            throw new DispatchException("nothing to export");
        }
        boolean toFolder = storyIds.size() > 1 || Files.isDirectory(out) || !out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
        List<String> lines = new ArrayList<>();
        List<PreflightIssue> blocking = new ArrayList<>();
        Map<UUID, List<PreflightIssue>> found = new HashMap<>();
        for (UUID id : storyIds) {
            List<PreflightIssue> issues = preflight(id);
            found.put(id, issues);
            if (options.kind() == PackageKind.PUBLICATION) {
                boolean errors = Preflight.blocks(issues, options.kind());
                boolean warnings = Preflight.needsConfirmation(issues, options.kind(), options.force());
                if (errors || warnings) {
                    String slug = stories.get(id).content().slug();
                    for (PreflightIssue i : issues) {
                        if (i.isError() || !options.force()) {
                            blocking.add(i);
                            lines.add(slug + ": " + i.severity().name().toLowerCase(Locale.ROOT) + ": " + i.message());
                        }
                    }
                }
            }
        }
        if (!blocking.isEmpty()) {
            boolean anyError = blocking.stream().anyMatch(PreflightIssue::isError);
            throw new PreflightBlockedException("pre-flight " + (anyError ? "errors block the export" : "warnings need --force")
                    + ":\n  " + String.join("\n  ", lines), blocking);
        }
        PackageWriter writer = new PackageWriter(appVersion);
        if (!toFolder) {
            UUID id = storyIds.get(0);
            writer.write(toWrite(id, options), options, out, stories.now(), progress, cancelled, true);
            return List.of(new ExportResult(id, out, found.get(id).stream().filter(i -> !i.isError()).toList()));
        }
        return exportToFolder(writer, storyIds, out, options, progress, cancelled, found);
    }

    /**
     * A batch into a folder, a few stories at a time (most of the time is spent waiting for fsync).
     * All or nothing: when one fails or the user cancels, the packages already written by this batch are removed.
     */
    private List<ExportResult> exportToFolder(PackageWriter writer, List<UUID> storyIds, Path out, ExportOptions options,
                                              PackageWriter.Progress progress, BooleanSupplier cancelled,
                                              Map<UUID, List<PreflightIssue>> found) {
        int count = storyIds.size();
        java.util.concurrent.atomic.AtomicLongArray perStory = new java.util.concurrent.atomic.AtomicLongArray(count);
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        BooleanSupplier stop = () -> failed.get() || cancelled.getAsBoolean();
        List<Path> written = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.min(EXPORT_THREADS, count), r -> {
            Thread t = new Thread(r, "package-export");
            t.setDaemon(true);
            return t;
        });
        List<java.util.concurrent.Future<ExportResult>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                int index = i;
                UUID id = storyIds.get(i);
                futures.add(pool.submit(() -> {
                    if (stop.getAsBoolean()) {
                        throw new CancellationException("export cancelled");
                    }
                    try {
                        PackageContent content = toWrite(id, options);
                        Path target = out.resolve(content.story().content().slug() + ".zip");
                        writer.write(content, options, target, stories.now(), (done, total) -> {
                            perStory.set(index, total == 0 ? 1000 : done * 1000 / total);
                            long sum = 0;
                            for (int k = 0; k < count; k++) {
                                sum += perStory.get(k);
                            }
                            synchronized (progress) {
                                progress.update(sum, count * 1000L);
                            }
                        }, stop, false);
                        written.add(target);
                        return new ExportResult(id, target, found.get(id).stream().filter(x -> !x.isError()).toList());
                    } catch (RuntimeException e) {
                        failed.set(true);
                        throw e;
                    }
                }));
            }
            List<ExportResult> results = new ArrayList<>();
            RuntimeException first = null;
            for (var f : futures) {
                try {
                    results.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException re ? re : new DispatchException(String.valueOf(e.getCause()), e.getCause());
                    if (first == null || (first instanceof CancellationException && !(cause instanceof CancellationException))) {
                        first = cause;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed.set(true);
                    first = new CancellationException("export interrupted");
                }
            }
            if (first != null || cancelled.getAsBoolean()) {
                for (Path p : written) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        // best effort
                    }
                }
                throw first != null ? first : new CancellationException("export cancelled");
            }
            PackageWriter.syncDirectory(out.toAbsolutePath());
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    public List<ExportResult> export(List<UUID> storyIds, Path out, ExportOptions options) {
        return export(storyIds, out, options, PackageWriter.Progress.NONE, () -> false);
    }

    // ---------------------------------------------------------------- validate

    public List<String> validate(Path file) {
        return PackageValidator.validate(file);
    }

    /** Validation needs no library: `dispatch validate` runs it on any file. */
    public static List<String> validatePackage(Path file) {
        return PackageValidator.validate(file);
    }

    // ---------------------------------------------------------------- import

    /** Imports a .zip package, a .json ninjs file, or a .txt/.md text file. */
    public ImportResult importFile(Path file, OnConflict onConflict, String language) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip")) {
            return importPackage(file, onConflict);
        }
        if (name.endsWith(".json")) {
            Ninjs.Draft draft = PackageReader.readBareNinjs(file, stories.limits().slug());
            Story s = stories.create(draft.content(), RevisionKind.IMPORT, "imported from " + file.getFileName());
            List<String> notes = draft.remotePictures() > 0
                    ? List.of(draft.remotePictures() + " remote pictures were not fetched") : List.of();
            return new ImportResult(s.id(), Outcome.DRAFT, notes);
        }
        if (!name.endsWith(".txt") && !name.endsWith(".md") && !name.endsWith(".markdown")) {
            throw new DispatchException(file + ": not a .zip package, .json ninjs, .txt or .md file");
        }
        Story s = textImports.importTextFile(file, language);
        return new ImportResult(s.id(), Outcome.DRAFT, List.of());
    }

    public ImportResult importPackage(Path file, OnConflict onConflict) {
        Path staging = stagingRoot.resolve(UUID.randomUUID().toString());
        try {
            Files.createDirectories(staging);
            PackageReader.Result read = PackageReader.read(file, staging, media.importCheck(), stories.limits().slug());
            if (read.data() == null) {
                Story s = stories.create(read.draft().content(), RevisionKind.IMPORT, "imported from " + file.getFileName());
                return new ImportResult(s.id(), Outcome.DRAFT, List.of());
            }
            return store(read, onConflict == null ? OnConflict.ASK : onConflict);
        } catch (IOException e) {
            throw new DispatchException("cannot prepare the import folder " + staging + ": " + e.getMessage(), e);
        } finally {
            deleteTree(staging);
        }
    }

    private ImportResult store(PackageReader.Result read, OnConflict onConflict) {
        NativeJson.Parsed data = read.data();
        Story incoming = data.story();
        List<String> notes = new ArrayList<>();
        var local = stories.store().get(incoming.id());
        if (local.isEmpty()) {
            Story story = withUniqueSlug(incoming, incoming.id());
            insertNew(story, data.revisions(), data.revisionCaptions(), data.statusHistory(), read, data.comments(), data.sources(), notes);
            return new ImportResult(story.id(), Outcome.CREATED, notes);
        }
        Story here = local.get();
        if (incoming.headRevisionId() != null && importStore.revisionKnown(incoming.headRevisionId())) {
            return new ImportResult(here.id(), Outcome.UP_TO_DATE, List.of("the library already has this revision"));
        }
        boolean localChanges = hasLocalChanges(here, data);
        switch (onConflict) {
            case ASK -> throw new ImportConflictException(here.id(), here.content().headline(), localChanges);
            case KEEP_BOTH -> {
                return keepBoth(read, notes);
            }
            default -> {
                Revision snapshot = null;
                if (stories.store().differsFromHead(here.id())) {
                    snapshot = new Revision(UUID.randomUUID(), here.id(), here.headRevisionId(), stories.now(), stories.author(),
                            RevisionKind.SNAPSHOT, "local version before import", here.status(), here.content());
                }
                if (localChanges) {
                    notes.add("local changes were kept as revisions; the story now shows the package's version");
                }
                if (skipsRevisions(data)) {
                    notes.add("the package carries only the story's current version: the revisions made elsewhere before it"
                            + " are not in this library");
                }
                Story updated = withUniqueSlug(incoming, incoming.id());
                Database.Work<?> reviewRows = review.importReview(here.id(), data.comments(), data.sources());
                noteNotStored(reviewRows, data.comments(), data.sources(), notes);
                Database.Work<?> sync = media.syncKnownPictures(here.id(), read.media(), droppedPictures(here.id(), data));
                Media.Staged staged = media.importPictures(here.id(), newPictures(here.id(), read), read.stagedMedia());
                try {
                    importStore.importUpdate(updated, data.revisions(), data.revisionCaptions(), data.statusHistory(), snapshot,
                            both(sync, staged, reviewRows));
                } catch (RuntimeException e) {
                    if (staged != null) {
                        staged.undo();
                    }
                    throw e;
                } finally {
                    if (staged != null) {
                        staged.release();
                    }
                }
                return new ImportResult(here.id(), Outcome.UPDATED, notes);
            }
        }
    }

    /**
     * True when the package's head names a parent that neither the package nor the library has: a publication
     * package (decision 0505) bringing a version more than one revision ahead of this library's.
     */
    private boolean skipsRevisions(NativeJson.Parsed data) {
        UUID head = data.story().headRevisionId();
        Revision packagedHead = data.revisions().stream().filter(r -> r.id().equals(head)).findFirst().orElse(null);
        if (packagedHead == null || packagedHead.parentId() == null) {
            return false;
        }
        UUID parent = packagedHead.parentId();
        return data.revisions().stream().noneMatch(r -> r.id().equals(parent)) && !importStore.revisionKnown(parent);
    }

    /** Pictures of the package the story does not have, in the trash or not. */
    private List<MediaItem> newPictures(UUID storyId, PackageReader.Result read) {
        Set<UUID> known = media.idsOf(storyId);
        return read.media().stream().filter(m -> !known.contains(m.id())).toList();
    }

    /**
     * The story's pictures that the other side removed: not in the package, but named by the caption
     * snapshot of one of its revisions, so the other side had them. A picture attached here since the
     * last exchange is in no packaged snapshot and stays.
     */
    private Set<UUID> droppedPictures(UUID storyId, NativeJson.Parsed data) {
        Set<UUID> packaged = new HashSet<>();
        data.media().forEach(m -> packaged.add(m.id()));
        Set<UUID> knownThere = new HashSet<>();
        data.revisionCaptions().values().forEach(list -> list.forEach(c -> knownThere.add(c.mediaId())));
        Set<UUID> dropped = new HashSet<>();
        for (MediaItem m : media.mediaOf(storyId)) {
            if (!m.isTrashed() && !packaged.contains(m.id()) && knownThere.contains(m.id())) {
                dropped.add(m.id());
            }
        }
        return dropped;
    }

    /**
     * True when the library's story has revisions or edits (captions included) that the package does not contain.
     * A package with the current version only (decision 0505) names its head's parent without carrying it: when
     * that parent is the local head, the local head is compared as it is stored here. When the local head is
     * neither in the package nor such a parent, the package cannot show it has it, so it counts as a local change.
     */
    private boolean hasLocalChanges(Story here, NativeJson.Parsed data) {
        List<Revision> packaged = data.revisions();
        List<UUID> ids = packaged.stream().map(Revision::id).toList();
        if (here.headRevisionId() == null) {
            return true;
        }
        if (!ids.contains(here.headRevisionId())) {
            boolean parentOfPackaged = packaged.stream().anyMatch(r -> here.headRevisionId().equals(r.parentId()));
            if (!parentOfPackaged) {
                return true;
            }
            return stories.store().differsFromHead(here.id());
        }
        Revision head = packaged.stream().filter(r -> r.id().equals(here.headRevisionId())).findFirst().orElseThrow();
        List<PictureCaption> headCaptions = data.revisionCaptions().get(head.id());
        boolean captionsDiffer = headCaptions != null
                && !PictureCaption.same(headCaptions, stories.captions(here.id(), null).orElse(List.of()));
        return !head.content().equals(here.content()) || head.status() != here.status() || captionsDiffer;
    }

    private void insertNew(Story story, List<Revision> revs, Map<UUID, List<PictureCaption>> captions, List<StatusChange> history,
                           PackageReader.Result read, List<Comment> comments, List<PackageSource> sources, List<String> notes) {
        Database.Work<?> reviewRows = review.importReview(story.id(), comments, sources);
        noteNotStored(reviewRows, comments, sources, notes);
        Media.Staged staged = media.importPictures(story.id(), read.media(), read.stagedMedia());
        try {
            importStore.importNew(story, revs, captions, history, both(null, staged, reviewRows));
        } catch (RuntimeException e) {
            if (staged != null) {
                staged.undo();
            }
            throw e;
        } finally {
            if (staged != null) {
                staged.release();
            }
        }
    }

    private void noteNotStored(Database.Work<?> reviewRows, List<Comment> comments, List<PackageSource> sources, List<String> notes) {
        if (reviewRows == null && (!comments.isEmpty() || !sources.isEmpty())) {
            notes.add(comments.size() + " comments and " + sources.size() + " sources were not imported: this build cannot store them yet");
        } else {
            String note = review.notStored(comments, sources);
            if (note != null && !note.isBlank()) {
                notes.add(note);
            }
        }
    }

    /** Imports the package as a separate story: new ids for everything, parent links kept. */
    private ImportResult keepBoth(PackageReader.Result read, List<String> notes) {
        NativeJson.Parsed data = read.data();
        UUID storyId = UUID.randomUUID();
        Map<UUID, UUID> ids = new HashMap<>();
        data.revisions().forEach(r -> ids.put(r.id(), UUID.randomUUID()));
        List<Revision> revs = data.revisions().stream().map(r -> new Revision(ids.get(r.id()), storyId,
                r.parentId() == null ? null : ids.getOrDefault(r.parentId(), null), r.createdAt(), r.author(), r.kind(),
                r.label(), r.status(), r.content())).toList();
        Story s = data.story();
        Story copy = withUniqueSlug(new Story(storyId, s.content(), s.status(), s.createdAt(), s.updatedAt(), null,
                s.keepLocation(), s.headRevisionId() == null ? null : ids.get(s.headRevisionId())), storyId);
        Map<UUID, UUID> mediaIds = new HashMap<>();
        Map<UUID, Path> staged = new HashMap<>();
        List<MediaItem> pictures = new ArrayList<>();
        for (MediaItem m : read.media()) {
            UUID nid = UUID.randomUUID();
            mediaIds.put(m.id(), nid);
            staged.put(nid, read.stagedMedia().get(m.id()));
            pictures.add(new MediaItem(nid, storyId, m.sha256(), m.fileName(), m.mimeType(), m.width(), m.height(), m.bytes(),
                    m.position(), m.lead(), m.caption(), m.credit(), m.creator(), m.copyrightNotice(), m.usageTerms(), m.altText(),
                    m.dateTaken(), m.city(), m.country(), m.keywords(), m.prefilled(), m.createdAt(), null));
        }
        Map<UUID, UUID> commentIds = new HashMap<>();
        data.comments().forEach(c -> commentIds.put(c.id(), UUID.randomUUID()));
        List<Comment> comments = data.comments().stream().map(c -> new Comment(commentIds.get(c.id()), storyId,
                c.parentId() == null ? null : commentIds.get(c.parentId()), c.author(), c.body(), c.quote(), c.anchorStart(),
                c.anchorEnd(), c.resolved(), c.resolvedBy(), c.resolvedAt(), c.passageRemoved(), c.createdAt(), c.updatedAt())).toList();
        List<StatusChange> history = data.statusHistory().stream().map(h -> new StatusChange(UUID.randomUUID(), storyId,
                h.from(), h.to(), h.actor(), h.note(), h.changedAt())).toList();
        // the copy's caption snapshots name the copy's pictures; a picture only a snapshot knows gets a fresh id too
        Map<UUID, List<PictureCaption>> captions = new HashMap<>();
        data.revisionCaptions().forEach((rev, list) -> captions.put(ids.get(rev), list.stream()
                .map(c -> new PictureCaption(mediaIds.computeIfAbsent(c.mediaId(), k -> UUID.randomUUID()), c.position(),
                        c.fileName(), c.caption())).toList()));
        PackageReader.Result remapped = new PackageReader.Result(read.manifest(), data, null, staged, pictures);
        insertNew(copy, revs, captions, history, remapped, comments, data.sources(), notes);
        notes.add("imported as a separate copy; the story already in the library is unchanged");
        return new ImportResult(storyId, Outcome.KEPT_BOTH, notes);
    }

    private Story withUniqueSlug(Story s, UUID id) {
        StoryContent c = s.content();
        String slug = stories.uniqueSlug(c.slug().isBlank() ? "story" : c.slug(), id);
        return slug.equals(c.slug()) ? s : new Story(s.id(), c.withSlug(slug), s.status(), s.createdAt(), s.updatedAt(),
                s.trashedAt(), s.keepLocation(), s.headRevisionId());
    }

    /** The other features' rows for one import transaction: known pictures brought in line, new pictures, review data. */
    private static Database.Work<?> both(Database.Work<?> sync, Media.Staged staged, Database.Work<?> reviewRows) {
        Database.Work<?> mediaRows = staged == null ? null : staged.rows();
        if (sync == null && mediaRows == null && reviewRows == null) {
            return null;
        }
        return c -> {
            if (sync != null) {
                sync.run(c);
            }
            if (mediaRows != null) {
                mediaRows.run(c);
            }
            if (reviewRows != null) {
                reviewRows.run(c);
            }
            return null;
        };
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a leftover staging folder is removed on the next import
        }
    }
}
