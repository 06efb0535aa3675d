package app.dispatch.check;

import app.dispatch.domain.Severity;
import java.util.List;
import java.util.Map;

/**
 * One rule of a newsroom's house style, as read from its rule file (docs/house-style.md).
 * {@code type} is one of {@link #TYPES}; which of {@code words}, {@code phrases}, {@code pattern}
 * a rule uses depends on it. {@code why} is shown to the writer with every finding.
 */
public record HouseStyleRule(
        String id,
        String type,
        Severity severity,
        String why,
        Map<String, String> words,
        List<String> phrases,
        String pattern,
        String suggest,
        int max) {

    public static final List<String> TYPES = List.of("prefer", "avoid", "pattern", "spell-out-numbers");

    public HouseStyleRule {
        words = words == null ? Map.of() : Map.copyOf(words);
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
        pattern = pattern == null ? "" : pattern;
        suggest = suggest == null ? "" : suggest;
        why = why == null ? "" : why;
    }
}
