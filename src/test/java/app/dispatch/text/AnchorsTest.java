package app.dispatch.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnchorsTest {
    private static final String TEXT = "The river rose overnight. Twelve people died in the floods. Aid arrived on Monday.";
    private static final String QUOTE = "Twelve people died";
    private static final int START = TEXT.indexOf(QUOTE);

    private static Anchors.Anchor after(String newText) {
        return Anchors.reanchor(QUOTE, START, START + QUOTE.length(), TEXT, newText);
    }

    @Test
    void insertionBeforeThePassageShiftsIt() {
        String edited = TEXT.replace("The river", "After days of rain, the river");
        Anchors.Anchor a = after(edited);
        assertFalse(a.removed());
        assertEquals(QUOTE, edited.substring(a.start(), a.end()));
        assertEquals(QUOTE, a.quote());
    }

    @Test
    void insertionInsideThePassageGrowsIt() {
        String edited = TEXT.replace("Twelve people", "Twelve more people");
        Anchors.Anchor a = after(edited);
        assertFalse(a.removed());
        assertEquals("Twelve more people died", edited.substring(a.start(), a.end()));
        assertEquals("Twelve more people died", a.quote());
    }

    @Test
    void insertionAfterThePassageLeavesIt() {
        String edited = TEXT.replace("on Monday.", "on Monday, officials said.");
        Anchors.Anchor a = after(edited);
        assertEquals(START, a.start());
        assertEquals(START + QUOTE.length(), a.end());
    }

    @Test
    void insertionRightAtBothEdgesStaysOutsideThePassage() {
        String edited = TEXT.replace(QUOTE, "At least " + QUOTE + " overnight");
        Anchors.Anchor a = after(edited);
        assertEquals(QUOTE, edited.substring(a.start(), a.end()));
    }

    @Test
    void deletingThePassageMarksItRemovedAndKeepsTheQuote() {
        String edited = TEXT.replace(" Twelve people died in the floods.", "");
        Anchors.Anchor a = after(edited);
        assertTrue(a.removed());
        assertEquals(QUOTE, a.quote());
        assertTrue(a.start() <= edited.length());
    }

    @Test
    void editsBeforeAndAfterInOneSaveKeepThePassage() {
        String edited = "Overnight the river rose. " + TEXT.substring(TEXT.indexOf("Twelve")).replace("Monday", "Tuesday");
        Anchors.Anchor a = after(edited);
        assertFalse(a.removed());
        assertEquals(QUOTE, edited.substring(a.start(), a.end()));
    }

    @Test
    void withoutTheOldTextTheNearestCopyOfTheQuoteIsFound() {
        String text = "died. Twelve people died here and Twelve people died there";
        Anchors.Anchor a = Anchors.find("Twelve people died", 40, text);
        assertEquals(text.lastIndexOf("Twelve"), a.start());
    }
}
