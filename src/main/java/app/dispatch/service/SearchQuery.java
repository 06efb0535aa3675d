package app.dispatch.service;

import app.dispatch.domain.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns what a user types into a safe FTS5 expression. Every word is quoted, so nothing the user
 * types is FTS5 syntax: words, {@code elect*} prefixes, "phrases", {@code -word} to exclude,
 * {@code OR} between words, and field filters {@code headline:} {@code tag:} {@code by:}
 * {@code section:} {@code status:}. Anything else is a literal word; pieces with no letter or digit are dropped.
 */
public record SearchQuery(String fts, String section, Status status, boolean onlyExclusions) {
    /** Input beyond this many characters is ignored. */
    public static final int MAX_INPUT = 4_000;
    /** At most this many words or phrases are used (a pasted paragraph still finds its story). */
    public static final int MAX_CLAUSES = 32;
    /** Prefixes shorter than this are searched as whole words (one-letter prefixes match half the index). */
    public static final int MIN_PREFIX = 2;

    public boolean hasText() {
        return fts != null && !fts.isEmpty();
    }

    public static SearchQuery parse(String input) {
        String text = clean(input);
        List<List<String>> positives = new ArrayList<>();
        List<String> negatives = new ArrayList<>();
        String section = null;
        Status status = null;
        boolean pendingOr = false;
        int i = 0;
        int n = text.length();
        while (i < n && positives.size() + negatives.size() < MAX_CLAUSES) {
            char ch = text.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
                continue;
            }
            boolean exclude = false;
            if (ch == '-' && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
                exclude = true;
                i++;
            }
            String field = null;
            int colon = fieldEnd(text, i);
            if (colon > 0) {
                field = text.substring(i, colon).toLowerCase(Locale.ROOT);
                i = colon + 1;
            }
            String value;
            boolean phrase = false;
            if (i < n && text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                int end = close < 0 ? n : close;
                value = text.substring(i + 1, end);
                i = close < 0 ? n : close + 1;
                phrase = true;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                value = text.substring(i, end);
                i = end;
            }
            if (!phrase && field == null && !exclude && value.equals("OR")) {
                pendingOr = !positives.isEmpty();
                continue;
            }
            if ("section".equals(field)) {
                section = value.isBlank() ? section : value.strip();
                pendingOr = false;
                continue;
            }
            if ("status".equals(field)) {
                Optional<Status> s = Status.fromCliName(value);
                if (s.isPresent()) {
                    status = s.get();
                    pendingOr = false;
                    continue;
                }
                field = null;
                value = "status " + value;
            }
            String clause = clause(field, value, phrase);
            if (clause == null) {
                continue;
            }
            if (exclude) {
                negatives.add(clause);
            } else if (pendingOr) {
                positives.get(positives.size() - 1).add(clause);
            } else {
                List<String> group = new ArrayList<>();
                group.add(clause);
                positives.add(group);
            }
            pendingOr = false;
        }
        StringBuilder fts = new StringBuilder();
        for (List<String> group : positives) {
            if (fts.length() > 0) {
                fts.append(" AND ");
            }
            fts.append(group.size() == 1 ? group.get(0) : "(" + String.join(" OR ", group) + ")");
        }
        boolean onlyExclusions = positives.isEmpty() && !negatives.isEmpty();
        if (fts.length() > 0 && !negatives.isEmpty()) {
            fts.insert(0, "(").append(") NOT (").append(String.join(" OR ", negatives)).append(")");
        }
        return new SearchQuery(fts.toString(), section, status, onlyExclusions);
    }

    private static String clean(String input) {
        if (input == null) {
            return "";
        }
        return app.dispatch.domain.TypedText.withoutControls(input.length() > MAX_INPUT ? input.substring(0, MAX_INPUT) : input);
    }

    /** Index of the ':' ending a known field name at {@code i}, or -1. */
    private static int fieldEnd(String text, int i) {
        int j = i;
        while (j < text.length() && j - i < 10 && Character.isLetter(text.charAt(j))) {
            j++;
        }
        if (j == i || j >= text.length() || text.charAt(j) != ':') {
            return -1;
        }
        return column(text.substring(i, j).toLowerCase(Locale.ROOT)) != null ? j : -1;
    }

    /** The FTS5 column (or pseudo-field) for a field name users would guess. */
    private static String column(String field) {
        return switch (field) {
            case "headline", "title" -> "headline";
            case "tag", "tags", "keyword", "keywords" -> "tags";
            case "by", "byline", "author" -> "bylines";
            case "standfirst" -> "standfirst";
            case "body", "text" -> "body";
            case "section" -> "section";
            case "status" -> "status";
            default -> null;
        };
    }

    private static String clause(String field, String raw, boolean phrase) {
        String value = raw;
        boolean prefix = false;
        if (!phrase) {
            String stripped = value.replaceAll("\\*+$", "");
            if (!stripped.equals(value) && letters(stripped) >= MIN_PREFIX) {
                prefix = true;
            }
            value = stripped.replace("*", " ");
        }
        if (letters(value) == 0) {
            return null;
        }
        String quoted = "\"" + value.replace("\"", "\"\"") + "\"" + (prefix ? " *" : "");
        String col = field == null ? null : column(field);
        return col == null ? quoted : col + " : " + quoted;
    }

    private static int letters(String s) {
        return (int) s.codePoints().filter(Character::isLetterOrDigit).count();
    }
}
