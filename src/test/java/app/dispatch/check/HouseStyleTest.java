package app.dispatch.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.DispatchException;
import app.dispatch.domain.Finding;
import app.dispatch.pack.HouseStyleRulesReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HouseStyleTest {
    private static HouseStyle style;

    @BeforeAll
    static void load() {
        style = HouseStyleRulesReader.defaults();
    }

    private static List<Finding> findings(String text, String rule) {
        return style.check(text, "body").stream().filter(f -> f.ruleId().equals("style." + rule)).toList();
    }

    @ParameterizedTest(name = "{0} fires on \"{1}\" suggesting \"{3}\", not on \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "preferred-spellings | We have alot of rain. | We have a lot of rain. | a lot",
            "preferred-spellings | Whilst waiting, they ate. | While waiting, they ate. | While",
            "said                | The minister stated the obvious. | The minister said the obvious; the statement | said",
            "cliches             | At the end of the day it rained. | At the end of the week it rained. | say it plainly",
            "cliches             | The opposition slammed the plan. | The opposition criticised the slam poetry plan. | say it plainly",
            "numbers-in-words    | She has 3 children. | She has 13 children and 3.5 acres at 9:30. | three",
            "numbers-in-words    | 7 people died. | 17 people died on 7/11 in 2024. | Seven",
            "percent             | Prices rose 12% last year. | Prices rose 12 percent last year. | 12 percent",
            "double-space        | It rained.  Then it stopped. | It rained. Then it stopped. | ' '",
    })
    void eachDefaultRuleFiresOnItsExampleAndNotOnANearMiss(String rule, String example, String nearMiss, String suggestion) {
        List<Finding> hit = findings(example, rule);
        assertEquals(1, hit.size(), () -> rule + " on " + example + ": " + style.check(example, "body"));
        assertEquals(suggestion, hit.get(0).suggestion());
        assertFalse(hit.get(0).message().isBlank());
        assertTrue(findings(nearMiss, rule).isEmpty(), () -> rule + " fired on near miss: " + findings(nearMiss, rule));
    }

    @Test
    void everyDefaultRuleIsCoveredAndSaysWhy() {
        List<String> ids = style.rules().stream().map(HouseStyleRule::id).toList();
        assertEquals(List.of("preferred-spellings", "said", "cliches", "numbers-in-words", "percent", "double-space"), ids);
        assertTrue(style.rules().stream().noneMatch(r -> r.why().isBlank()));
    }

    @Test
    void findingPositionsCoverTheOffendingText() {
        String text = "They waited amongst the ruins.";
        Finding f = findings(text, "preferred-spellings").get(0);
        assertEquals("amongst", text.substring(f.start(), f.end()));
    }

    @Test
    void aReplacementRuleFileIsReadAndBadOnesFailClearly() {
        String json = """
                {"version":1,"name":"Desk","rules":[{"id":"no-very","type":"avoid","severity":"error","why":"weak","phrases":["very"]}]}""";
        HouseStyle desk = HouseStyleRulesReader.parse(json.getBytes(StandardCharsets.UTF_8), "desk.json");
        assertEquals(1, desk.check("It was very wet.", "body").size());
        assertTrue(desk.check("It was very wet.", "body").get(0).isError());
        DispatchException noWhy = assertThrows(DispatchException.class, () -> HouseStyleRulesReader.parse(
                "{\"rules\":[{\"id\":\"x\",\"type\":\"avoid\",\"phrases\":[\"a\"]}]}".getBytes(StandardCharsets.UTF_8), "f.json"));
        assertTrue(noWhy.getMessage().contains("must say \"why\""), noWhy.getMessage());
        DispatchException badRegex = assertThrows(DispatchException.class, () -> HouseStyleRulesReader.parse(
                "{\"rules\":[{\"id\":\"x\",\"type\":\"pattern\",\"why\":\"w\",\"pattern\":\"(\"}]}".getBytes(StandardCharsets.UTF_8), "f.json"));
        assertTrue(badRegex.getMessage().contains("bad pattern"), badRegex.getMessage());
        assertThrows(DispatchException.class, () -> HouseStyleRulesReader.parse("not json".getBytes(StandardCharsets.UTF_8), "f.json"));
    }
}
