package app.dispatch.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Finding;
import app.dispatch.domain.Severity;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SpellingCheckerTest {
    private static final SpellingChecker CHECKER = new SpellingChecker();

    @BeforeAll
    static void warm() {
        CHECKER.warm("en");
    }

    @Test
    void knownMisspellingIsFoundWithItsPositionAndASuggestion() {
        String text = "The goverment announced new measures.";
        List<Finding> found = CHECKER.check(text, "en");
        Finding f = found.stream().filter(x -> x.ruleId().startsWith("spelling.")).findFirst().orElseThrow();
        assertEquals("goverment", text.substring(f.start(), f.end()));
        assertEquals("government", f.suggestion());
    }

    @Test
    void britishEnglishAcceptsBritishSpelling() {
        String text = "The colour of the flag was changed.";
        assertTrue(CHECKER.check(text, "en-GB").stream().noneMatch(f -> f.ruleId().startsWith("spelling.")));
    }

    @Test
    void ignoredWordIsNoLongerReported() {
        SpellingChecker own = CHECKER;
        String text = "The Taliban spokesman Zabihullah spoke.";
        assertTrue(own.check(text, "en").stream().anyMatch(f -> text.substring(f.start(), f.end()).equals("Zabihullah")));
        own.ignoreWords(List.of("Zabihullah"));
        assertFalse(own.check(text, "en").stream().anyMatch(f -> text.substring(f.start(), f.end()).equals("Zabihullah")));
    }

    @Test
    void languageWithoutAModuleSaysSo() {
        List<Finding> found = CHECKER.check("Dies ist ein Text.", "de");
        assertEquals(1, found.size());
        assertEquals(SpellingChecker.UNAVAILABLE_RULE, found.get(0).ruleId());
        assertEquals(Severity.INFO, found.get(0).severity());
        assertEquals("no spelling check for de", found.get(0).message());
    }

    @Test
    void refusesToRunOnTheJavaFxThread() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread fx = new Thread(() -> {
            try {
                CHECKER.check("Some text.", "en");
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, SpellingChecker.FX_THREAD_NAME);
        fx.start();
        fx.join();
        assertTrue(thrown.get() instanceof IllegalStateException);
    }

    @Test
    void paragraphCheckerRechecksOnlyTheChangedParagraph() {
        ParagraphChecker pc = new ParagraphChecker(p -> CHECKER.check(p, "en"));
        String text = "First paragraf here.\nSecond paragraph is fine.\nThird one.";
        List<Finding> first = pc.check(text);
        assertEquals(3, pc.lastCheckedParagraphs());
        String edited = text.replace("Second", "The second");
        List<Finding> second = pc.check(edited);
        assertEquals(1, pc.lastCheckedParagraphs());
        Finding f = second.stream().filter(x -> x.ruleId().startsWith("spelling.")).findFirst().orElseThrow();
        assertEquals("paragraf", edited.substring(f.start(), f.end()));
        assertEquals(first.size(), second.size());
        assertThrows(IllegalStateException.class, () -> {
            Thread t = Thread.currentThread();
            String name = t.getName();
            t.setName(SpellingChecker.FX_THREAD_NAME);
            try {
                CHECKER.check("x", "en");
            } finally {
                t.setName(name);
            }
        });
    }
}
