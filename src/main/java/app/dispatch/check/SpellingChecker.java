package app.dispatch.check;

import app.dispatch.domain.Finding;
import app.dispatch.domain.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.ResultCache;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;
import org.languagetool.rules.spelling.SpellingCheckRule;

/**
 * Spelling and grammar with LanguageTool, loaded per language on first use (call {@link #warm} from a
 * background thread). Refuses to run on the JavaFX application thread: loading takes seconds and a
 * check tens of milliseconds. Thread-safe.
 *
 * <p>Each language has a small pool of {@code JLanguageTool} instances, one per check thread
 * ({@link #DEFAULT_THREADS}: one per core, at most two; system property {@value #THREADS_PROPERTY}).
 * They share LanguageTool's pattern rules, dictionaries and one sentence cache, so a second instance costs
 * about 3 MB and a tenth of a second. {@link #checkAll} checks many texts (the paragraphs of a story) in
 * as few LanguageTool calls as there are threads: the calling thread takes the first batch, helpers the rest.
 */
public final class SpellingChecker {
    public static final String UNAVAILABLE_RULE = "spelling.unavailable";
    static final String FX_THREAD_NAME = "JavaFX Application Thread";
    public static final String THREADS_PROPERTY = "dispatch.check.threads";
    /** The most instances (and threads) per language: beyond two the memory buys little on a laptop. */
    static final int MAX_THREADS = 2;

    /** Between texts checked in one call: LanguageTool ends a paragraph (and its sentence) at a blank line. */
    static final String PARAGRAPH_BREAK = "\n\n";

    /** Sentences whose results are kept: unchanged sentences are not analysed again on the next check. */
    static final long SENTENCE_CACHE = 20_000;

    /**
     * Threads a check uses unless told otherwise: one per core, at most {@link #MAX_THREADS}. Only a check of
     * many paragraphs (a story not seen before) uses the second; the editor's re-check of one paragraph runs
     * on the calling thread alone. Measured in decision 0604: on two cores at load 1.5, 229 ms instead of
     * 417 ms for 2,000 new words; at load 4 and more the second thread gains little.
     */
    static final int DEFAULT_THREADS = Math.max(1, Math.min(MAX_THREADS,
            Integer.getInteger(THREADS_PROPERTY, Runtime.getRuntime().availableProcessors())));

    /** Helper threads for {@link #checkAll}; the calling thread is the first worker. Daemon: never hold up exit. */
    private static final ExecutorService HELPERS = Executors.newFixedThreadPool(MAX_THREADS - 1, r -> {
        Thread t = new Thread(r, "dispatch-check-helper");
        t.setDaemon(true);
        return t;
    });

    private final Map<String, Pool> pools = new ConcurrentHashMap<>();
    private volatile int threads = DEFAULT_THREADS;
    private final Set<String> ignored = ConcurrentHashMap.newKeySet();
    /** Ignored words in the order added; a tool has applied the first {@code applied} of them. */
    private final List<String> ignoreLog = new CopyOnWriteArrayList<>();

    /** One LanguageTool instance and how many ignored words it has been told about. */
    private static final class Tool {
        final JLanguageTool lt;
        /**
         * Ids of the dictionary-based spelling rules. A match served from LanguageTool's sentence cache carries
         * a stand-in rule ({@code RuleData}) that does not say it is a spelling rule: the id does.
         */
        final Set<String> spellingRules;
        int applied;

        Tool(JLanguageTool lt) {
            this.lt = lt;
            this.spellingRules = lt.getAllRules().stream().filter(Rule::isDictionaryBasedSpellingRule).map(Rule::getId)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
    }

    /** The instances of one language; each is used by one thread at a time. */
    private final class Pool {
        private final Language language;
        private final ResultCache cache = new ResultCache(SENTENCE_CACHE);
        private final BlockingQueue<Tool> idle = new LinkedBlockingQueue<>();
        private final AtomicInteger created = new AtomicInteger();

        Pool(Language language) {
            this.language = language;
        }

        /** An idle instance, a new one while fewer than the pool size exist, else waits for one. */
        Tool take() {
            Tool t = tryTake();
            if (t != null) {
                return t;
            }
            try {
                return prepare(idle.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("spelling check interrupted", e);
            }
        }

        /** An idle or new instance, or null when all are busy. */
        Tool tryTake() {
            Tool t = idle.poll();
            if (t != null) {
                return prepare(t);
            }
            while (true) {
                int n = created.get();
                if (n >= threads) {
                    return null;
                }
                if (created.compareAndSet(n, n + 1)) {
                    try {
                        return prepare(new Tool(load(language, cache)));
                    } catch (RuntimeException | Error e) {
                        created.decrementAndGet();
                        throw e;
                    }
                }
            }
        }

        void give(Tool t) {
            idle.add(t);
        }

        int size() {
            return created.get();
        }
    }

    /** The LanguageTool code for a story language: "en" means en-US; "en-GB" stays British. */
    static String toolCode(String language) {
        String tag = language == null || language.isBlank() ? "en" : language.strip();
        if (tag.equalsIgnoreCase("en")) {
            return "en-US";
        }
        return tag;
    }

    /** Empty when this language can be checked; otherwise the message to show ("no spelling check for xx"). */
    public Optional<String> unsupported(String language) {
        return language(language).isPresent() ? Optional.empty()
                : Optional.of("no spelling check for " + (language == null || language.isBlank() ? "en" : language.strip()));
    }

    private static Optional<Language> language(String language) {
        String code = toolCode(language);
        try {
            if (!Languages.isLanguageSupported(code)) {
                return Optional.empty();
            }
            return Optional.of(Languages.getLanguageForShortCode(code));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Loads LanguageTool for this language (every instance of the pool) and runs a check on each. Blocking. */
    public void warm(String language) {
        check("This is a warm-up sentence.", language);
        checkAll(List.of("The river rose overnight.", "Officials said the dams had held."), language, "body");
    }

    public boolean isWarm(String language) {
        Pool p = pools.get(toolCode(language));
        return p != null && p.size() > 0;
    }

    /** How many LanguageTool instances may check at the same time (the pool size per language). */
    public int threads() {
        return threads;
    }

    /** Limits the threads (and instances) a check may use, 1 to the pool's maximum; instances already loaded stay. */
    public void setThreads(int n) {
        threads = Math.max(1, Math.min(MAX_THREADS, n));
    }

    /** How many LanguageTool instances this language has loaded so far. */
    public int loadedInstances(String language) {
        Pool p = pools.get(toolCode(language));
        return p == null ? 0 : p.size();
    }

    /** Words never reported as misspelt again (ignored words and the personal dictionary). */
    public void ignoreWords(Collection<String> words) {
        for (String w : words) {
            String clean = w.strip();
            if (!clean.isEmpty() && ignored.add(clean)) {
                ignoreLog.add(clean);
            }
        }
    }

    public Set<String> ignoredWords() {
        return Set.copyOf(ignored);
    }

    /** Whether findings on exactly this text are left out (an ignored word or one in the dictionary). */
    public boolean isIgnored(String word) {
        return ignored.contains(word);
    }

    /**
     * All spelling and grammar findings in {@code text}, positions in {@code text}. A language without
     * a LanguageTool module gives one INFO finding saying so. Blocking; never on the FX thread.
     */
    public List<Finding> check(String text, String language, String field) {
        return checkAll(List.of(text == null ? "" : text), language, field).get(0);
    }

    public List<Finding> check(String text, String language) {
        return check(text, language, "body");
    }

    /**
     * {@link #check} for each of {@code texts} (positions in each text), spread over the pool's
     * instances: the calling thread checks too, so this never waits for a free helper. Blocking.
     */
    public List<List<Finding>> checkAll(List<String> texts, String language, String field) {
        if (Thread.currentThread().getName().equals(FX_THREAD_NAME)) {
            throw new IllegalStateException("LanguageTool must not run on the JavaFX application thread");
        }
        Optional<Language> lang = language(language);
        if (lang.isEmpty()) {
            Finding none = new Finding(UNAVAILABLE_RULE, Severity.INFO, unsupported(language).orElseThrow(), "story", 0, 0, "");
            return texts.stream().map(t -> List.of(none)).toList();
        }
        @SuppressWarnings("unchecked")
        List<Finding>[] results = new List[texts.size()];
        Arrays.fill(results, List.of());
        List<Integer> work = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i) != null && !texts.get(i).isBlank()) {
                work.add(i);
            }
        }
        if (work.isEmpty()) {
            return Arrays.asList(results);
        }
        Pool pool = pools.computeIfAbsent(toolCode(language), code -> new Pool(lang.get()));
        int workers = pool.size() == 0 ? 1 : Math.min(threads, work.size());
        List<List<Integer>> batches = batches(texts, work, workers);
        AtomicInteger next = new AtomicInteger();
        // a helper still queued when the caller has taken every batch is abandoned, never waited for
        List<Future<?>> helpers = new ArrayList<>();
        List<AtomicInteger> states = new ArrayList<>(); // 0 queued, 1 running, 2 abandoned
        for (int h = 1; h < batches.size(); h++) {
            AtomicInteger state = new AtomicInteger();
            states.add(state);
            helpers.add(HELPERS.submit(() -> {
                if (!state.compareAndSet(0, 1)) {
                    return;
                }
                Tool t = pool.tryTake();
                if (t != null) {
                    runWorker(pool, t, texts, batches, next, results, field);
                }
            }));
        }
        runWorker(pool, pool.take(), texts, batches, next, results, field);
        for (int h = 0; h < helpers.size(); h++) {
            if (states.get(h).compareAndSet(0, 2)) {
                continue;
            }
            try {
                helpers.get(h).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("spelling check interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("spelling check failed: " + cause, cause);
            }
        }
        return Arrays.asList(results);
    }

    /** Splits the texts to check into {@code n} runs of neighbouring texts of about the same length. */
    private static List<List<Integer>> batches(List<String> texts, List<Integer> work, int n) {
        long total = 0;
        for (int i : work) {
            total += texts.get(i).length();
        }
        List<List<Integer>> out = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        long filled = 0;
        for (int i : work) {
            current.add(i);
            filled += texts.get(i).length();
            if (out.size() < n - 1 && filled * n >= total * (out.size() + 1)) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private void runWorker(Pool pool, Tool tool, List<String> texts, List<List<Integer>> batches, AtomicInteger next,
            List<Finding>[] results, String field) {
        try {
            for (int b; (b = next.getAndIncrement()) < batches.size(); ) {
                checkBatch(tool, texts, batches.get(b), results, field);
            }
        } finally {
            pool.give(tool);
        }
    }

    /**
     * Checks several texts in one LanguageTool call, joined as paragraphs (a blank line between them, so
     * no sentence runs from one into the next), and hands each its findings at positions in itself. One call
     * instead of one per paragraph saves LanguageTool's fixed cost per check.
     */
    private void checkBatch(Tool tool, List<String> texts, List<Integer> batch, List<Finding>[] results, String field) {
        StringBuilder joined = new StringBuilder();
        int[] starts = new int[batch.size()];
        for (int k = 0; k < batch.size(); k++) {
            if (k > 0) {
                joined.append(PARAGRAPH_BREAK);
            }
            starts[k] = joined.length();
            joined.append(texts.get(batch.get(k)));
        }
        List<RuleMatch> matches;
        try {
            matches = tool.lt.check(joined.toString());
        } catch (IOException e) {
            throw new IllegalStateException("spelling check failed: " + e.getMessage(), e);
        }
        @SuppressWarnings("unchecked")
        List<Finding>[] found = new List[batch.size()];
        for (int k = 0; k < found.length; k++) {
            found[k] = new ArrayList<>();
        }
        for (RuleMatch m : matches) {
            int k = Arrays.binarySearch(starts, m.getFromPos());
            k = k >= 0 ? k : -k - 2;
            k = Math.max(0, k);
            String text = texts.get(batch.get(k));
            int from = Math.max(0, Math.min(m.getFromPos() - starts[k], text.length()));
            int to = Math.max(from, Math.min(m.getToPos() - starts[k], text.length()));
            if (ignored.contains(text.substring(from, to))) {
                continue;
            }
            boolean spelling = m.getRule().isDictionaryBasedSpellingRule() || tool.spellingRules.contains(m.getRule().getId());
            List<String> suggestions = m.getSuggestedReplacements();
            String message = m.getMessage().replaceAll("</?suggestion>", "\"");
            found[k].add(new Finding((spelling ? "spelling." : "grammar.") + m.getRule().getId(),
                    spelling ? Severity.WARNING : Severity.INFO, message, field, from, to,
                    suggestions.isEmpty() ? "" : suggestions.get(0)));
        }
        for (int k = 0; k < found.length; k++) {
            results[batch.get(k)] = found[k];
        }
    }

    /** Tells the instance about words ignored since it last checked; runs on the thread that holds it. */
    private Tool prepare(Tool t) {
        int known = ignoreLog.size();
        if (t.applied < known) {
            List<String> fresh = List.copyOf(ignoreLog.subList(t.applied, known));
            for (Rule rule : t.lt.getAllActiveRules()) {
                if (rule instanceof SpellingCheckRule spelling) {
                    spelling.addIgnoreTokens(fresh);
                }
            }
            t.applied = known;
        }
        return t;
    }

    private static JLanguageTool load(Language language, ResultCache cache) {
        if (language.getShortCode().equals("en")) {
            ChunkerBeam.install();
        }
        return new JLanguageTool(language, null, cache);
    }

    /** Whether English chunking runs with the narrower beam (decision 0604); false means LanguageTool's default. */
    public static boolean narrowChunkerBeam() {
        return ChunkerBeam.installed() && ChunkerBeam.currentBeam() == ChunkerBeam.BEAM;
    }
}
