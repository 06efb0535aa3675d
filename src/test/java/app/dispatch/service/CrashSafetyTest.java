package app.dispatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.store.Database;
import app.dispatch.testing.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kill -9 during autosaves: the database stays intact and every acknowledged save is there. */
class CrashSafetyTest {
    private static final Pattern SAVE_NO = Pattern.compile("<p>save number (\\d+)</p>");
    private static final String FILLER = "<p>" + "Reporters keep writing while the power flickers. ".repeat(200) + "</p>";

    @TempDir
    Path dir;

    /** The body of save {@code n}: a marker paragraph and about 1,400 words, so each save has work to do. */
    static String body(long n) {
        return "<p>save number " + n + "</p>" + FILLER;
    }

    @Test
    void sigkillDuringAutosavesLosesNothingAcknowledgedAndNeverCorrupts() throws Exception {
        Story story;
        try (Library lib = Library.open(dir)) {
            story = lib.stories().create(StoryContent.blank("en").withHeadline("Crash test").withBodyHtml(body(0)));
        }
        Random random = new Random();
        long lastAck = 0;
        int acknowledged = 0;
        int runs = 0;
        while (acknowledged < 60 || runs < 5) {
            runs++;
            int killAfter = 3 + random.nextInt(15);
            long next = lastAck + 1;
            Path acks = dir.resolve("acks-" + runs + ".txt");
            Process child = ChildJvm.builder(CrashWriter.class, dir.toString(), story.id().toString(), Long.toString(next))
                    .redirectOutput(acks.toFile()).start();
            try {
                // stdout goes to a file, so every ack the writer printed before it died is counted
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (ackCount(acks) < killAfter) {
                    assertTrue(child.isAlive(), "the writer stopped early (exit " + (child.isAlive() ? "" : child.exitValue()) + ")");
                    assertTrue(System.nanoTime() < deadline, "the writer made no progress");
                    Thread.sleep(2);
                }
                Thread.sleep(random.nextInt(25));
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the writer did not die");
            } finally {
                child.destroyForcibly();
            }
            List<Long> acked = acks(acks);
            acknowledged += acked.size();
            lastAck = acked.get(acked.size() - 1);
            assertEquals("ok", integrityCheck(), "after run " + runs);
            try (Library lib = Library.open(dir)) {
                String stored = lib.stories().get(story.id()).content().bodyHtml();
                Matcher m = SAVE_NO.matcher(stored);
                assertTrue(m.find(), "the story body is intact");
                long saved = Long.parseLong(m.group(1));
                assertTrue(saved >= lastAck, "save " + lastAck + " was acknowledged but the library holds save " + saved);
                assertEquals(body(saved), stored);
                lastAck = saved;
            }
        }
        assertTrue(acknowledged >= 50, "only " + acknowledged + " saves were acknowledged");
    }

    private static int ackCount(Path file) throws IOException {
        return acks(file).size();
    }

    private static List<Long> acks(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("ack ")).map(l -> Long.parseLong(l.substring(4).strip())).toList();
    }

    private String integrityCheck() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME));
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
