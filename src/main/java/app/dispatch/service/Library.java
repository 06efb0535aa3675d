package app.dispatch.service;

import app.dispatch.domain.Comment;
import java.util.UUID;
import java.util.List;
import app.dispatch.check.BasicPreflight;
import app.dispatch.domain.DispatchException;
import app.dispatch.domain.Limits;
import app.dispatch.media.MediaFiles;
import app.dispatch.store.CommentStore;
import app.dispatch.store.Database;
import app.dispatch.store.MediaStore;
import app.dispatch.store.RevisionStore;
import app.dispatch.store.SourceStore;
import app.dispatch.store.SearchStore;
import app.dispatch.store.StoryStore;
import app.dispatch.store.SettingsStore;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * One open library folder and the services over it: the composition both the CLI and the app use.
 * Blocking: open and close off the FX thread.
 */
public final class Library implements AutoCloseable {
    private static final DateTimeFormatter ASIDE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path dataDir;
    private final Database db;
    private final SettingsStore settings;
    private final StoryService stories;
    private final ImportService imports;
    private final MediaService media;
    private final SourceService sources;
    private final PackageService packages;
    private final WorkflowService workflow;
    private final CommentService comments;
    private final ReviewDiff reviewDiff;
    private final CheckService checks;
    private final ReviewPort reviewPort;
    private final SearchService search;
    private final boolean createdNow;

    private Library(Path dataDir, Database db, Clock clock, boolean createdNow) {
        this.dataDir = dataDir;
        this.db = db;
        this.settings = new SettingsStore(db);
        this.createdNow = createdNow;
        Profile profile = new Profile(settings);
        this.stories = new StoryService(new StoryStore(db), new RevisionStore(db), clock, profile::name, this::limits);
        this.imports = new ImportService(stories);
        this.media = new MediaService(new MediaStore(db), stories, new MediaFiles(dataDir.resolve("media")), dataDir.resolve("thumbs"));
        SourceStore sourceStore = new SourceStore(db);
        this.sources = new SourceService(sourceStore, stories,
                new SourceVault(sourceStore, clock, java.time.Duration.ofMinutes(intSetting("vault.idleLockMinutes", 10))),
                clock, profile::name);
        this.packages = new PackageService(stories, imports, db, dataDir);
        BasicPreflight basicPreflight = new BasicPreflight(this::limits, clock);
        this.checks = new CheckService(stories, settings, dataDir, basicPreflight);
        this.workflow = new WorkflowService(stories, () -> new Profile(settings).role(),
                story -> (int) packages.preflight(story.id()).stream().filter(app.dispatch.domain.PreflightIssue::isError).count());
        CommentStore commentStore = new CommentStore(db);
        this.comments = new CommentService(commentStore, stories, profile::name);
        // captions now from the media rows, at a revision from what it recorded when it was made (decision 0812)
        this.reviewDiff = new ReviewDiff(stories, stories::captions);
        packages.useMedia(new MediaPort(media, new MediaStore(db), stories));
        this.reviewPort = new ReviewPort(sourceStore, stories);
        packages.useReview(reviewPort);
        ReviewPackaging commentPackaging = new ReviewPackaging(commentStore, id -> List.of());
        reviewPort.useComments(new ReviewPort.Comments() {
            @Override
            public List<Comment> of(UUID storyId) {
                return commentPackaging.comments(storyId);
            }

            @Override
            public Database.Work<?> importRows(UUID storyId, List<Comment> incoming) {
                return commentPackaging.importReview(storyId, incoming, List.of());
            }
        });
        this.search = new SearchService(new SearchStore(db));
    }

    /** Opens the library in {@code dataDir}, creating the folder and an empty database if needed. */
    public static Library open(Path dataDir, Clock clock) {
        boolean fresh = !Files.exists(dataDir.resolve(Database.FILE_NAME));
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new DispatchException("cannot use " + dataDir + " as the library folder: it is a file, not a folder");
        }
        try {
            Files.createDirectories(dataDir);
        } catch (AccessDeniedException e) {
            throw new DispatchException("cannot create the library folder " + dataDir + ": permission denied", e);
        } catch (IOException e) {
            throw new DispatchException("cannot create the library folder " + dataDir + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(dataDir)) {
            throw new DispatchException("the library folder " + dataDir + " is not writable");
        }
        return new Library(dataDir, Database.open(dataDir), clock, fresh);
    }

    public static Library open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    /**
     * Renames a damaged dispatch.db (and its -wal and -shm, which must never meet a fresh database)
     * to dispatch.db.corrupt-&lt;UTC time&gt;, so that the next open starts an empty library. Never
     * overwrites an earlier copy. Call only while the library is not open. Returns the kept file.
     */
    public static Path moveAsideCorrupt(Path dataDir) {
        return moveAsideCorrupt(dataDir, Clock.systemUTC());
    }

    public static Path moveAsideCorrupt(Path dataDir, Clock clock) {
        Path db = dataDir.resolve(Database.FILE_NAME);
        if (!Files.exists(db)) {
            throw new DispatchException("there is no library database " + db + " to move aside");
        }
        String stamp = ASIDE_STAMP.format(clock.instant());
        String base = Database.FILE_NAME + ".corrupt-" + stamp;
        for (int n = 2; taken(dataDir, base); n++) {
            base = Database.FILE_NAME + ".corrupt-" + stamp + "-" + n;
        }
        Path target = dataDir.resolve(base);
        try {
            for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
                Path side = dataDir.resolve(Database.FILE_NAME + suffix);
                if (Files.exists(side)) {
                    Files.move(side, dataDir.resolve(base + suffix), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            Files.move(db, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DispatchException("cannot move the damaged library " + db + " aside: " + e.getMessage(), e);
        }
        return target;
    }

    private static boolean taken(Path dataDir, String base) {
        return Stream.of("", "-wal", "-shm", "-journal").anyMatch(s -> Files.exists(dataDir.resolve(base + s)));
    }

    public Path dataDir() {
        return dataDir;
    }

    public Database database() {
        return db;
    }

    public SettingsStore settings() {
        return settings;
    }

    public StoryService stories() {
        return stories;
    }

    public ImportService imports() {
        return imports;
    }

    public MediaService media() {
        return media;
    }

    public SourceService sources() {
        return sources;
    }

    public PackageService packages() {
        return packages;
    }

    public WorkflowService workflow() {
        return workflow;
    }

    public CommentService comments() {
        return comments;
    }

    public ReviewDiff reviewDiff() {
        return reviewDiff;
    }

    public CheckService checks() {
        return checks;
    }

    /** Review data in packages; the comments feature plugs in with {@code reviewPort().useComments(...)}. */
    public ReviewPort reviewPort() {
        return reviewPort;
    }

    public SearchService search() {
        return search;
    }

    /** True when this open created the database (a first start). */
    public boolean createdNow() {
        return createdNow;
    }

    public Preferences preferences() {
        return new Preferences(settings);
    }

    public Profile profile() {
        return new Profile(settings);
    }

    public Limits limits() {
        return new Limits(intSetting("limits.headline", Limits.DEFAULTS.headline()),
                intSetting("limits.slug", Limits.DEFAULTS.slug()),
                intSetting("limits.standfirst", Limits.DEFAULTS.standfirst()));
    }

    private int intSetting(String key, int fallback) {
        try {
            return settings.get(key).map(Integer::parseInt).filter(v -> v > 0).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public void close() {
        sources.close();
        db.close();
    }
}
