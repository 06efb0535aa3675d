package app.dispatch.service.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/** The `dispatch bench` figures: plain timings printed for the README, not pass/fail tests. */
public final class Benchmarks {
    /** What can be benchmarked. */
    public enum Kind { store, media, sources, export, check, search }

    private Benchmarks() {
    }

    public static void run(Kind kind, Path dir, boolean quick, PrintWriter out) throws Exception {
        switch (kind) {
            case store -> new StoreBench(dir, quick, out).run();
            case media -> new MediaBench(dir, quick, out).run();
            case sources -> new SourcesBench(dir, quick, out).run();
            case export -> new ExportBench(dir, quick, out).run();
            case check -> new CheckBench(dir, quick, out).run();
            case search -> new SearchBench(dir, quick, out).run();
        }
        out.flush();
    }

    /** Median and p95 of nanosecond samples, printed in milliseconds. */
    public static String stats(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        double median = s[s.length / 2] / 1e6;
        double p95 = s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.95) - 1)] / 1e6;
        return String.format(Locale.ROOT, "median %8.2f ms   p95 %8.2f ms   (n=%d)", median, p95, s.length);
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
