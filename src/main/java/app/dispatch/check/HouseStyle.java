package app.dispatch.check;

import app.dispatch.domain.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A compiled set of house-style rules. Pure and thread-safe: checking is regular expressions over
 * plain text, fast enough for every keystroke's paragraph.
 */
public final class HouseStyle {
    private static final String[] NUMBER_WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};

    private record Compiled(HouseStyleRule rule, Pattern pattern, Map<String, String> replacements) {
    }

    private final String name;
    private final List<HouseStyleRule> rules;
    private final List<Compiled> compiled = new ArrayList<>();

    /** Compiles the rules; a bad rule fails with a message naming it. */
    public HouseStyle(String name, List<HouseStyleRule> rules) {
        this.name = name == null ? "" : name;
        this.rules = List.copyOf(rules);
        for (HouseStyleRule r : this.rules) {
            compiled.add(compile(r));
        }
    }

    public String name() {
        return name;
    }

    public List<HouseStyleRule> rules() {
        return rules;
    }

    private static Compiled compile(HouseStyleRule r) {
        try {
            return switch (r.type()) {
                case "prefer" -> {
                    if (r.words().isEmpty()) {
                        throw new IllegalArgumentException("house-style rule " + r.id() + " (prefer) needs \"words\"");
                    }
                    Map<String, String> lower = new LinkedHashMap<>();
                    r.words().forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
                    yield new Compiled(r, alternation(r.words().keySet()), lower);
                }
                case "avoid" -> {
                    if (r.phrases().isEmpty()) {
                        throw new IllegalArgumentException("house-style rule " + r.id() + " (avoid) needs \"phrases\"");
                    }
                    yield new Compiled(r, alternation(r.phrases()), Map.of());
                }
                case "pattern" -> {
                    if (r.pattern().isEmpty()) {
                        throw new IllegalArgumentException("house-style rule " + r.id() + " (pattern) needs \"pattern\"");
                    }
                    yield new Compiled(r, Pattern.compile(r.pattern(), Pattern.UNICODE_CHARACTER_CLASS), Map.of());
                }
                case "spell-out-numbers" -> {
                    int max = r.max() <= 0 ? 9 : Math.min(r.max(), NUMBER_WORDS.length - 1);
                    // a bare whole number not part of a decimal, time, date, range, percentage or unit like "5kg"
                    String digits = max < 10 ? "[0-" + max + "]" : "1?[0-9]";
                    yield new Compiled(r, Pattern.compile("(?<![\\p{L}\\p{N}.,:/–-])(" + digits
                            + ")(?![\\p{L}\\p{N}%]|[.,:/–-]\\p{N}|\\s*(?:%|per ?cent|percent)\\b)", Pattern.UNICODE_CHARACTER_CLASS),
                            Map.of("max", Integer.toString(max)));
                }
                default -> throw new IllegalArgumentException("house-style rule " + r.id() + " has unknown type \"" + r.type()
                        + "\" (known: " + String.join(", ", HouseStyleRule.TYPES) + ")");
            };
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("house-style rule " + r.id() + " has a bad pattern: " + e.getDescription(), e);
        }
    }

    private static Pattern alternation(Iterable<String> words) {
        List<String> sorted = new ArrayList<>();
        words.forEach(sorted::add);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder sb = new StringBuilder("(?<![\\p{L}\\p{N}])(?:");
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                sb.append('|');
            }
            sb.append(Pattern.quote(sorted.get(i).strip()).replace(" ", "\\E\\s+\\Q"));
        }
        return Pattern.compile(sb.append(")(?![\\p{L}\\p{N}])").toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Every house-style finding in {@code text} (positions in it), in text order. */
    public List<Finding> check(String text, String field) {
        List<Finding> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (Compiled c : compiled) {
            HouseStyleRule r = c.rule();
            Matcher m = c.pattern().matcher(text);
            while (m.find()) {
                String found = m.group();
                String suggestion;
                String message;
                switch (r.type()) {
                    case "prefer" -> {
                        String wanted = c.replacements().getOrDefault(found.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "), "");
                        suggestion = matchCase(found, wanted);
                        message = "write \"" + suggestion + "\", not \"" + found + "\": " + r.why();
                    }
                    case "avoid" -> {
                        suggestion = r.suggest();
                        message = "avoid \"" + found + "\": " + r.why();
                    }
                    case "spell-out-numbers" -> {
                        suggestion = NUMBER_WORDS[Integer.parseInt(m.group(1))];
                        if (m.start() == 0 || text.substring(0, m.start()).matches("(?s).*[.!?]\\s+$")) {
                            suggestion = matchCase("X", suggestion);
                        }
                        message = "spell out \"" + found + "\" as \"" + suggestion + "\": " + r.why();
                    }
                    default -> {
                        suggestion = r.suggest().isEmpty() ? "" : safeReplace(m, r.suggest());
                        message = r.why();
                    }
                }
                out.add(new Finding("style." + r.id(), r.severity(), message, field, m.start(), m.end(), suggestion));
            }
        }
        out.sort(Comparator.comparingInt(Finding::start).thenComparing(Finding::ruleId));
        return out;
    }

    /** Fills $1..$9 in the suggestion template from the match's groups. */
    private static String safeReplace(Matcher m, String template) {
        Matcher refs = Pattern.compile("\\$(\\d)").matcher(template);
        StringBuilder sb = new StringBuilder();
        while (refs.find()) {
            int g = Integer.parseInt(refs.group(1));
            String value = g <= m.groupCount() && m.group(g) != null ? m.group(g) : "";
            refs.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        refs.appendTail(sb);
        return sb.toString();
    }

    /** Gives {@code wanted} the capitalisation of {@code found} (first letter upper, or all upper). */
    static String matchCase(String found, String wanted) {
        if (wanted.isEmpty() || found.isEmpty()) {
            return wanted;
        }
        if (found.length() > 1 && found.equals(found.toUpperCase(Locale.ROOT)) && !found.equals(found.toLowerCase(Locale.ROOT))) {
            return wanted.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(found.codePointAt(0))) {
            return wanted.substring(0, 1).toUpperCase(Locale.ROOT) + wanted.substring(1);
        }
        return wanted;
    }
}
