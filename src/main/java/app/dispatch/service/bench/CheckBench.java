package app.dispatch.service.bench;

import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.service.Library;
import app.dispatch.text.BodyHtml;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * bench check: full check of a 2,000-word story (first after start, then warm: unchanged, never seen
 * before, after editing one paragraph); one-paragraph re-check in a 5,000-word story. The text is varied
 * news copy ({@link NewsProse}): in the "not seen before" rows no sentence repeats within the run, so
 * neither LanguageTool's sentence cache nor the paragraph cache can help. Each row gives wall time and the
 * CPU time of the whole process (every thread, the JIT compiler and the garbage collector included).
 */
final class CheckBench {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Path dir;
    private final boolean quick;
    private final PrintWriter out;

    CheckBench(Path dir, boolean quick, PrintWriter out) {
        this.dir = dir;
        this.quick = quick;
        this.out = out;
    }

    /** Wall and process-CPU nanoseconds of n runs. */
    private record Samples(long[] wall, long[] cpu) {
        Samples(int n) {
            this(new long[n], new long[n]);
        }

        void time(int i, Runnable work) {
            long c0 = OS.getProcessCpuTime();
            long t0 = System.nanoTime();
            work.run();
            wall[i] = System.nanoTime() - t0;
            cpu[i] = OS.getProcessCpuTime() - c0;
        }
    }

    private void row(String what, Samples s) {
        out.printf(Locale.ROOT, "%-62s wall %s%n%-62s cpu  %s%n", what, Benchmarks.stats(s.wall()), "", Benchmarks.stats(s.cpu()));
    }

    /**
     * Stories created before any is timed, then a pause: the store's idle-time WAL checkpoint (decision 0007)
     * must not run during a timed check.
     */
    private static List<Story> stories(Supplier<Story> newStory, int n) {
        List<Story> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(newStory.get());
        }
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    void run() {
        out.printf(Locale.ROOT, "bench check (%s) in %s%n  %d cores, load average %.1f, Java %s%n", quick ? "quick" : "full", dir,
                OS.getAvailableProcessors(), OS.getSystemLoadAverage(), System.getProperty("java.version"));
        NewsProse prose = new NewsProse(7);
        try (Library lib = Library.open(dir.resolve("lib"))) {
            Supplier<Story> newStory = () -> lib.stories().create(StoryContent.blank("en").withHeadline("Floods hit the valley")
                    .withStandfirst("Twelve dead after three days of rain").withBodyHtml(prose.body(2_000)));
            Story s = newStory.get();
            Samples first = new Samples(1);
            int[] findings = new int[1];
            first.time(0, () -> findings[0] = lib.checks().check(s.id()).size());
            out.printf(Locale.ROOT, "%-62s wall %8.0f ms   cpu %8.0f ms   (%d findings)%n", "first full check after start, 2,000 words (loads LanguageTool)",
                    first.wall()[0] / 1e6, first.cpu()[0] / 1e6, findings[0]);

            Samples warm = new Samples(quick ? 5 : 20);
            for (int i = 0; i < warm.wall().length; i++) {
                warm.time(i, () -> lib.checks().check(s.id()));
            }
            row("warm full check, 2,000 words, unchanged text", warm);

            Samples fresh = new Samples(quick ? 3 : 10);
            List<Story> unseen = stories(newStory, fresh.wall().length);
            for (int i = 0; i < fresh.wall().length; i++) {
                Story other = unseen.get(i);
                fresh.time(i, () -> lib.checks().check(other.id()));
            }
            row("warm full check, 2,000 words never seen before (checks 2-" + (1 + fresh.wall().length) + ")", fresh);

            if (!quick) {
                // An editor checks paragraph after paragraph all day: the JIT compiler keeps working on
                // LanguageTool's code for dozens of checks. This row is the same check once it has settled.
                int settle = 70;
                for (Story other : stories(newStory, settle)) {
                    lib.checks().check(other.id());
                }
                // the same kind of text alternately with the default number of threads and the other choice,
                // so that both see the same load
                int threads = lib.checks().checkThreads();
                int other = threads == 1 ? 2 : 1;
                Samples steady = new Samples(10);
                Samples alternative = new Samples(10);
                List<Story> pairs = stories(newStory, 2 * steady.wall().length);
                for (int i = 0; i < steady.wall().length; i++) {
                    Story a = pairs.get(2 * i);
                    steady.time(i, () -> lib.checks().check(a.id()));
                    Story b = pairs.get(2 * i + 1);
                    lib.checks().setCheckThreads(other);
                    alternative.time(i, () -> lib.checks().check(b.id()));
                    lib.checks().setCheckThreads(threads);
                }
                row("same, after " + (1 + fresh.wall().length + settle) + " checks (JIT compiler settled), " + threads
                        + (threads == 1 ? " thread" : " threads") + " (default)", steady);
                row("same, " + other + (other == 1 ? " thread" : " threads"), alternative);
                System.gc();
                var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                out.printf(Locale.ROOT, "  %d LanguageTool instances loaded for en; heap in use after GC %d MB%n",
                        lib.checks().loadedCheckers("en"), heap.getUsed() >> 20);
            }

            Samples edited = new Samples(quick ? 3 : 10);
            Story base = lib.stories().get(s.id());
            for (int i = 0; i < edited.wall().length; i++) {
                String html = base.content().bodyHtml();
                int p = html.indexOf("</p>", html.length() / 3 + i * 97);
                String changed = html.substring(0, p) + " " + NewsProse.sentence(new Random(1_000 + i)) + html.substring(p);
                lib.stories().saveDraft(s.id(), base.content().withBodyHtml(changed));
                edited.time(i, () -> lib.checks().check(s.id()));
            }
            row("full check after a sentence was added to one paragraph", edited);

            String text = BodyHtml.plainText(prose.body(5_000));
            var pc = lib.checks().paragraphChecker("en");
            long t2 = System.nanoTime();
            pc.check(text);
            out.printf(Locale.ROOT, "%-62s wall %8.0f ms%n", "initial paragraph check, 5,000 words never seen before", (System.nanoTime() - t2) / 1e6);
            Samples keystroke = new Samples(quick ? 10 : 50);
            String[] paragraphs = text.split("\n", -1);
            Random rnd = new Random(3);
            for (int i = 0; i < keystroke.wall().length; i++) {
                int p = rnd.nextInt(paragraphs.length);
                paragraphs[p] = paragraphs[p] + (i % 2 == 0 ? " More" : "s");
                String edit = String.join("\n", paragraphs);
                keystroke.time(i, () -> pc.check(edit));
            }
            row("keystroke re-check, 5,000 words (" + pc.lastCheckedParagraphs() + " paragraph checked)", keystroke);
        }
        out.printf(Locale.ROOT, "  load average at the end %.1f%n", OS.getSystemLoadAverage());
    }
}
