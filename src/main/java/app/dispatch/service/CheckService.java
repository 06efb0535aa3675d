package app.dispatch.service;

import app.dispatch.check.BasicPreflight;
import app.dispatch.check.HouseStyle;
import app.dispatch.check.ParagraphChecker;
import app.dispatch.check.SpellingChecker;
import app.dispatch.domain.Finding;
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

    /** Every finding for the stored story: pre-flight first, then headline, standfirst and body checks. */
    public List<Finding> check(UUID storyId) {
        Story story = stories.get(storyId);
        return check(story.content());
    }

    public List<Finding> check(StoryContent c) {
        List<Finding> out = new ArrayList<>(preflight.check(c));
        List<Finding> unavailable = new ArrayList<>();
        for (String[] field : new String[][] {{"headline", c.headline()}, {"standfirst", c.standfirst()},
                {"body", BodyHtml.plainText(c.bodyHtml())}}) {
            for (Finding f : checkText(field[1], c.language(), field[0])) {
                if (f.ruleId().equals(SpellingChecker.UNAVAILABLE_RULE)) {
                    if (unavailable.isEmpty()) {
                        unavailable.add(f);
                    }
                } else {
                    out.add(f);
                }
            }
        }
        out.addAll(0, unavailable);
        return out;
    }

    /** House style plus spelling and grammar on one piece of text; positions in it. */
    public List<Finding> checkText(String text, String language, String field) {
        loadDictionary();
        List<Finding> out = new ArrayList<>(houseStyle().check(text, field));
        out.addAll(spelling.check(text, language, field));
        out.sort(Comparator.comparingInt(Finding::start).thenComparing(Finding::ruleId));
        return out;
    }

    /** Checks one open body again and again; only paragraphs changed since the last call are checked. Not thread-safe. */
    public interface IncrementalCheck {
        List<Finding> check(String plainText);

        int lastCheckedParagraphs();
    }

    /** An incremental checker for one open body: only changed paragraphs are checked again. */
    public IncrementalCheck paragraphChecker(String language) {
        ParagraphChecker pc = new ParagraphChecker(para -> checkText(para, language, "body"));
        return new IncrementalCheck() {
            @Override
            public List<Finding> check(String plainText) {
                return pc.check(plainText);
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
