package app.dispatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceCliTest {
    @TempDir
    Path dir;


    private CliRun run(String... args) {
        return CliRun.on(dir.resolve("lib"), args);
    }

    @Test
    void confidentialSourceIsListedByAliasUntilThePassphraseIsGiven() throws Exception {
        Path pass = Files.writeString(dir.resolve("pass.txt"), "a long enough passphrase\n");
        CliRun add = run("source", "add", "--name", "Hamid Karimi", "--kind", "person", "--attribution", "deep-background",
                "--confidential", "--alias", "Source A", "--contact", "+93 700 123 456", "--contact", "hk@example.org",
                "--notes", "met at the ministry", "--passphrase-file", pass.toString());
        assertEquals(0, add.code(), add.err());
        assertTrue(add.err().contains("no way to recover"), "first use warns: " + add.err());
        CliRun open = run("source", "add", "--name", "Amina Rahimi", "--organisation", "Red Crescent");
        assertEquals(0, open.code(), open.err());

        CliRun locked = run("source", "list", "--json");
        assertEquals(0, locked.code(), locked.err());
        JsonNode arr = LibraryCommand.JSON.readTree(locked.out());
        assertEquals(2, arr.size());
        JsonNode conf = arr.get(1);
        assertEquals("Source A", conf.get("displayName").asText());
        assertTrue(conf.get("locked").asBoolean());
        assertTrue(conf.get("name").isNull());
        assertFalse(locked.out().contains("Karimi"));

        CliRun unlocked = run("source", "list", "--json", "--passphrase-file", pass.toString());
        JsonNode u = LibraryCommand.JSON.readTree(unlocked.out()).get(1);
        assertEquals("Hamid Karimi", u.get("name").asText());
        assertEquals("+93 700 123 456", u.get("phone").asText());
        assertEquals("hk@example.org", u.get("email").asText());
        assertEquals("deep-background", u.get("attribution").asText());
    }

    @Test
    void wrongPassphraseFileFailsWithAPlainMessage() throws Exception {
        Path pass = Files.writeString(dir.resolve("pass.txt"), "a long enough passphrase");
        Path wrong = Files.writeString(dir.resolve("wrong.txt"), "not the passphrase");
        assertEquals(0, run("source", "add", "--name", "X Y", "--confidential", "--alias", "Source A", "--passphrase-file", pass.toString()).code());
        CliRun r = run("source", "list", "--passphrase-file", wrong.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("wrong passphrase"), r.err());
        CliRun add = run("source", "add", "--name", "Z", "--confidential", "--alias", "Source B", "--passphrase-file", wrong.toString());
        assertEquals(1, add.code());
        assertEquals(1, LibraryCommand.JSON.readTree(run("source", "list", "--json").out()).size(), "nothing added");
    }

    @Test
    void citeFindsTheExactPassageOrFailsClearly() throws Exception {
        Path body = Files.writeString(dir.resolve("body.txt"), "The river rose two metres overnight.");
        String story = run("new", "--headline", "Flood", "--slug", "flood", "--body-file", body.toString()).out().strip();
        String src = run("source", "add", "--name", "Amina Rahimi").out().strip();
        CliRun ok = run("cite", "flood", "--source", src.substring(0, 8), "--text", "rose two metres", "--json");
        assertEquals(0, ok.code(), ok.err());
        JsonNode c = LibraryCommand.JSON.readTree(ok.out());
        assertEquals(10, c.get("start").asInt());
        assertEquals("Amina Rahimi", c.get("source").asText());
        assertEquals(story, c.get("storyId").asText());
        CliRun missing = run("cite", "flood", "--source", src, "--text", "three metres");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("is not in the body"), missing.err());
    }

    @Test
    void badUsageExitsWithTwo() {
        assertEquals(2, run("source", "add", "--name", "X", "--kind", "rumour").code());
        assertEquals(2, run("source", "add", "--name", "X", "--confidential").code());
        assertEquals(2, run("source", "add", "--name", "X", "--attribution", "loud").code());
        assertEquals(2, run("source").code());
        assertEquals(0, run("source", "add", "--help").code());
        assertEquals(0, run("cite", "--help").code());
    }

    @Test
    void confidentialSourceWithoutPassphraseFileOrTerminalFailsAndAddsNothing() throws Exception {
        CliRun r = run("source", "add", "--name", "X Y", "--confidential", "--alias", "Source A");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--passphrase-file"), r.err());
        assertEquals(0, LibraryCommand.JSON.readTree(run("source", "list", "--json").out()).size());
    }
}
