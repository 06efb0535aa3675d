package app.dispatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Finding;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
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

    private static List<String> ruleIds(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).toList();
    }
}
