package app.dispatch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import app.dispatch.app.DispatchApp;
import app.dispatch.domain.Finding;
import app.dispatch.domain.StoryContent;
import app.dispatch.service.Library;
import app.dispatch.service.Preferences;
import app.dispatch.service.Profile;
import app.dispatch.ui.editor.BodyArea;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The body's spelling marks follow the text being typed, not the last saved text: a misspelling typed
 * into the real editor is underlined while its save is still held up, and the underline stays on the
 * word when text is typed before it.
 */
class LiveChecksUiTest {
    private static final String BODY = "<p>The river rose overnight.</p><p>Rescue teams recieved the first calls.</p>";

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final AppHarness harness = new AppHarness(robot);

    @AfterEach
    void tearDown() throws Exception {
        harness.closeIfOpen();
    }

    /** Whether each character of [from, to) carries the mark; read on the FX thread. */
    private boolean marked(BodyArea body, int from, int to, String mark) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                for (int i = from; i < to; i++) {
                    if (!body.getStyleOfChar(i).marks().contains(mark)) {
                        return false;
                    }
                }
                return true;
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean unmarked(BodyArea body, int from, int to, String mark) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                for (int i = from; i < to; i++) {
                    if (body.getStyleOfChar(i).marks().contains(mark)) {
                        return false;
                    }
                }
                return true;
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(BodyArea body) throws Exception {
        java.util.concurrent.Callable<String> read = body::getText;
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aMisspellingTypedIsUnderlinedBeforeItIsSavedAndKeepsItsUnderlineWhenTextIsTypedBeforeIt() throws Exception {
        UUID id;
        try (Library lib = Library.open(dir)) {
            lib.profile().save("Rita Porter", "RP", Profile.Role.REPORTER);
            id = lib.stories().create(StoryContent.blank("en").withHeadline("Floods cut off villages").withBodyHtml(BODY)).id();
            lib.preferences().put(Preferences.OPEN_STORY, id.toString());
        }
        DispatchApp app = harness.launch(dir);
        waitFor(10, TimeUnit.SECONDS, () -> app.mainView().isEditing());
        BodyArea body = robot.lookup("#body").queryAs(BodyArea.class);
        Label saveState = robot.lookup("#save-state").queryAs(Label.class);
        waitFor(10, TimeUnit.SECONDS, () -> text(body).contains("Rescue teams"));
        // LanguageTool has loaded and checked the body as opened: the misspelling already in it is underlined
        int known = text(body).indexOf("recieved");
        waitFor(120, TimeUnit.SECONDS, () -> marked(body, known, known + "recieved".length(), "spell"));

        String typed = " The goverment sent boats.";
        int word;
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("dispatch.db"));
                Statement sql = other.createStatement()) {
            // a second connection takes SQLite's write lock: no save of the story can complete until it is released
            sql.execute("PRAGMA busy_timeout = 5000");
            sql.execute("BEGIN IMMEDIATE");
            try {
                robot.interact(() -> {
                    body.requestFocus();
                    body.moveTo(body.getText().indexOf("overnight.") + "overnight.".length());
                });
                robot.write(typed);
                String now = text(body);
                assertTrue(now.contains("overnight." + typed), now);
                word = now.indexOf("goverment");
                waitFor(4, TimeUnit.SECONDS, () -> marked(body, word, word + "goverment".length(), "spell"));
                assertNotEquals("Saved", saveState.getText(), "the typed text is not saved yet");
                assertTrue(unmarked(body, word - 4, word, "spell") && unmarked(body, now.indexOf("sent"), now.indexOf("boats.") + 6, "spell"),
                        "only the misspelt word is underlined");
            } finally {
                sql.execute("ROLLBACK");
            }
        }

        String before = "Late news. ";
        robot.interact(() -> {
            body.requestFocus();
            body.moveTo(0);
        });
        robot.write(before);
        int moved = word + before.length();
        assertEquals(moved, text(body).indexOf("goverment"));
        // at once (the marks move with the characters) and after that paragraph was checked again
        assertTrue(marked(body, moved, moved + "goverment".length(), "spell"));
        @SuppressWarnings("unchecked")
        ListView<Finding> findings = robot.lookup("#findings").queryAs(ListView.class);
        waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> findings.getItems().stream()
                .anyMatch(f -> f.ruleId().startsWith("spelling.") && f.start() == moved)).get(5, TimeUnit.SECONDS));
        assertTrue(marked(body, moved, moved + "goverment".length(), "spell"), "the underline is on the word at its new place");
        assertTrue(unmarked(body, 0, before.length(), "spell"), "the text typed before it is not underlined");
        assertTrue(unmarked(body, word, moved, "spell"), "nothing stays underlined at the word's old place");
        int knownNow = text(body).indexOf("recieved");
        assertTrue(marked(body, knownNow, knownNow + "recieved".length(), "spell"), "the other paragraph keeps its underline");
        harness.close();

        try (Library lib = Library.open(dir)) {
            assertTrue(lib.stories().get(id).content().bodyHtml().contains("Late news. The river rose overnight. The goverment sent boats."),
                    "the edits were saved in the end");
        }
    }
}
