package app.dispatch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import app.dispatch.app.DispatchApp;
import app.dispatch.domain.Attribution;
import app.dispatch.domain.Source;
import app.dispatch.domain.SourceKind;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.service.Library;
import app.dispatch.service.Profile;
import app.dispatch.service.SourceVault;
import app.dispatch.ui.editor.BodyArea;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Citing in the real editor: select a passage, Ctrl+Shift+C, pick the source, see the mark and the list entry. */
class CitationUiTest {
    private static final char[] PASS = "correct horse battery".toCharArray();

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final AppHarness harness = new AppHarness(robot);

    @AfterEach
    void tearDown() throws Exception {
        harness.closeIfOpen();
    }

    @Test
    void citingASelectedPassageMarksItAndListsItUnderTheAliasOnly() throws Exception {
        UUID storyId;
        try (Library lib = Library.open(dir)) {
            Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Dam inspection delayed")
                    .withBodyHtml("<p>Engineers found cracks in the spillway last spring.</p>"));
            storyId = s.id();
            lib.sources().vault().create(PASS, new SourceVault.Kdf(8192, 1, 1));
            lib.sources().add(Source.draft("Canary Person Zq", SourceKind.PERSON, Attribution.DEEP_BACKGROUND)
                    .withConfidential(true, "an engineer at the dam"));
            lib.profile().save("Test Reporter", "TR", Profile.Role.REPORTER);
        }
        DispatchApp app = harness.launch(dir);
        robot.interact(() -> app.mainView().open(storyId));
        BodyArea body = robot.lookup("#body").queryAs(BodyArea.class);
        waitFor(10, TimeUnit.SECONDS, () -> body.getText().contains("cracks"));

        String passage = "found cracks in the spillway";
        int start = body.getText().indexOf(passage);
        robot.interact(() -> {
            body.requestFocus();
            body.selectRange(start, start + passage.length());
        });
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        @SuppressWarnings("unchecked")
        ListView<Source> choices = robot.lookup("#cite-sources").queryAs(ListView.class);
        waitFor(10, TimeUnit.SECONDS, () -> !choices.getItems().isEmpty());
        assertEquals("an engineer at the dam", choices.getItems().get(0).displayName());
        robot.interact(() -> choices.getSelectionModel().select(0));
        robot.clickOn("OK");

        robot.clickOn("Citations");
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(n -> n instanceof javafx.scene.control.Labeled l
                && l.getText() != null && l.getText().contains("an engineer at the dam")).tryQuery().isPresent());
        waitFor(10, TimeUnit.SECONDS, () -> body.getStyleOfChar(start + 3).marks().stream().anyMatch(m -> m.startsWith("cite")));
        assertFalse(body.getStyleOfChar(0).marks().stream().anyMatch(m -> m.startsWith("cite")), "only the passage is marked");
        boolean nameShown = robot.lookup(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
                && l.getText().contains("Canary Person Zq")).tryQuery().isPresent();
        assertFalse(nameShown, "the confidential name is never on screen");
        assertTrue(body.getHtml().contains("found cracks in the spillway"), "the body itself is unchanged");
    }

}
