package app.dispatch.ui.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;

class BidiTextTest {
    @Test
    void halfSpaceIsDrawnAsANarrowNoBreakSpaceOfTheSameLength() {
        String fa = "می\u200cماند";
        String shown = BidiText.display(fa);
        assertEquals(fa.length(), shown.length());
        assertEquals("می\u202fماند", shown);
        assertEquals("plain", BidiText.display("plain"));
        assertNull(BidiText.display(null));
    }

    @Test
    void wordsRunToTheEndOfTheSpaceAfterThem() {
        assertArrayEquals(new int[] {4, 9, 11}, BidiText.wordEnds("یک  دو   سه"));
        assertArrayEquals(new int[] {2, 4}, BidiText.wordEnds("  ab"), "leading space is a node of its own");
        assertArrayEquals(new int[] {}, BidiText.wordEnds(""));
    }

    @Test
    void rightToLeftRunsBecomeOneNodePerWordOthersStayWhole() {
        List<Text> fa = BidiText.nodes("کتابخانهٔ مرکزی نیک\u200cآباد", t -> t.getStyleClass().add("x"));
        assertEquals(List.of("کتابخانهٔ ", "مرکزی ", "نیک\u202fآباد"), fa.stream().map(Text::getText).toList());
        assertTrue(fa.stream().allMatch(t -> t.getStyleClass().contains("x")));
        assertEquals(1, BidiText.nodes("The library stays open late", t -> { }).size());
        assertEquals(List.of(), BidiText.nodes("", t -> { }));
    }

    @Test
    void directionComesFromScriptAndTheFirstStrongCharacter() {
        assertTrue(BidiText.hasRightToLeft("Nikabad نیک‌آباد"));
        assertTrue(BidiText.hasRightToLeft("שלום"));
        assertFalse(BidiText.hasRightToLeft("Nikabad 2026"));
        assertEquals(Boolean.TRUE, BidiText.firstStrongIsRightToLeft("12, نیک‌آباد then English"));
        assertEquals(Boolean.FALSE, BidiText.firstStrongIsRightToLeft("Note: نیک‌آباد"));
        assertNull(BidiText.firstStrongIsRightToLeft("2026-12-01"));
    }

    @Test
    void plainAreaCutsOnlyRightToLeftParagraphsIntoWords() {
        assertEquals(1, PlainTextArea.cut("An English standfirst that wraps").getSpanCount());
        var cut = PlainTextArea.cut("شورای شهر نیک\u200cآباد می\u200cگوید");
        assertEquals(4, cut.getSpanCount());
        assertEquals("شورای شهر نیک\u200cآباد می\u200cگوید".length(), cut.length());
    }
}
