package app.dispatch.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import app.dispatch.domain.DispatchException;
import app.dispatch.domain.LibraryScope;
import app.dispatch.domain.StoryContent;
import app.dispatch.store.CorruptDatabaseException;
import app.dispatch.store.Database;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives one clear message and changes nothing. */
class BadInputTest {
    @TempDir
    Path dir;

    @Test
    void dataFolderUnderARegularFileIsRefusedClearly() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        DispatchException e = assertThrows(DispatchException.class, () -> Library.open(file.resolve("library")));
        assertTrue(e.getMessage().startsWith("cannot create the library folder " + file.resolve("library")), e.getMessage());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void dataFolderThatIsAFileIsRefusedClearly() throws IOException {
        Path file = Files.writeString(dir.resolve("dispatch-home"), "x");
        DispatchException e = assertThrows(DispatchException.class, () -> Library.open(file));
        assertEquals("cannot use " + file + " as the library folder: it is a file, not a folder", e.getMessage());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void readOnlyDataFolderIsRefusedClearly() throws Exception {
        Path lib = Files.createDirectory(dir.resolve("ro"));
        Files.writeString(lib.resolve("notes.txt"), "kept");
        Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            String outcome;
            if (!canCreateFileIn(lib)) {
                try (Library l = Library.open(lib)) {
                    outcome = "OPENED";
                } catch (DispatchException e) {
                    outcome = "REFUSED " + e.getMessage();
                }
            } else {
                // Root ignores folder permissions: open the folder on a read-only bind mount instead,
                // in a mount namespace of the child's own (nothing outside it sees the mount).
                outcome = openOnReadOnlyMount(lib);
            }
            assertEquals("REFUSED the library folder " + lib + " is not writable", outcome);
            assertEquals(List.of("notes.txt"), fileNames(lib));
            assertEquals("kept", Files.readString(lib.resolve("notes.txt")));
        } finally {
            Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** Runs {@link ReadOnlyProbe} on {@code folder} bind-mounted read-only in a private mount namespace. */
    private static String openOnReadOnlyMount(Path folder) throws Exception {
        ProcessBuilder child = app.dispatch.testing.ChildJvm.builder(ReadOnlyProbe.class, folder.toString());
        List<String> cmd = new java.util.ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" && exec \"$@\"", folder.toString()));
        cmd.addAll(child.command());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        assumeFalse(code != 0 && !out.contains("REFUSED") && !out.contains("OPENED"),
                "this machine lets root write everywhere and gives no mount namespace to make a read-only folder: " + out.strip());
        return out.lines().filter(l -> l.startsWith("REFUSED") || l.startsWith("OPENED")).findFirst().orElse(out.strip());
    }

    @Test
    void garbageDatabaseFileIsReportedAndLeftByteIdentical() throws IOException {
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Path db = Files.write(dir.resolve(Database.FILE_NAME), garbage);
        CorruptDatabaseException e = assertThrows(CorruptDatabaseException.class, () -> Library.open(dir));
        assertTrue(e.getMessage().contains("damaged or is not a Dispatch library"), e.getMessage());
        assertEquals(db, e.file());
        assertArrayEquals(garbage, Files.readAllBytes(db));
        assertEquals(List.of(Database.FILE_NAME), fileNames(dir));
    }

    @Test
    void databaseWithDamagedPagesIsReportedAndLeftByteIdentical() throws IOException {
        try (Library lib = Library.open(dir)) {
            for (int i = 0; i < 40; i++) {
                lib.stories().create(StoryContent.blank("en").withHeadline("Story " + i).withBodyHtml("<p>" + "words ".repeat(300) + "</p>"));
            }
        }
        Path db = dir.resolve(Database.FILE_NAME);
        byte[] bytes = Files.readAllBytes(db);
        assertTrue(bytes.length > 8 * 4096, "the test needs a database of several pages");
        byte[] noise = new byte[bytes.length - 2 * 4096];
        new Random(3).nextBytes(noise);
        System.arraycopy(noise, 0, bytes, 2 * 4096, noise.length);
        Files.write(db, bytes);

        assertThrows(CorruptDatabaseException.class, () -> Library.open(dir));
        assertArrayEquals(bytes, Files.readAllBytes(db), "the damaged file is not written to");
        assertThrows(CorruptDatabaseException.class, () -> Library.open(dir), "and it stays refused");
        assertArrayEquals(bytes, Files.readAllBytes(db));
    }

    @Test
    void damagedDatabaseInRollbackJournalModeIsNotSwitchedToWal() throws Exception {
        Path db = dir.resolve(Database.FILE_NAME);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
            s.execute("BEGIN");
            for (int i = 0; i < 200; i++) {
                s.execute("INSERT INTO notes (text) VALUES ('" + "note ".repeat(100) + i + "')");
            }
            s.execute("COMMIT");
        }
        byte[] bytes = Files.readAllBytes(db);
        assertEquals(1, bytes[18], "written in rollback-journal mode");
        byte[] noise = new byte[bytes.length - 2 * 4096];
        new Random(5).nextBytes(noise);
        System.arraycopy(noise, 0, bytes, 2 * 4096, noise.length);
        Files.write(db, bytes);
        assertThrows(CorruptDatabaseException.class, () -> Library.open(dir));
        assertArrayEquals(bytes, Files.readAllBytes(db));
    }

    @Test
    void someOtherApplicationsDatabaseIsNotMigratedIntoALibrary() throws Exception {
        Path db = dir.resolve(Database.FILE_NAME);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TABLE contacts (name TEXT)");
            s.execute("INSERT INTO contacts VALUES ('someone else''s data')");
        }
        byte[] before = Files.readAllBytes(db);
        assertThrows(CorruptDatabaseException.class, () -> Library.open(dir));
        assertArrayEquals(before, Files.readAllBytes(db));
    }

    @Test
    void truncatedDatabaseIsReportedAndLeftByteIdentical() throws IOException {
        try (Library lib = Library.open(dir)) {
            lib.stories().create(StoryContent.blank("en").withHeadline("Cut short"));
        }
        Path db = dir.resolve(Database.FILE_NAME);
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(db), 1000);
        Files.write(db, head);
        assertThrows(CorruptDatabaseException.class, () -> Library.open(dir));
        assertArrayEquals(head, Files.readAllBytes(db));
    }

    @Test
    void corruptLibraryIsMovedAsideWithItsWalAndAFreshOneStarts() throws IOException {
        byte[] garbage = "this is not a database at all, just a text file".repeat(100).getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve(Database.FILE_NAME), garbage);
        Files.writeString(dir.resolve(Database.FILE_NAME + "-wal"), "stale wal");
        Files.writeString(dir.resolve(Database.FILE_NAME + "-shm"), "stale shm");
        assertThrows(CorruptDatabaseException.class, () -> Library.open(dir));

        Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:30:05.123Z"), ZoneOffset.UTC);
        Path aside = Library.moveAsideCorrupt(dir, clock);
        assertEquals(dir.resolve("dispatch.db.corrupt-20261125T123005Z"), aside);
        assertArrayEquals(garbage, Files.readAllBytes(aside));
        assertEquals("stale wal", Files.readString(dir.resolve("dispatch.db.corrupt-20261125T123005Z-wal")));
        assertEquals("stale shm", Files.readString(dir.resolve("dispatch.db.corrupt-20261125T123005Z-shm")));
        assertFalse(Files.exists(dir.resolve(Database.FILE_NAME + "-wal")));

        try (Library lib = Library.open(dir)) {
            assertTrue(lib.createdNow());
            assertEquals(0, lib.stories().list(LibraryScope.ALL, null).size());
            lib.stories().create(StoryContent.blank("en").withHeadline("A fresh start"));
        }
        assertArrayEquals(garbage, Files.readAllBytes(aside), "the kept-aside file is never touched again");

        Files.write(dir.resolve(Database.FILE_NAME), garbage);
        Path second = Library.moveAsideCorrupt(dir, clock);
        assertEquals(dir.resolve("dispatch.db.corrupt-20261125T123005Z-2"), second, "an earlier copy is never overwritten");
        assertArrayEquals(garbage, Files.readAllBytes(aside));
    }

    @Test
    void movingAsideWithNoDatabaseSaysSo() {
        DispatchException e = assertThrows(DispatchException.class, () -> Library.moveAsideCorrupt(dir));
        assertTrue(e.getMessage().startsWith("there is no library database"), e.getMessage());
    }

    @Test
    void nonUtf8TextImportIsRefusedAndMakesNoStory() throws IOException {
        Path latin1 = Files.write(dir.resolve("cafe.txt"), "Caf\u00e9 owners protest\n\nThe caf\u00e9 closed.".getBytes(StandardCharsets.ISO_8859_1));
        try (Library lib = Library.open(dir.resolve("lib"))) {
            DispatchException e = assertThrows(DispatchException.class, () -> lib.imports().importTextFile(latin1, "en"));
            assertEquals(latin1 + " is not valid UTF-8 text; save it as UTF-8 and import again", e.getMessage());
            assertEquals(0, lib.stories().list(LibraryScope.ALL, null).size());
        }
    }

    @Test
    void fiftyMegabyteTextImportIsRefusedAsTooLargeAndMakesNoStory() throws IOException {
        Path big = dir.resolve("huge.txt");
        try (Writer w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            String line = "All work and no play makes a very long story indeed, line after line.\n";
            long target = 50L * 1024 * 1024;
            for (long written = 0; written < target; written += line.length()) {
                w.write(line);
            }
        }
        assertTrue(Files.size(big) >= 50L * 1024 * 1024);
        try (Library lib = Library.open(dir.resolve("lib"))) {
            DispatchException e = assertThrows(DispatchException.class, () -> lib.imports().importTextFile(big, "en"));
            assertTrue(e.getMessage().contains("too large to import"), e.getMessage());
            assertTrue(e.getMessage().contains("50.0 MB"), e.getMessage());
            assertEquals(0, lib.stories().list(LibraryScope.ALL, null).size());
        } finally {
            Files.delete(big);
        }
    }

    private static boolean canCreateFileIn(Path folder) {
        try {
            Files.delete(Files.createFile(folder.resolve("probe")));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
