package app.dispatch.service;

import app.dispatch.domain.DispatchException;
import app.dispatch.domain.Limits;
import app.dispatch.store.Database;
import app.dispatch.store.RevisionStore;
import app.dispatch.store.SearchStore;
import app.dispatch.store.StoryStore;
import app.dispatch.store.SettingsStore;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * One open library folder and the services over it: the composition both the CLI and the app use.
 * Blocking: open and close off the FX thread.
 */
public final class Library implements AutoCloseable {
    private final Path dataDir;
    private final Database db;
    private final SettingsStore settings;
    private final StoryService stories;
    private final ImportService imports;
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
        this.search = new SearchService(new SearchStore(db));
    }

    /** Opens the library in {@code dataDir}, creating the folder and an empty database if needed. */
    public static Library open(Path dataDir, Clock clock) {
        boolean fresh = !Files.exists(dataDir.resolve(Database.FILE_NAME));
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

    public SearchService search() {
        return search;
    }

    /** True when this open created the database (a first start). */
    public boolean createdNow() {
        return createdNow;
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
        db.close();
    }
}
