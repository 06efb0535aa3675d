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
        ParagraphChecker pc = new ParagraphChecker(paras -> paras.stream().map(p -> CHECKER.check(p, "en")).toList());
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

    @Test
    void grammarThatNeedsChunkTagsIsStillFound() {
        // LanguageTool finds "it's" for "its" only with the chunker's noun-phrase tags (decision 0604)
        assertTrue(SpellingChecker.narrowChunkerBeam(), "the narrower chunker beam is installed");
        String text = "The dog wagged it's tail.";
        assertTrue(CHECKER.check(text, "en").stream().anyMatch(f -> f.ruleId().startsWith("grammar.")
                && text.substring(f.start(), f.end()).equals("it's")), CHECKER.check(text, "en").toString());
    }

    @Test
    void checkAllGivesEachTextItsFindingsAtPositionsInIt() {
        List<String> texts = List.of("The goverment met on Monday.", "", "All is well in the valley.", "He recieved the report.");
        List<List<Finding>> found = CHECKER.checkAll(texts, "en", "body");
        assertEquals(4, found.size());
        assertEquals(List.of("goverment"), spelt(found.get(0), texts.get(0)));
        assertTrue(found.get(1).isEmpty());
        assertEquals(List.of(), spelt(found.get(2), texts.get(2)));
        assertEquals(List.of("recieved"), spelt(found.get(3), texts.get(3)));
    }

    @Test
    void twoThreadsFindWhatOneThreadFinds() {
        SpellingChecker own = new SpellingChecker();
        own.warm("en");
        for (int round = 0; round < 8; round++) { // new sentences each round: no sentence cache, both threads busy
            String n = Integer.toString(11 + round);
            List<String> texts = List.of("The goverment met on Monday with " + n + " officials.", "Rescue teams reached " + n + " villages by boat.",
                    "He recieved the report on day " + n + ".", "The accident occured near bridge " + n + ".",
                    "She bought a apple for " + n + " cents.", "Farmers said " + n + " harvests had been lost.");
            own.setThreads(2);
            List<List<Finding>> two = own.checkAll(texts, "en", "body");
            own.setThreads(1);
            List<List<Finding>> one = own.checkAll(texts, "en", "body");
            assertEquals(List.of("goverment"), spelt(two.get(0), texts.get(0)), "round " + round);
            assertEquals(List.of("recieved"), spelt(two.get(2), texts.get(2)), "round " + round);
            assertEquals(List.of("occured"), spelt(two.get(3), texts.get(3)), "round " + round);
            assertEquals(one.stream().map(List::size).toList(), two.stream().map(List::size).toList(), "round " + round);
        }
        assertEquals(2, own.loadedInstances("en"), "the second thread had its own LanguageTool");
    }

    private static List<String> spelt(List<Finding> found, String text) {
        return found.stream().filter(f -> f.ruleId().startsWith("spelling.")).map(f -> text.substring(f.start(), f.end())).toList();
    }

    @Test
    void misspellingServedFromTheSentenceCacheIsStillASpellingFinding() {
        String text = "The regional goverment met on Wednesday.";
        for (int i = 0; i < 2; i++) {
            Finding f = CHECKER.check(text, "en").stream().filter(x -> text.substring(x.start(), x.end()).equals("goverment"))
                    .findFirst().orElseThrow();
            assertEquals("spelling.MORFOLOGIK_RULE_EN_US", f.ruleId(), "check " + (i + 1));
            assertEquals(Severity.WARNING, f.severity());
        }
    }
}
