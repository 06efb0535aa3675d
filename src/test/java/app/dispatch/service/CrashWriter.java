package app.dispatch.service;

import app.dispatch.domain.RevisionKind;
import app.dispatch.domain.Story;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Child-JVM writer for {@link CrashSafetyTest}: autosaves one story forever through StoryService and
 * prints "ack N" only after save N has returned. Args: dataDir storyId firstN.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        UUID storyId = UUID.fromString(args[1]);
        long n = Long.parseLong(args[2]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Library lib = Library.open(dataDir);
        StoryService stories = lib.stories();
        Story s = stories.get(storyId);
        out.println("ready");
        for (;; n++) {
            stories.saveContent(storyId, s.content().withBodyHtml(CrashSafetyTest.body(n)));
            if (n % 7 == 0) {
                stories.snapshot(storyId, RevisionKind.INTERVAL, "save " + n);
            }
            out.println("ack " + n);
        }
    }
}
