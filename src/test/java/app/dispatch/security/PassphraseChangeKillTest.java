package app.dispatch.security;

import static app.dispatch.service.VaultTestSupport.CHEAP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.dispatch.domain.Attribution;
import app.dispatch.domain.Source;
import app.dispatch.domain.SourceField;
import app.dispatch.domain.SourceKind;
import app.dispatch.domain.VaultException;
import app.dispatch.service.Library;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A passphrase change killed with SIGKILL at any moment leaves a vault that opens with the old or the new passphrase. */
class PassphraseChangeKillTest {
    private static final String A = "first passphrase alpha";
    private static final String B = "second passphrase bravo";

    @TempDir
    Path dir;

    @Test
    void passphraseChangeKilledMidwayOpensWithOldOrNewNeverNeither() throws Exception {
        Path lib = dir.resolve("lib");
        int sources = 400;
        try (Library l = Library.open(lib)) {
            l.sources().vault().create(A.toCharArray(), CHEAP);
            for (int i = 0; i < sources; i++) {
                l.sources().add(Source.draft("Person " + i, SourceKind.PERSON, Attribution.ON_BACKGROUND)
                        .withConfidential(true, "Source " + i).withField(SourceField.NOTES, "note " + i));
            }
        }
        Path fa = Files.writeString(dir.resolve("a.txt"), A);
        Path fb = Files.writeString(dir.resolve("b.txt"), B);
        int[] waits = {0, 3, 7, 15, 40};
        for (int round = 0; round < waits.length; round++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), PassphraseChurn.class.getName(),
                    lib.toString(), fa.toString(), fb.toString())
                    .redirectErrorStream(true).start();
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            List<String> seen = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                seen.add(line);
                if (line.equals("changed 2")) {
                    break;
                }
            }
            assertTrue(seen.contains("changed 2"), "child did not start changing: " + seen);
            Thread.sleep(waits[round]);
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, p.exitValue(), "killed with SIGKILL");

            try (Library l = Library.open(lib)) {
                String opened = null;
                for (String pass : List.of(A, B)) {
                    try {
                        l.sources().vault().unlock(pass.toCharArray());
                        opened = pass;
                        break;
                    } catch (VaultException e) {
                        assertEquals(VaultException.Reason.WRONG_PASSPHRASE, e.reason());
                    }
                }
                if (opened == null) {
                    fail("round " + round + ": the vault opens with neither the old nor the new passphrase");
                }
                List<Source> all = l.sources().list();
                assertEquals(sources, all.size());
                for (Source s : all) {
                    assertEquals(Source.Access.UNLOCKED, s.access(), "round " + round + ": " + s);
                    assertEquals("note " + s.alias().substring("Source ".length()), s.field(SourceField.NOTES));
                }
            }
        }
    }
}
