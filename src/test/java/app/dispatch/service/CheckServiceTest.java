package app.dispatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Finding;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.text.BodyHtml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckServiceTest {
    @TempDir
    Path dir;

    @Test
    void aNewsroomRuleFileInTheLibraryFolderReplacesTheDefaultSet() throws Exception {
        try (Library lib = Library.open(dir)) {
            Story s = lib.stories().create(StoryContent.blank("xx").withHeadline("Floods").withBodyHtml("<p>It was very wet, 12% more.</p>"));
            assertTrue(ruleIds(lib.checks().check(s.id())).contains("style.percent"));
            Files.writeString(dir.resolve(CheckService.HOUSE_STYLE_FILE), """
                    {"version":1,"name":"Desk","rules":[{"id":"no-very","type":"avoid","severity":"error","why":"weak","phrases":["very"]}]}""");
            lib.checks().reloadHouseStyle();
            List<String> ids = ruleIds(lib.checks().check(s.id()));
            assertTrue(ids.contains("style.no-very"), ids.toString());
            assertTrue(!ids.contains("style.percent"), ids.toString());
            assertEquals(dir.resolve(CheckService.HOUSE_STYLE_FILE).toString(), lib.checks().houseStyleSource());
        }
    }

    @Test
    void personalDictionaryIsKeptInSettings() {
        try (Library lib = Library.open(dir)) {
            lib.checks().addToDictionary("Zabihullah");
            lib.checks().addToDictionary("Zabihullah");
            assertEquals(List.of("Zabihullah"), lib.checks().dictionary());
        }
        try (Library lib = Library.open(dir)) {
            assertEquals(List.of("Zabihullah"), lib.checks().dictionary());
        }
    }

    @Test
    void bodyFindingsAreAtTheirPositionsInThePlainTextOfTheBody() {
        try (Library lib = Library.open(dir)) {
            String html = "<p>The river rose overnight.</p><p>Rescue teams reached the valley by boat.</p><p>The goverment sent help.</p>";
            Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Floods").withBodyHtml(html));
            String plain = BodyHtml.plainText(html);
            for (int round = 0; round < 2; round++) { // the second from the paragraph cache
                Finding f = lib.checks().check(s.id()).stream().filter(x -> x.field().equals("body") && x.ruleId().startsWith("spelling."))
                        .findFirst().orElseThrow();
                assertEquals("goverment", plain.substring(f.start(), f.end()));
                assertEquals("government", f.suggestion());
            }
        }
    }

    @Test
    void aWordIgnoredAfterItsParagraphWasCheckedIsNoLongerReported() {
        try (Library lib = Library.open(dir)) {
            Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Harbour")
                    .withBodyHtml("<p>The Kravnik ferry sailed again.</p><p>The harbour reopened.</p>"));
            var live = lib.checks().paragraphChecker("en");
            String text = "The Kravnik ferry sailed again.\nThe harbour reopened.";
            assertTrue(words(lib.checks().check(s.id()), BodyHtml.plainText(lib.stories().get(s.id()).content().bodyHtml())).contains("Kravnik"));
            assertTrue(words(live.check(text), text).contains("Kravnik"));
            lib.checks().ignore("Kravnik");
            assertTrue(!words(lib.checks().check(s.id()), BodyHtml.plainText(lib.stories().get(s.id()).content().bodyHtml())).contains("Kravnik"));
            assertTrue(!words(live.check(text), text).contains("Kravnik"));
        }
    }

    private static List<String> words(List<Finding> findings, String body) {
        return findings.stream().filter(f -> f.field().equals("body") && f.ruleId().startsWith("spelling."))
                .map(f -> body.substring(f.start(), f.end())).toList();
    }

    private static List<String> ruleIds(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).toList();
    }
}
