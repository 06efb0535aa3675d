package app.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two Dispatch processes on one library folder: the second is refused while the first runs. */
class LibraryLockTest {
    @TempDir
    Path dir;

    @Test
    void secondProcessIsRefusedWhileTheFirstHoldsTheLockAndAdmittedAfterRelease() throws Exception {
        Optional<LibraryLock> first = LibraryLock.tryAcquire(dir);
        assertTrue(first.isPresent());
        try {
            assertEquals("busy", probe());
        } finally {
            first.get().close();
        }
        assertEquals("acquired", probe());
    }

    @Test
    void thisProcessIsRefusedWhileAnotherHoldsTheLockAndAdmittedWhenItExits() throws Exception {
        Process holder = ChildJvm.start(LockProbe.class, dir.toString(), "hold");
        try (BufferedReader out = reader(holder)) {
            assertEquals("acquired", out.readLine());
            assertTrue(LibraryLock.tryAcquire(dir).isEmpty(), "the folder is locked by the other process");
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        } finally {
            holder.destroyForcibly();
        }
        Optional<LibraryLock> mine = LibraryLock.tryAcquire(dir);
        assertTrue(mine.isPresent());
        mine.get().close();
    }

    @Test
    void aKilledHolderLeavesNoStaleLock() throws Exception {
        Process holder = ChildJvm.start(LockProbe.class, dir.toString(), "hold");
        try (BufferedReader out = reader(holder)) {
            assertEquals("acquired", out.readLine());
            holder.destroyForcibly();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals("acquired", probe());
    }

    @Test
    void aSecondLockInTheSameProcessIsRefused() {
        try (LibraryLock first = LibraryLock.tryAcquire(dir).orElseThrow()) {
            assertTrue(LibraryLock.tryAcquire(dir).isEmpty());
        }
        LibraryLock.tryAcquire(dir).orElseThrow().close();
    }

    private String probe() throws IOException, InterruptedException {
        Process p = ChildJvm.start(LockProbe.class, dir.toString(), "probe");
        try (BufferedReader out = reader(p)) {
            String line = out.readLine();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            return line;
        } finally {
            p.destroyForcibly();
        }
    }

    private static BufferedReader reader(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }
}
