package app.dispatch.service;

import app.dispatch.check.BasicPreflight;
import app.dispatch.check.HouseStyle;
import app.dispatch.check.ParagraphChecker;
import app.dispatch.check.SpellingChecker;
import app.dispatch.domain.Finding;
import app.dispatch.domain.Severity;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.pack.HouseStyleRulesReader;
import app.dispatch.store.SettingsStore;
import app.dispatch.text.BodyHtml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * All offline checks of a story: pre-flight, house style, spelling and grammar. LanguageTool is
 * loaded once per language; call {@link #warmUpAsync} at start so the first check does not wait.
 * Blocking: never call on the FX thread.
 */
public final class CheckService {
    public static final String HOUSE_STYLE_SETTING = "check.houseStyleFile";
    public static final String DICTIONARY_SETTING = "check.dictionary";
    public static final String HOUSE_STYLE_FILE = "house-style.json";

    private final StoryService stories;
    private final SettingsStore settings;
    private final Path dataDir;
    private final BasicPreflight preflight;
    private final SpellingChecker spelling = new SpellingChecker();
    private volatile HouseStyle houseStyle;
    private volatile boolean dictionaryLoaded;
    private final ParagraphCache paragraphs = new ParagraphCache(PARAGRAPH_CACHE);

    /** Paragraphs whose findings are kept (about 2 KB each): a full check after an edit checks only what changed. */
    static final int PARAGRAPH_CACHE = 5_000;

    public CheckService(StoryService stories, SettingsStore settings, Path dataDir, BasicPreflight preflight) {
        this.stories = stories;
        this.settings = settings;
        this.dataDir = dataDir;
        this.preflight = preflight;
    }

    public BasicPreflight preflight() {
        return preflight;
    }

    /** The house style in use: the file named in settings, else {@code <dataDir>/house-style.json}, else the default set. */
    public HouseStyle houseStyle() {
        HouseStyle h = houseStyle;
        if (h == null) {
            h = loadHouseStyle();
            houseStyle = h;
        }
        return h;
    }

    /** Where the house style comes from, for display ("default" for the built-in set). */
    public String houseStyleSource() {
        return houseStyleFile().map(Path::toString).orElse("default");
    }

    private java.util.Optional<Path> houseStyleFile() {
        java.util.Optional<String> set = settings.get(HOUSE_STYLE_SETTING).filter(s -> !s.isBlank());
        if (set.isPresent()) {
            return java.util.Optional.of(Path.of(set.get()));
        }
        Path local = dataDir.resolve(HOUSE_STYLE_FILE);
        return Files.isRegularFile(local) ? java.util.Optional.of(local) : java.util.Optional.empty();
    }

    private HouseStyle loadHouseStyle() {
        return houseStyleFile().map(HouseStyleRulesReader::read).orElseGet(HouseStyleRulesReader::defaults);
    }

    /** Reads the rule file again (after a newsroom replaced it). */
    public HouseStyle reloadHouseStyle() {
        houseStyle = loadHouseStyle();
        return houseStyle;
    }

    /** Loads LanguageTool for {@code language} on {@code background}; completes when warm. */
    public CompletableFuture<Void> warmUpAsync(String language, Executor background) {
        return CompletableFuture.runAsync(() -> {
            loadDictionary();
            spelling.warm(language);
        }, background);
    }

    public boolean isWarm(String language) {
        return spelling.isWarm(language);
    }

    /** How many threads a full check spreads its paragraphs over (one per core, at most two). */
    public int checkThreads() {
        return spelling.threads();
    }

    /** Uses at most {@code n} threads for a full check from now on (1 = the calling thread only). */
    public void setCheckThreads(int n) {
        spelling.setThreads(n);
    }

    /** How many LanguageTool instances are loaded for {@code language} (one per check thread used so far). */
    public int loadedCheckers(String language) {
        return spelling.loadedInstances(language);
    }

    /** Every finding for the stored story: pre-flight first, then headline, standfirst and body checks. */
    public List<Finding> check(UUID storyId) {
        Story story = stories.get(storyId);
        return check(story.content());
    }

    public List<Finding> check(StoryContent c) {
        loadDictionary();
        String language = c.language();
        List<Finding> out = new ArrayList<>();
        spelling.unsupported(language).ifPresent(message ->
                out.add(new Finding(SpellingChecker.UNAVAILABLE_RULE, Severity.INFO, message, "story", 0, 0, "")));
        out.addAll(preflight.check(c));
        // headline, standfirst and every body paragraph are checked on their own (as the editor's live check
        // does), the ones not in the paragraph cache spread over LanguageTool's pool
        List<String[]> pieces = new ArrayList<>();
        pieces.add(new String[] {"headline", c.headline(), "0"});
        pieces.add(new String[] {"standfirst", c.standfirst(), "0"});
        String body = BodyHtml.plainText(c.bodyHtml());
        int offset = 0;
        for (String para : body.split("\n", -1)) {
            pieces.add(new String[] {"body", para, Integer.toString(offset)});
            offset += para.length() + 1;
        }
        List<List<Finding>> found = checkPieces(pieces.stream().map(p -> p[1]).toList(), language);
        for (int i = 0; i < pieces.size(); i++) {
            String[] p = pieces.get(i);
            int at = Integer.parseInt(p[2]);
            for (Finding f : found.get(i)) {
                out.add(new Finding(f.ruleId(), f.severity(), f.message(), p[0], f.start() + at, f.end() + at, f.suggestion()));
            }
        }
        return out;
    }

    /**
     * House style plus spelling and grammar for each text (field "body", positions in the text, sorted),
     * from the paragraph cache where possible; words ignored since are left out. Blocking.
     */
    private List<List<Finding>> checkPieces(List<String> texts, String language) {
        String lang = language == null ? "" : language;
        HouseStyle style = houseStyle();
        boolean lt = spelling.unsupported(language).isEmpty();
        List<List<Finding>> out = new ArrayList<>(texts.size());
        List<Integer> missing = new ArrayList<>();
        List<String> missingTexts = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i) == null ? "" : texts.get(i);
            List<Finding> cached = text.isBlank() ? List.of() : paragraphs.get(lang, text, style);
            out.add(cached);
            if (cached == null) {
                missing.add(i);
                missingTexts.add(text);
            }
        }
        if (!missing.isEmpty()) {
            List<List<Finding>> checked = lt ? spelling.checkAll(missingTexts, language, "body") : null;
            for (int k = 0; k < missing.size(); k++) {
                String text = missingTexts.get(k);
                List<Finding> all = new ArrayList<>(style.check(text, "body"));
                if (checked != null) {
                    all.addAll(checked.get(k));
                }
                all.sort(Comparator.comparingInt(Finding::start).thenComparing(Finding::ruleId));
                List<Finding> result = List.copyOf(all);
                paragraphs.put(lang, text, style, result);
                out.set(missing.get(k), result);
            }
        }
        for (int i = 0; i < out.size(); i++) {
            out.set(i, withoutIgnored(out.get(i), texts.get(i)));
        }
        return out;
    }

    /** Findings on a word ignored (or added to the dictionary) after they were cached are left out. */
    private List<Finding> withoutIgnored(List<Finding> found, String text) {
        if (found.isEmpty() || spelling.ignoredWords().isEmpty()) {
            return found;
        }
        List<Finding> kept = new ArrayList<>(found.size());
        for (Finding f : found) {
            boolean lt = f.ruleId().startsWith("spelling.") || f.ruleId().startsWith("grammar.");
            if (lt && f.end() <= text.length() && spelling.isIgnored(text.substring(f.start(), f.end()))) {
                continue;
            }
            kept.add(f);
        }
        return kept;
    }

    /** Checks one open body again and again; only paragraphs changed since the last call are checked. Not thread-safe. */
    public interface IncrementalCheck {
        List<Finding> check(String plainText);

        int lastCheckedParagraphs();
    }

    /**
     * An incremental checker for one open body: only changed paragraphs are checked again, and a paragraph
     * already checked anywhere (a full check, another editor) comes from the shared paragraph cache.
     */
    public IncrementalCheck paragraphChecker(String language) {
        ParagraphChecker pc = new ParagraphChecker(paras -> {
            loadDictionary();
            return checkPieces(paras, language);
        });
        return new IncrementalCheck() {
            @Override
            public List<Finding> check(String plainText) {
                // the paragraph checker keeps its own results: leave out words ignored since
                return withoutIgnored(pc.check(plainText), plainText);
            }

            @Override
            public int lastCheckedParagraphs() {
                return pc.lastCheckedParagraphs();
            }
        };
    }

    /** Ignores a word for the rest of this session. */
    public void ignore(String word) {
        spelling.ignoreWords(List.of(word));
    }

    /** Adds a word to the personal dictionary (kept in settings) and stops reporting it. */
    public void addToDictionary(String word) {
        Set<String> words = new LinkedHashSet<>(dictionary());
        if (words.add(word.strip())) {
            settings.put(DICTIONARY_SETTING, String.join("\n", words));
        }
        spelling.ignoreWords(List.of(word));
    }

    public List<String> dictionary() {
        return settings.get(DICTIONARY_SETTING).map(s -> Arrays.stream(s.split("\n")).filter(w -> !w.isBlank()).toList())
                .orElse(List.of());
    }

    private void loadDictionary() {
        if (!dictionaryLoaded) {
            spelling.ignoreWords(dictionary());
            dictionaryLoaded = true;
        }
    }
}
