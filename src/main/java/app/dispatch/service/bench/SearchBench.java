package app.dispatch.service.bench;

import app.dispatch.domain.SearchFilter;
import app.dispatch.domain.SearchSort;
import app.dispatch.domain.Status;
import app.dispatch.service.Library;
import app.dispatch.service.LibraryGenerator;
import app.dispatch.service.SearchQuery;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bench search: builds a generated library (100,000 stories; 10,000 quick), then times each query
 * kind through SearchService and, beside it, the same logical query as one SQL statement through the
 * sqlite3 command line on the same file, so the ratio to the raw engine shows. "Same" means what
 * SearchStore asks: the FTS5 expression it runs, ranking only the newest 5,000 matches when more
 * match, the trash and the status filter, highlight and body snippet for the 20 hits of the page
 * only and the best-column snippet for those whose body did not match; for "newest first" the newest
 * 20 matching stories. (Until 0701 the sqlite3
 * rows ranked every match and built a snippet for each, which made common words look 15× faster
 * through Dispatch than through the engine.) Wall and CPU time are both printed: on a shared machine
 * wall time mostly measures the neighbours.
 */
final class SearchBench {
    private static final Pattern RUN_TIME = Pattern.compile("Run Time: real ([0-9.]+) user ([0-9.]+) sys ([0-9.]+)");

    private final Path dir;
    private final boolean quick;
    private final PrintWriter out;

    SearchBench(Path dir, boolean quick, PrintWriter out) {
        this.dir = dir;
        this.quick = quick;
        this.out = out;
    }

    private record Kind(String name, List<String> queries, boolean approvedOnly, SearchSort sort) {
    }

    void run() throws Exception {
        int n = quick ? 10_000 : 100_000;
        int rounds = quick ? 10 : 20;
        out.printf("bench search (%s): %,d generated stories in %s%n", quick ? "quick" : "full", n, dir);
        String reuse = System.getenv("DISPATCH_BENCH_SEARCH_LIBRARY");
        Path libDir = reuse == null || reuse.isBlank() ? dir.resolve("lib") : Path.of(reuse);
        List<Kind> kinds = List.of(
                new Kind("rare term", LibraryGenerator.rareWords(5), false, SearchSort.RELEVANCE),
                new Kind("common term", List.of("the", "of", "and", "said", "minister"), false, SearchSort.RELEVANCE),
                new Kind("two-term AND", List.of("minister election", "police border", "water health", "the said", "council budget"),
                        false, SearchSort.RELEVANCE),
                new Kind("prefix", List.of("elect*", "minist*", "refug*", "gover*", "parl*"), false, SearchSort.RELEVANCE),
                new Kind("phrase", LibraryGenerator.phrases().subList(0, 5).stream().map(p -> "\"" + p + "\"").toList(),
                        false, SearchSort.RELEVANCE),
                new Kind("status filter", List.of("minister", "the", "election", "water", LibraryGenerator.rareWords(1).get(0)),
                        true, SearchSort.RELEVANCE),
                new Kind("common, newest", List.of("the", "of", "and", "said", "minister"), false, SearchSort.NEWEST));
        List<String> rows = new ArrayList<>();
        List<List<String>> expressions = new ArrayList<>();
        try (Library lib = Library.open(libDir)) {
            int existing = lib.stories().store().count(app.dispatch.domain.LibraryScope.ALL);
            if (existing == 0) {
                long t0 = System.nanoTime();
                new LibraryGenerator(lib).generate(n, 1, done -> { });
                double build = (System.nanoTime() - t0) / 1e9;
                out.printf("library built in %.1f s (%,.0f stories/s), file %,d MB%n", build, n / build,
                        Files.size(lib.database().file()) >> 20);
            } else {
                out.printf("reusing the library in %s (%,d stories; DISPATCH_BENCH_SEARCH_LIBRARY)%n", libDir, existing);
            }
            out.flush();
            // Warm the JIT compiler on every kind first, as a running app is (the sqlite3 rows, native
            // code, drop their first pass too); without this the first kind timed ran half interpreted.
            for (int w = 0; w < 20; w++) {
                for (Kind k : kinds) {
                    SearchFilter f = k.approvedOnly ? SearchFilter.NONE.withStatuses(Set.of(Status.APPROVED)) : SearchFilter.NONE;
                    for (String q : k.queries) {
                        lib.search().search(q, f, k.sort, 20, 0);
                    }
                }
            }
            for (Kind k : kinds) {
                SearchFilter f = k.approvedOnly ? SearchFilter.NONE.withStatuses(Set.of(Status.APPROVED)) : SearchFilter.NONE;
                for (String q : k.queries) {
                    lib.search().search(q, f, k.sort, 20, 0);
                }
                long[] samples = new long[rounds * k.queries.size()];
                long[] cpu = new long[samples.length];
                int i = 0;
                int hits = 0;
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                for (int r = 0; r < rounds; r++) {
                    for (String q : k.queries) {
                        long c1 = threads.getCurrentThreadCpuTime();
                        long t1 = System.nanoTime();
                        hits += lib.search().search(q, f, k.sort, 20, 0).hits().size();
                        samples[i] = System.nanoTime() - t1;
                        cpu[i++] = threads.getCurrentThreadCpuTime() - c1;
                    }
                }
                rows.add(String.format(Locale.ROOT, "%-16s dispatch wall %s  (%d hits/query)%n%-16s          cpu  %s", k.name,
                        Benchmarks.stats(samples), hits / samples.length, "", Benchmarks.stats(cpu)));
                expressions.add(k.queries.stream().map(q -> lib.search().store().expanded(SearchQuery.parse(q).fts())).toList());
            }
            out.println(engines(lib));
        }
        Path db = libDir.resolve("dispatch.db");
        for (int k = 0; k < kinds.size(); k++) {
            String raw = sqlite3(db, kinds.get(k), expressions.get(k), Math.max(3, rounds / 4));
            out.println(rows.get(k));
            out.println(raw);
        }
    }

    /** The SQLite versions compared: the one inside sqlite-jdbc and the sqlite3 shell's. */
    private static String engines(Library lib) throws IOException, InterruptedException {
        String shell = "none";
        if (Files.isExecutable(Path.of("/usr/bin/sqlite3"))) {
            Process p = new ProcessBuilder("/usr/bin/sqlite3", "--version").redirectErrorStream(true).start();
            shell = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split(" ")[0];
            p.waitFor(1, TimeUnit.MINUTES);
        }
        return "SQLite " + lib.database().sqliteVersion() + " in Dispatch (sqlite-jdbc), " + shell + " in the sqlite3 shell";
    }

    /**
     * Times, in the sqlite3 shell (.timer), one statement per query doing what SearchStore does for it
     * ({@code fts}: the expressions it runs), or says why it could not.
     */
    private String sqlite3(Path db, Kind k, List<String> fts, int rounds) throws IOException, InterruptedException {
        Path exe = Path.of("/usr/bin/sqlite3");
        if (!Files.isExecutable(exe)) {
            return "(no /usr/bin/sqlite3)";
        }
        StringBuilder script = new StringBuilder(".timer on\n.output /dev/null\n");
        List<String> sql = new ArrayList<>();
        for (String expression : fts) {
            sql.add(sameQuery(expression.replace("'", "''"), k) + ";\n");
        }
        sql.forEach(script::append);
        for (int r = 0; r < rounds; r++) {
            sql.forEach(script::append);
        }
        Path file = Files.createTempFile(db.getParent(), "bench", ".sql");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(exe.toString(), db.toString()).redirectInput(file.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.MINUTES);
        Files.deleteIfExists(file);
        List<Long> times = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        Matcher m = RUN_TIME.matcher(output);
        while (m.find()) {
            times.add((long) (Double.parseDouble(m.group(1)) * 1e9));
            cpu.add((long) ((Double.parseDouble(m.group(2)) + Double.parseDouble(m.group(3))) * 1e9));
        }
        if (times.size() <= sql.size()) {
            return "(sqlite3 failed: " + output.lines().findFirst().orElse("no output") + ")";
        }
        long[] wall = times.subList(sql.size(), times.size()).stream().mapToLong(Long::longValue).toArray();
        long[] used = cpu.subList(sql.size(), cpu.size()).stream().mapToLong(Long::longValue).toArray();
        return String.format(Locale.ROOT, "%-16s sqlite3  wall %s%n%-16s          cpu  %s", "", Benchmarks.stats(wall), "",
                Benchmarks.stats(used));
    }

    /**
     * One statement with SearchStore's plan for a 20-hit page of {@code q} (an FTS5 expression, quotes
     * doubled). CROSS JOIN keeps the index as the outer loop, as SQLite 3.54 chooses for SearchStore's
     * statements: the shell's older planner would otherwise walk 20,000 approved stories and ask the
     * index about each (1.5 s).
     */
    static String sameQuery(String q, Kind k) {
        String filter = k.approvedOnly ? " AND s.status IN ('APPROVED')" : "";
        String page;
        if (k.sort == SearchSort.NEWEST) {
            page = "SELECT d.docid AS docid, 0 AS r FROM story s JOIN search_doc d ON d.story_id = s.id WHERE s.trashed_at IS NULL" + filter
                    + " AND EXISTS (SELECT 1 FROM story_fts WHERE story_fts MATCH '" + q + "' AND story_fts.rowid = d.docid)"
                    + " ORDER BY s.updated_at DESC, s.id LIMIT 20";
        } else {
            String bound = "(SELECT coalesce((SELECT rowid FROM story_fts WHERE story_fts MATCH '" + q + "' ORDER BY rowid DESC LIMIT 1 OFFSET "
                    + (app.dispatch.store.SearchStore.CANDIDATES - 1) + "), 0))";
            page = k.approvedOnly
                    ? "SELECT f.rowid AS docid, f.rank AS r, count(*) OVER () AS total FROM story_fts f CROSS JOIN search_doc d ON d.docid = f.rowid"
                    + " CROSS JOIN story s ON s.id = d.story_id WHERE f.story_fts MATCH '" + q + "' AND f.rowid >= " + bound
                    + " AND s.trashed_at IS NULL" + filter + " ORDER BY f.rank, f.rowid DESC LIMIT 20"
                    : "SELECT f.rowid AS docid, f.rank AS r, count(*) OVER () AS total FROM story_fts f WHERE f.story_fts MATCH '" + q
                    + "' AND f.rowid >= " + bound + " AND f.rowid NOT IN (SELECT d.docid FROM story s JOIN search_doc d ON d.story_id = s.id"
                    + " WHERE s.trashed_at > '') ORDER BY f.rank, f.rowid DESC LIMIT 20";
        }
        // the page's highlights and body snippets in one pass; the best-column snippet only for hits
        // whose body did not match, in a second pass
        String hits = "SELECT story_fts.rowid AS docid, s.id, s.slug, s.headline, s.status, s.section, s.bylines, s.language, s.updated_at,"
                + " highlight(story_fts, 0, '[', ']') AS hl, snippet(story_fts, 2, '[', ']', '…', 24) AS body"
                + " FROM story_fts CROSS JOIN search_doc d ON d.docid = story_fts.rowid CROSS JOIN story s ON s.id = d.story_id"
                + " WHERE story_fts MATCH '" + q + "' AND story_fts.rowid BETWEEN (SELECT min(docid) FROM page) AND (SELECT max(docid) FROM page)"
                + " AND +story_fts.rowid IN (SELECT docid FROM page)";
        String need = "(SELECT docid FROM hits WHERE instr(body, '[') = 0)";
        String best = "SELECT rowid AS docid, snippet(story_fts, -1, '[', ']', '…', 24) AS best FROM story_fts"
                + " WHERE story_fts MATCH '" + q + "' AND rowid BETWEEN (SELECT min(docid) FROM " + need + ") AND (SELECT max(docid) FROM "
                + need + ") AND +rowid IN " + need;
        return "WITH page AS MATERIALIZED (" + page + "), hits AS MATERIALIZED (" + hits + "), best AS MATERIALIZED (" + best + ")"
                + " SELECT hits.*, best.best FROM hits LEFT JOIN best ON best.docid = hits.docid"
                + " ORDER BY (SELECT r FROM page WHERE page.docid = hits.docid)";
    }
}
