package app.dispatch.media;

import app.dispatch.domain.DispatchException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Content-addressed picture files under {@code <dataDir>/media/ab/abcdef…} (SHA-256 of the bytes).
 * A file is copied to a temp file beside its final place, fsynced, then renamed atomically, so a
 * stored file is always whole. Stored files are never modified.
 */
public final class MediaFiles {
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");
    private final Path root;

    public MediaFiles(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path pathOf(String sha256) {
        if (!SHA.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    public boolean contains(String sha256) {
        return Files.isRegularFile(pathOf(sha256));
    }

    /** Copies {@code source} into the store (once per content) and returns its SHA-256. */
    public String put(Path source) {
        Path tmpDir = root.resolve("tmp");
        Path tmp = tmpDir.resolve(UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(tmpDir);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(source);
                 FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    digest.update(buf, 0, n);
                    ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                    while (bb.hasRemaining()) {
                        out.write(bb);
                    }
                }
                out.force(true);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            Path target = pathOf(sha);
            if (Files.isRegularFile(target) && Files.size(target) == Files.size(tmp)) {
                Files.delete(tmp);
                return sha;
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            fsyncDirectory(target.getParent());
            return sha;
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new DispatchException("cannot store " + ImageProbe.displayName(source) + " in the library: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every SHA-256 stored. */
    public Set<String> all() {
        Set<String> out = new HashSet<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(root, 2)) {
            walk.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> SHA.matcher(n).matches()).forEach(out::add);
        } catch (IOException e) {
            throw new DispatchException("cannot list the media folder " + root + ": " + e.getMessage(), e);
        }
        return out;
    }

    public void delete(String sha256) {
        try {
            Files.deleteIfExists(pathOf(sha256));
        } catch (IOException e) {
            throw new DispatchException("cannot delete " + pathOf(sha256) + ": " + e.getMessage(), e);
        }
    }

    /** Removes temp files left by an interrupted copy. */
    public void cleanTemp() {
        Path tmpDir = root.resolve("tmp");
        if (!Files.isDirectory(tmpDir)) {
            return;
        }
        try (Stream<Path> list = Files.list(tmpDir)) {
            list.forEach(MediaFiles::deleteQuietly);
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not possible on every platform (Windows); the rename itself is atomic
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
