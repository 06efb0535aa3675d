package app.dispatch.check;

import app.dispatch.domain.Finding;
import app.dispatch.domain.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.ResultCache;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;
import org.languagetool.rules.spelling.SpellingCheckRule;

/**
 * Spelling and grammar with LanguageTool, one instance per language, loaded on first use (call
 * {@link #warm} from a background thread). Refuses to run on the JavaFX application thread: loading
 * takes seconds and a check tens of milliseconds. Thread-safe; checks of one language run one at a time.
 */
public final class SpellingChecker {
    public static final String UNAVAILABLE_RULE = "spelling.unavailable";
    static final String FX_THREAD_NAME = "JavaFX Application Thread";

    /** Sentences whose results are kept: unchanged sentences are not analysed again on the next check. */
    static final long SENTENCE_CACHE = 20_000;

    private final Map<String, JLanguageTool> tools = new ConcurrentHashMap<>();
    private final Set<String> ignored = ConcurrentHashMap.newKeySet();

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

    /** Loads LanguageTool for this language and runs one check so that later checks are fast. Blocking. */
    public void warm(String language) {
        check("This is a warm-up sentence.", language);
    }

    public boolean isWarm(String language) {
        return tools.containsKey(toolCode(language));
    }

    /** Words never reported as misspelt again (ignored words and the personal dictionary). */
    public void ignoreWords(Collection<String> words) {
        List<String> clean = words.stream().map(String::strip).filter(w -> !w.isEmpty()).toList();
        ignored.addAll(clean);
        for (JLanguageTool tool : tools.values()) {
            synchronized (tool) {
                addIgnore(tool, clean);
            }
        }
    }

    public Set<String> ignoredWords() {
        return Set.copyOf(ignored);
    }

    /**
     * All spelling and grammar findings in {@code text}, positions in {@code text}. A language without
     * a LanguageTool module gives one INFO finding saying so. Blocking; never on the FX thread.
     */
    public List<Finding> check(String text, String language, String field) {
        if (Thread.currentThread().getName().equals(FX_THREAD_NAME)) {
            throw new IllegalStateException("LanguageTool must not run on the JavaFX application thread");
        }
        Optional<Language> lang = language(language);
        if (lang.isEmpty()) {
            return List.of(new Finding(UNAVAILABLE_RULE, Severity.INFO, unsupported(language).orElseThrow(), "story", 0, 0, ""));
        }
        if (text == null || text.isBlank()) {
            return List.of();
        }
        JLanguageTool tool = tools.computeIfAbsent(toolCode(language), code -> load(lang.get()));
        List<RuleMatch> matches;
        synchronized (tool) {
            try {
                matches = tool.check(text);
            } catch (IOException e) {
                throw new IllegalStateException("spelling check failed: " + e.getMessage(), e);
            }
        }
        List<Finding> out = new ArrayList<>(matches.size());
        for (RuleMatch m : matches) {
            int from = Math.max(0, Math.min(m.getFromPos(), text.length()));
            int to = Math.max(from, Math.min(m.getToPos(), text.length()));
            boolean spelling = m.getRule().isDictionaryBasedSpellingRule();
            if (ignored.contains(text.substring(from, to))) {
                continue;
            }
            List<String> suggestions = m.getSuggestedReplacements();
            String message = m.getMessage().replaceAll("</?suggestion>", "\"");
            out.add(new Finding((spelling ? "spelling." : "grammar.") + m.getRule().getId(),
                    spelling ? Severity.WARNING : Severity.INFO, message, field, from, to,
                    suggestions.isEmpty() ? "" : suggestions.get(0)));
        }
        return out;
    }

    public List<Finding> check(String text, String language) {
        return check(text, language, "body");
    }

    private JLanguageTool load(Language language) {
        JLanguageTool tool = new JLanguageTool(language, null, new ResultCache(SENTENCE_CACHE));
        addIgnore(tool, List.copyOf(ignored));
        return tool;
    }

    private static void addIgnore(JLanguageTool tool, List<String> words) {
        if (words.isEmpty()) {
            return;
        }
        for (Rule rule : tool.getAllActiveRules()) {
            if (rule instanceof SpellingCheckRule spelling) {
                spelling.addIgnoreTokens(words);
            }
        }
    }

}
