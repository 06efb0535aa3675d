package app.dispatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewCommandsTest {
    @TempDir
    Path dir;


    private CliRun run(String... args) {
        return CliRun.on(dir, args);
    }

    private String newStory(String headline, String body) throws Exception {
        Path file = dir.resolve("body-" + System.nanoTime() + ".txt");
        java.nio.file.Files.writeString(file, body);
        CliRun r = run("new", "--headline", headline, "--body-file", file.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        int i = r.out().indexOf("\"id\" : \"") + 8;
        return r.out().substring(i, i + 36);
    }

    private String newStory() throws Exception {
        return newStory("Floods hit Kabul", "Twelve people died in the floods.");
    }

    @Test
    void statusMovesAreRefusedByRoleAndHistoryIsPrinted() throws Exception {
        String id = newStory();
        assertEquals(0, run("profile", "--name", "Rita Reporter", "--role", "reporter").code());
        assertEquals(0, run("status", id, "submitted", "--note", "ready").code());
        CliRun refused = run("status", id, "in-review");
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("only an editor"), refused.err());
        assertEquals(2, run("status", id, "published").code());
        assertEquals(0, run("profile", "--name", "Ed Itor", "--role", "editor").code());
        assertEquals(0, run("status", id, "in-review").code());
        CliRun show = run("status", id);
        assertTrue(show.out().contains("in-review"), show.out());
        assertTrue(show.out().contains("draft -> submitted  by Rita Reporter  \"ready\""), show.out());
        assertTrue(run("status", id, "--json").out().contains("\"to\" : \"in-review\""));
    }

    @Test
    void commentOnAnExactPassageAndListThem() throws Exception {
        String id = newStory();
        CliRun missing = run("comment", id, "--text", "thirteen people", "--body", "?");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("is not in the body"), missing.err());
        assertEquals(0, run("comment", id, "--text", "Twelve people died", "--body", "Source?").code());
        CliRun list = run("comments", id);
        assertTrue(list.out().contains("\"Twelve people died\" (0-18)"), list.out());
        CliRun json = run("comments", id, "--json");
        assertTrue(json.out().contains("\"anchorStart\" : 0") && json.out().contains("\"passageRemoved\" : false"), json.out());
    }

    @Test
    void checkExitsOneOnErrorsAndListsHouseStyleFindings() throws Exception {
        String id = newStory("A headline that is far too long for the limit the desk has set for every headline",
                "Prices rose 12% and 3 people whilst waiting.");
        CliRun r = run("check", id, "--json");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("\"ruleId\" : \"preflight.headline-too-long\""), r.out());
        assertTrue(r.out().contains("\"suggestion\" : \"12 percent\""), r.out());
        assertTrue(r.out().contains("\"ruleId\" : \"style.numbers-in-words\""), r.out());
    }

    @Test
    void profileShowsAndSets() {
        assertEquals(0, run("profile", "--name", "Ed Itor", "--role", "editor").code());
        CliRun r = run("profile");
        assertTrue(r.out().startsWith("Ed Itor (EI), editor"), r.out());
        assertEquals(2, run("profile", "--role", "boss").code());
    }
}
