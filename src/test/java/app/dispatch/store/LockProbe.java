package app.dispatch.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Child-JVM helper for {@link LibraryLockTest}. Args: dataDir probe|hold. Prints "acquired" or
 * "busy"; with "hold" it keeps the lock until its stdin closes.
 */
public final class LockProbe {
    private LockProbe() {
    }

    public static void main(String[] args) throws IOException {
        Optional<LibraryLock> lock = LibraryLock.tryAcquire(Path.of(args[0]));
        System.out.println(lock.isPresent() ? "acquired" : "busy");
        System.out.flush();
        if (lock.isPresent() && args[1].equals("hold")) {
            while (System.in.read() != -1) {
                // hold until the parent closes our stdin
            }
        }
        lock.ifPresent(LibraryLock::close);
    }
}
