package app.dispatch.service.bench;

import app.dispatch.domain.LibraryScope;
import app.dispatch.domain.Dateline;
import app.dispatch.domain.Status;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.service.Library;
import app.dispatch.store.StoryStore;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** bench store: autosave and open of a 10,000-word story; listing 10,000 and 100,000 stories. Wall time, then CPU time alone. */
final class StoreBench {
    private final Path dir;
    private final boolean quick;
    private final PrintWriter out;

    StoreBench(Path dir, boolean quick, PrintWriter out) {
        this.dir = dir;
        this.quick = quick;
        this.out = out;
    }

    void run() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        out.printf(java.util.Locale.ROOT, "bench store (%s) in %s%n  %d cores, load average %.1f, Java %s%n", quick ? "quick" : "full", dir,
                os.getAvailableProcessors(), os.getSystemLoadAverage(), System.getProperty("java.version"));
        try (Library lib = Library.open(dir.resolve("lib"))) {
            String body = longBody(10_000, new Random(1));
            Story s = lib.stories().create(StoryContent.blank("en").withHeadline("A long story").withBodyHtml(body));
            int saves = quick ? 30 : 200;
            long[] autosave = new long[saves];
            StoryContent c = s.content();
            for (int i = 0; i < (quick ? 10 : 50); i++) {
                // warm-up, not measured: an editor autosaves hundreds of times in a session, so JIT-compiled code is the norm
                c = c.withBodyHtml(body + "<p>warm-up " + i + "</p>");
                lib.stories().saveDraft(s.id(), c);
            }
            Thread writer = writerThread();
            long[] autosaveCpu = new long[saves];
            for (int i = 0; i < saves; i++) {
                c = c.withBodyHtml(body + "<p>edit " + i + "</p>");
                long c0 = cpu(writer);
                long t0 = System.nanoTime();
                lib.stories().saveDraft(s.id(), c);
                autosave[i] = System.nanoTime() - t0;
                autosaveCpu[i] = cpu(writer) - c0;
            }
            out.println("autosave 10,000-word story   " + Benchmarks.stats(autosave));
            out.println("  cpu only                   " + Benchmarks.stats(autosaveCpu));
            long[] open = new long[quick ? 30 : 200];
            long[] openCpu = new long[open.length];
            for (int i = 0; i < open.length; i++) {
                long c0 = cpu(writer);
                long t0 = System.nanoTime();
                lib.stories().get(s.id());
                lib.stories().revisions(s.id());
                open[i] = System.nanoTime() - t0;
                openCpu[i] = cpu(writer) - c0;
            }
            out.println("open 10,000-word story       " + Benchmarks.stats(open));
            out.println("  cpu only                   " + Benchmarks.stats(openCpu));
        }
        // DISPATCH_BENCH_STORE_LIBRARIES=/some/folder keeps the listing libraries there and reuses them
        String reuse = System.getenv("DISPATCH_BENCH_STORE_LIBRARIES");
        Path listDir = reuse == null || reuse.isBlank() ? dir : Path.of(reuse);
        for (int n : quick ? new int[] {10_000} : new int[] {10_000, 100_000}) {
            try (Library lib = Library.open(listDir.resolve("lib" + n))) {
                long t0 = System.nanoTime();
                boolean reused = lib.stories().store().count(LibraryScope.ALL) == n;
                if (!reused) {
                    fill(lib, n);
                }
                long build = System.nanoTime() - t0;
                long[] list = new long[quick ? 5 : 30];
                long[] listCpu = new long[list.length];
                // The first list of a fresh JVM runs interpreted code; it is reported on its own and two
                // more warm the code up before the measured runs (what a running app sees).
                long cold = System.nanoTime();
                int rows = lib.stories().list(LibraryScope.ACTIVE, null).size();
                cold = System.nanoTime() - cold;
                lib.stories().list(LibraryScope.ACTIVE, null);
                lib.stories().list(LibraryScope.ACTIVE, null);
                for (int i = 0; i < list.length; i++) {
                    long c1 = cpu(null);
                    long t1 = System.nanoTime();
                    rows = lib.stories().list(LibraryScope.ACTIVE, null).size();
                    list[i] = System.nanoTime() - t1;
                    listCpu[i] = cpu(null) - c1;
                }
                out.printf("list %,7d stories (%d rows) %s   [%s]%n", n, rows, Benchmarks.stats(list),
                        reused ? "reused " + listDir.resolve("lib" + n) : String.format(java.util.Locale.ROOT, "built in %.1f s", build / 1e9));
                out.println("  cpu only                   " + Benchmarks.stats(listCpu));
                out.printf("  first list in a fresh JVM   %8.2f ms%n", cold / 1e6);
                // what the library window does: count the matches and read the first page, sorted in SQL
                long[] page = new long[quick ? 5 : 30];
                long[] filtered = new long[page.length];
                long[] pageCpu = new long[page.length];
                long[] filteredCpu = new long[page.length];
                app.dispatch.domain.LibraryQuery byHeadline = new app.dispatch.domain.LibraryQuery(
                        LibraryScope.ACTIVE, null, "", app.dispatch.domain.LibraryQuery.Sort.HEADLINE, true);
                app.dispatch.domain.LibraryQuery typed = new app.dispatch.domain.LibraryQuery(
                        LibraryScope.ACTIVE, null, "flood", app.dispatch.domain.LibraryQuery.Sort.UPDATED, false);
                for (int i = 0; i < page.length; i++) {
                    long c1 = cpu(null);
                    long t1 = System.nanoTime();
                    lib.stories().count(app.dispatch.domain.LibraryQuery.NEWEST);
                    lib.stories().page(app.dispatch.domain.LibraryQuery.NEWEST, 200, 0);
                    page[i] = System.nanoTime() - t1;
                    pageCpu[i] = cpu(null) - c1;
                    c1 = cpu(null);
                    t1 = System.nanoTime();
                    lib.stories().count(typed);
                    lib.stories().page(i % 2 == 0 ? typed : byHeadline, 200, 0);
                    filtered[i] = System.nanoTime() - t1;
                    filteredCpu[i] = cpu(null) - c1;
                }
                out.printf("  library window, first page  %s%n", Benchmarks.stats(page));
                out.printf("    cpu only                  %s%n", Benchmarks.stats(pageCpu));
                out.printf("  typed filter or re-sort     %s%n", Benchmarks.stats(filtered));
                out.printf("    cpu only                  %s%n", Benchmarks.stats(filteredCpu));
                // the two halves of the row above apart, and the filter as it is typed (f, fl, flo …: the
                // first letter matches most of the library)
                long[][] typedOnly = timeLibrary(lib, List.of(typed), page.length);
                long[][] resort = timeLibrary(lib, List.of(byHeadline), page.length);
                List<app.dispatch.domain.LibraryQuery> keystrokes = new java.util.ArrayList<>();
                for (int k = 1; k <= "flood".length(); k++) {
                    keystrokes.add(new app.dispatch.domain.LibraryQuery(LibraryScope.ACTIVE, null, "flood".substring(0, k),
                            app.dispatch.domain.LibraryQuery.Sort.UPDATED, false));
                }
                long[][] typing = timeLibrary(lib, keystrokes, page.length);
                out.printf("  typed filter alone          %s%n", Benchmarks.stats(typedOnly[0]));
                out.printf("    cpu only                  %s%n", Benchmarks.stats(typedOnly[1]));
                out.printf("  re-sort by headline alone   %s%n", Benchmarks.stats(resort[0]));
                out.printf("    cpu only                  %s%n", Benchmarks.stats(resort[1]));
                out.printf("  typing f, fl … flood        %s%n", Benchmarks.stats(typing[0]));
                out.printf("    cpu only                  %s%n", Benchmarks.stats(typing[1]));
            }
        }
    }

    /** Wall and CPU times of count + first page (200 rows) of each query in turn, {@code rounds} times over. */
    private static long[][] timeLibrary(Library lib, List<app.dispatch.domain.LibraryQuery> queries, int rounds) {
        long[] wall = new long[rounds * queries.size()];
        long[] used = new long[wall.length];
        int i = 0;
        for (int r = 0; r < rounds; r++) {
            for (app.dispatch.domain.LibraryQuery q : queries) {
                long c1 = cpu(null);
                long t1 = System.nanoTime();
                lib.stories().count(q);
                lib.stories().page(q, 200, 0);
                wall[i] = System.nanoTime() - t1;
                used[i++] = cpu(null) - c1;
            }
        }
        return new long[][] {wall, used};
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * CPU time used so far by this thread and the library's db-writer thread: what a save or read
     * costs without the time spent waiting for the disk or for a free core (a loaded machine).
     */
    private static long cpu(Thread writer) {
        long mine = THREADS.getCurrentThreadCpuTime();
        return writer == null ? mine : mine + Math.max(0, THREADS.getThreadCpuTime(writer.getId()));
    }

    private static Thread writerThread() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("db-writer") && t.isAlive())
                .findFirst().orElse(null);
    }

    private static void fill(Library lib, int n) {
        Random rnd = new Random(42);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        StoryStore store = lib.stories().store();
        int batch = 5_000;
        for (int from = 0; from < n; from += batch) {
            List<Story> stories = new java.util.ArrayList<>();
            {
                for (int i = from; i < Math.min(n, from + batch); i++) {
                    Instant t = base.plusSeconds(i * 60L);
                    StoryContent content = new StoryContent("story-" + i, "Headline number " + i + " about " + WORDS[rnd.nextInt(WORDS.length)],
                            "A standfirst", List.of("Reporter " + (i % 17)), new Dateline("Kabul", LocalDate.of(2026, 1, 1)),
                            longBody(300 + rnd.nextInt(600), rnd), List.of("politics"), "World", "en", 5, null, "");
                    stories.add(new Story(UUID.randomUUID(), content, Status.values()[i % 6], t, t, null, false, null));
                }
            }
            store.insertAll(stories);
        }
    }

    static final String[] WORDS = ("election minister flood border court health water power market school village "
            + "report council river road hospital budget protest harvest drought ceasefire refugee vote parliament")
            .split(" ");

    static String longBody(int words, Random rnd) {
        StringBuilder sb = new StringBuilder("<p>");
        for (int i = 1; i <= words; i++) {
            sb.append(WORDS[rnd.nextInt(WORDS.length)]);
            if (i % 60 == 0) {
                sb.append(".</p><p>");
            } else {
                sb.append(i % 12 == 0 ? ". " : " ");
            }
        }
        return sb.append("</p>").toString();
    }
}
