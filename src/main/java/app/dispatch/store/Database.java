package app.dispatch.store;

import app.dispatch.domain.DispatchException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;

/**
 * The library database: one SQLite file in WAL mode. All writes run on one named "db-writer"
 * thread with its own connection; reads share a second connection. Blocking: never call on the FX thread.
 */
public final class Database implements AutoCloseable {
    public static final String FILE_NAME = "dispatch.db";
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** A unit of work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    private final ReentrantLock readLock = new ReentrantLock();
    private final ExecutorService writerThread;
    private volatile Thread writerThreadRef;

    private Database(Path file, Connection writer, Connection reader) {
        this.file = file;
        this.writer = writer;
        this.reader = reader;
        this.writerThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "db-writer");
            t.setDaemon(true);
            writerThreadRef = t;
            return t;
        });
    }

    /** Opens (creating if needed) the library database in {@code dataDir} and migrates it. */
    public static Database open(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        checkLooksLikeSqlite(file);
        try {
            checkReadOnly(file);
            Connection writer = connect(file, false);
            try {
                migrate(file);
                Connection reader = connect(file, true);
                return new Database(file, writer, reader);
            } catch (RuntimeException | SQLException e) {
                writer.close();
                throw e;
            }
        } catch (SQLException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("SQLITE_NOTADB") || msg.contains("SQLITE_CORRUPT") || msg.contains("malformed")) {
                throw new CorruptDatabaseException(file, e);
            }
            if (msg.contains("SQLITE_READONLY") || msg.contains("SQLITE_CANTOPEN") || msg.contains("readonly")) {
                throw new DispatchException("cannot write the library database " + file
                        + ": check that the folder is writable (" + e.getMessage() + ")", e);
            }
            throw new DispatchException("cannot open the library database " + file + ": " + e.getMessage(), e);
        }
    }

    private static void checkLooksLikeSqlite(Path file) {
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                return;
            }
            byte[] head = new byte[SQLITE_MAGIC.length];
            try (InputStream in = Files.newInputStream(file)) {
                int n = in.readNBytes(head, 0, head.length);
                if (n < head.length || !java.util.Arrays.equals(head, SQLITE_MAGIC)) {
                    throw new CorruptDatabaseException(file, null);
                }
            }
        } catch (IOException e) {
            throw new DispatchException("cannot read the library database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks an existing file on a read-only connection before anything may write to it (setting WAL
     * mode rewrites the header): it must pass quick_check and be a Dispatch library (Flyway's history
     * table), not some other application's database.
     */
    private static void checkReadOnly(Path file) throws SQLException {
        if (!Files.exists(file) || sizeOf(file) == 0) {
            return;
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5000);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                if (!rs.next() || !"ok".equalsIgnoreCase(rs.getString(1))) {
                    throw new CorruptDatabaseException(file, null);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE name='flyway_schema_history') "
                    + "FROM sqlite_master WHERE type='table'")) {
                rs.next();
                if (rs.getInt(1) > 0 && rs.getInt(2) == 0) {
                    throw new CorruptDatabaseException(file, null);
                }
            }
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new DispatchException("cannot read the library database " + file + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(Path file, boolean readOnly) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA secure_delete = ON");
            if (readOnly) {
                s.execute("PRAGMA query_only = ON");
            } else {
                // checkpoints run when the writer is idle (see scheduleCheckpoint), not inside a save
                s.execute("PRAGMA wal_autocheckpoint = 0");
            }
        }
        return c;
    }

    /**
     * Brings the schema up to date. Out-of-order is allowed: features developed side by side add
     * migrations with lower numbers than one already applied (decision 0006). A library from a newer
     * Dispatch, or one whose history does not match, is refused with one clear line.
     */
    private static void migrate(Path file) {
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource("jdbc:sqlite:" + file.toAbsolutePath(), null, null)
                    .locations("classpath:db/migration")
                    .mixed(true)
                    .outOfOrder(true)
                    .load()
                    .migrate();
        } catch (org.flywaydb.core.api.FlywayException e) {
            String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new DispatchException("cannot bring the library database " + file
                    + " up to date (made by another version of Dispatch?): " + first, e);
        }
    }

    public Path file() {
        return file;
    }

    /** The version of the SQLite library inside the driver (for the benchmarks). */
    public String sqliteVersion() {
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT sqlite_version()")) {
                return rs.next() ? rs.getString(1) : "?";
            }
        });
    }

    /** Runs {@code work} in one transaction on the writer thread and waits for it. */
    public <T> T write(Work<T> work) {
        if (Thread.currentThread() == writerThreadRef) {
            return inTransaction(work);
        }
        CompletableFuture<T> f = CompletableFuture.supplyAsync(() -> inTransaction(work), writerThread);
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DispatchException("interrupted while saving", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CompletionException ce && ce.getCause() != null) {
                cause = ce.getCause();
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new DispatchException(String.valueOf(cause.getMessage()), cause);
        }
    }

    /** Writes since the last checkpoint; past this many, the next write checkpoints at once. */
    static final int CHECKPOINT_EVERY_WRITES = 400;
    /** Quiet time after the last write before the WAL is copied back into the database file. */
    static final long CHECKPOINT_IDLE_MS = 1500;

    private int writesSinceCheckpoint;
    private java.util.concurrent.ScheduledFuture<?> pendingCheckpoint;
    private final java.util.concurrent.ScheduledExecutorService checkpointTimer =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "db-checkpoint-timer");
                t.setDaemon(true);
                return t;
            });

    /**
     * Moves the WAL back into the database file off the save path: after {@link #CHECKPOINT_IDLE_MS}
     * without writes, or at once when {@link #CHECKPOINT_EVERY_WRITES} writes piled up. Runs on the
     * writer thread; PASSIVE never blocks readers. Durability does not depend on it (WAL + FULL sync).
     */
    private void afterCommit() {
        writesSinceCheckpoint++;
        if (writesSinceCheckpoint >= CHECKPOINT_EVERY_WRITES) {
            checkpoint();
            return;
        }
        if (pendingCheckpoint != null) {
            pendingCheckpoint.cancel(false);
        }
        try {
            pendingCheckpoint = checkpointTimer.schedule(() -> {
                try {
                    writerThread.execute(this::checkpoint);
                } catch (java.util.concurrent.RejectedExecutionException closing) {
                    // closing: close() checkpoints
                }
            }, CHECKPOINT_IDLE_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // closing: close() checkpoints
        }
    }

    private void checkpoint() {
        if (writesSinceCheckpoint == 0) {
            return;
        }
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
            writesSinceCheckpoint = 0;
        } catch (SQLException ignored) {
            // retried after the next write
        }
    }

    private <T> T inTransaction(Work<T> work) {
        try {
            writer.setAutoCommit(false);
            try {
                T result = work.run(writer);
                writer.commit();
                afterCommit();
                return result;
            } catch (Throwable t) {
                writer.rollback();
                throw t;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Runs a read on the shared read connection (a consistent snapshot per call). */
    public <T> T read(Work<T> work) {
        readLock.lock();
        try {
            reader.setAutoCommit(false);
            try {
                return work.run(reader);
            } finally {
                reader.commit();
                reader.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public void close() {
        checkpointTimer.shutdownNow();
        writerThread.shutdown();
        try {
            if (!writerThread.awaitTermination(10, TimeUnit.SECONDS)) {
                writerThread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            reader.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException ignored) {
            // the WAL is replayed on next open
        }
        try {
            writer.close();
        } catch (SQLException ignored) {
            // nothing more to do
        }
    }
}
