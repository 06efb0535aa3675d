package app.dispatch.text;

import java.text.BreakIterator;
import java.util.Locale;

/** Word and character counts and reading time, for any script. */
public record TextStats(int words, int characters, int readingMinutes) {
    /** Average adult silent reading speed for non-fiction, words per minute. */
    public static final int WORDS_PER_MINUTE = 238;

    public static TextStats ofPlainText(String text) {
        if (text == null || text.isBlank()) {
            return new TextStats(0, 0, 0);
        }
        int words = countWords(text);
        int chars = text.codePointCount(0, text.length());
        int minutes = words == 0 ? 0 : Math.max(1, (int) Math.ceil(words / (double) WORDS_PER_MINUTE));
        return new TextStats(words, chars, minutes);
    }

    public static TextStats ofHtml(String html) {
        return ofPlainText(BodyHtml.plainText(html));
    }

    public static int countWords(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        BreakIterator it = BreakIterator.getWordInstance(Locale.ROOT);
        it.setText(text);
        int count = 0;
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            for (int i = start; i < end; i = text.offsetByCodePoints(i, 1)) {
                if (Character.isLetterOrDigit(text.codePointAt(i))) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }
}
