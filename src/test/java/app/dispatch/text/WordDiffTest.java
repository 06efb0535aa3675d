package app.dispatch.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.text.WordDiff.Op;
import app.dispatch.text.WordDiff.Segment;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WordDiffTest {
    @Test
    void changedWordIsOneDeleteAndOneInsert() {
        List<Segment> d = WordDiff.diff("the river rose fast", "the river fell fast");
        assertEquals(List.of(new Segment(Op.EQUAL, "the river "), new Segment(Op.DELETE, "rose"),
                new Segment(Op.INSERT, "fell"), new Segment(Op.EQUAL, " fast")), d);
        assertTrue(WordDiff.hasChanges(d));
    }

    @Test
    void identicalTextHasNoChanges() {
        List<Segment> d = WordDiff.diff("same words here.", "same words here.");
        assertFalse(WordDiff.hasChanges(d));
        assertEquals("same words here.", d.stream().map(Segment::text).collect(Collectors.joining()));
    }

    @Test
    void segmentsRebuildBothTexts() {
        String before = "Floods hit Kabul, officials said on Monday.";
        String after = "Heavy floods hit Kabul and Herat, officials said.";
        List<Segment> d = WordDiff.diff(before, after);
        assertEquals(before, d.stream().filter(s -> s.op() != Op.INSERT).map(Segment::text).collect(Collectors.joining()));
        assertEquals(after, d.stream().filter(s -> s.op() != Op.DELETE).map(Segment::text).collect(Collectors.joining()));
    }

    @Test
    void persianWordsAreWholeTokens() {
        List<Segment> d = WordDiff.diff("سیل در کابل", "سیل در هرات");
        assertEquals(new Segment(Op.DELETE, "کابل"), d.get(1));
        assertEquals(new Segment(Op.INSERT, "هرات"), d.get(2));
    }

    @Test
    void emptyInputsAreHandled() {
        assertEquals(List.of(new Segment(Op.INSERT, "new")), WordDiff.diff("", "new"));
        assertEquals(List.of(), WordDiff.diff(null, null));
    }
}
