package app.dispatch.service.bench;

import app.dispatch.domain.Attribution;
import app.dispatch.domain.Source;
import app.dispatch.domain.SourceField;
import app.dispatch.domain.SourceKind;
import app.dispatch.domain.Verification;
import app.dispatch.service.Library;
import app.dispatch.service.SourceVault;
import app.dispatch.store.SourceRow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/** bench sources: vault unlock (Argon2id), decrypt-and-list 1,000 confidential sources, search over 10,000 per keystroke. */
final class SourcesBench {
    private static final String[] FIRST = {"Amina", "Hamid", "Jan", "Sara", "Omar", "Leila", "Farid", "Nadia", "Yusuf", "Maryam"};
    private static final String[] LAST = {"Rahimi", "Karimi", "Berg", "Ahmadi", "Haidari", "Nazari", "Sultani", "Wardak", "Popal", "Noori"};
    private static final String[] ORGS = {"Ministry of Water", "Red Crescent", "City Council", "Central Bank", "University of Kabul",
            "Chamber of Commerce", "Health Ministry", "Police Headquarters", "Farmers Union", "Teachers Association"};
    private static final String[] ROLES = {"spokesperson", "director", "minister", "engineer", "doctor", "teacher", "analyst", "farmer"};

    private final Path dir;
    private final boolean quick;
    private final PrintWriter out;

    SourcesBench(Path dir, boolean quick, PrintWriter out) {
        this.dir = dir;
        this.quick = quick;
        this.out = out;
    }

    void run() {
        out.println("bench sources (" + (quick ? "quick" : "full") + ") in " + dir);
        char[] pass = "benchmark vault passphrase".toCharArray();
        try (Library lib = Library.open(dir.resolve("lib"))) {
            SourceVault vault = lib.sources().vault();
            long t0 = System.nanoTime();
            vault.create(pass);
            out.printf("create vault (%s)   %.0f ms%n", SourceVault.Kdf.DEFAULT.encode(), (System.nanoTime() - t0) / 1e6);
            long[] unlock = new long[quick ? 3 : 7];
            long[] unlockCpu = new long[unlock.length];
            for (int i = 0; i < unlock.length; i++) {
                vault.lock();
                long c1 = cpu();
                long t1 = System.nanoTime();
                vault.unlock(pass);
                unlock[i] = System.nanoTime() - t1;
                unlockCpu[i] = cpu() - c1;
            }
            out.println("unlock (key derivation)        " + Benchmarks.stats(unlock));
            out.println("  cpu time of this thread      " + Benchmarks.stats(unlockCpu));

            Random rnd = new Random(7);
            int confidential = 1_000;
            long t2 = System.nanoTime();
            for (int i = 0; i < confidential; i++) {
                lib.sources().add(Source.draft(name(rnd), SourceKind.PERSON, Attribution.DEEP_BACKGROUND)
                        .withConfidential(true, "Source " + i)
                        .withField(SourceField.PHONE, "+93 7" + (10_000_000 + rnd.nextInt(89_999_999)))
                        .withField(SourceField.EMAIL, "person" + i + "@example.org")
                        .withField(SourceField.NOTES, "met at the " + ORGS[rnd.nextInt(ORGS.length)] + ", reliable on budgets")
                        .withField(SourceField.ROLE, ROLES[rnd.nextInt(ROLES.length)]));
            }
            out.printf("add %,d confidential sources  %.1f s%n", confidential, (System.nanoTime() - t2) / 1e9);
            long[] list = new long[quick ? 5 : 20];
            long[] listCpu = new long[list.length];
            int rows = 0;
            for (int i = 0; i < list.length; i++) {
                long c3 = cpu();
                long t3 = System.nanoTime();
                rows = (int) lib.sources().list().stream().filter(s -> s.access() == Source.Access.UNLOCKED).count();
                list[i] = System.nanoTime() - t3;
                listCpu[i] = cpu() - c3;
            }
            out.println("decrypt+list " + String.format("%,d", rows) + " confidential " + Benchmarks.stats(list));
            out.println("  cpu time of this thread      " + Benchmarks.stats(listCpu));

            fillOpen(lib, 10_000 - confidential, rnd);
            int total = lib.sources().count();
            String typed = "ministry water spokes";
            List<Long> samples = new ArrayList<>();
            List<Long> cpuSamples = new ArrayList<>();
            int rounds = quick ? 3 : 10;
            for (int r = 0; r < rounds; r++) {
                for (int k = 1; k <= typed.length(); k++) {
                    String q = typed.substring(0, k);
                    long c4 = cpu();
                    long t4 = System.nanoTime();
                    lib.sources().search(q);
                    samples.add(System.nanoTime() - t4);
                    cpuSamples.add(cpu() - c4);
                }
                for (String q : new String[] {"s", "so", "sou", "sour", "source 4", "source 42"}) {
                    long c4 = cpu();
                    long t4 = System.nanoTime();
                    lib.sources().search(q);
                    samples.add(System.nanoTime() - t4);
                    cpuSamples.add(cpu() - c4);
                }
            }
            out.println("search " + String.format("%,d", total) + " sources/keystroke " + Benchmarks.stats(samples.stream().mapToLong(Long::longValue).toArray()));
            out.println("  cpu time of this thread      " + Benchmarks.stats(cpuSamples.stream().mapToLong(Long::longValue).toArray()));
            out.printf("(load average %.1f on %d cores: wall times include waiting for the CPU)%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            vault.lock();
        }
    }

    /** CPU time of this thread: the work itself, without time spent waiting for a busy machine. */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static String name(Random rnd) {
        return FIRST[rnd.nextInt(FIRST.length)] + " " + LAST[rnd.nextInt(LAST.length)];
    }

    private static void fillOpen(Library lib, int n, Random rnd) {
        Instant now = Instant.now();
        List<SourceRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<SourceField, String> clear = new EnumMap<>(SourceField.class);
            clear.put(SourceField.NAME, name(rnd) + " " + i);
            clear.put(SourceField.ORGANISATION, ORGS[rnd.nextInt(ORGS.length)]);
            clear.put(SourceField.ROLE, ROLES[rnd.nextInt(ROLES.length)]);
            clear.put(SourceField.EMAIL, "open" + i + "@example.org");
            rows.add(new SourceRow(UUID.randomUUID(), SourceKind.PERSON, Attribution.ON_THE_RECORD, false, "", clear, Map.of(),
                    Set.of(), Verification.NONE, now, now));
        }
        lib.sources().store().insertAll(rows);
    }
}
