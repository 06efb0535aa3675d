package app.dispatch.testutil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Scans every byte of files (a folder tree, or single files such as exports) for a canary string
 * in UTF-8, UTF-16LE and UTF-16BE, case-sensitively. Reusable by every leak test.
 */
public final class CanaryScan {
    /** One place the canary was found. */
    public record Hit(Path file, String encoding, long offset) {
    }

    private static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE);

    private CanaryScan() {
    }

    /** A unique string that appears nowhere by chance. */
    public static String newCanary(String label) {
        return "CANARY" + label + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }

    /** Every hit in every regular file under {@code root} (or {@code root} itself when it is a file). */
    public static List<Hit> scan(Path root, String canary) {
        List<Hit> hits = new ArrayList<>();
        if (!Files.exists(root)) {
            return hits;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                hits.addAll(scanFile(p, canary));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hits;
    }

    /** The files scanned under {@code root}, for reporting that the scan saw what it should. */
    public static List<Path> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Hit> scanFile(Path file, String canary) {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Hit> hits = new ArrayList<>();
        for (Charset cs : ENCODINGS) {
            byte[] needle = canary.getBytes(cs);
            for (int i = indexOf(data, needle, 0); i >= 0; i = indexOf(data, needle, i + 1)) {
                hits.add(new Hit(file, cs.name(), i));
            }
        }
        return hits;
    }

    static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
