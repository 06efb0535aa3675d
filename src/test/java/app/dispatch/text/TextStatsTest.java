package app.dispatch.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextStatsTest {
    @Test
    void countsWordsNotPunctuationOrSpaces() {
        assertEquals(5, TextStats.countWords("The minister — said: \"no comment\"."));
        assertEquals(0, TextStats.countWords("  — … !! "));
        assertEquals(0, TextStats.countWords(""));
        assertEquals(2, TextStats.countWords("it's 2026"));
    }

    @Test
    void countsPersianAndArabicWords() {
        assertEquals(4, TextStats.countWords("سیل در کابل آمد"));
        assertEquals(3, TextStats.countWords("مراسلنا في القدس"));
    }

    @Test
    void charactersAreCodePoints() {
        TextStats s = TextStats.ofPlainText("a😀b");
        assertEquals(3, s.characters());
    }

    @Test
    void readingTimeRoundsUpAtTwoHundredThirtyEightWordsAMinute() {
        assertEquals(0, TextStats.ofPlainText("").readingMinutes());
        assertEquals(1, TextStats.ofPlainText("word").readingMinutes());
        assertEquals(1, TextStats.ofPlainText("word ".repeat(238)).readingMinutes());
        assertEquals(2, TextStats.ofPlainText("word ".repeat(239)).readingMinutes());
    }

    @Test
    void htmlStatsCountTheVisibleText() {
        TextStats s = TextStats.ofHtml("<h2>Two words</h2><p>three <strong>more</strong> words</p>");
        assertEquals(5, s.words());
        assertEquals("Two words\nthree more words".length(), s.characters());
    }
}
