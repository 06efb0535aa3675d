package app.dispatch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import app.dispatch.app.DispatchApp;
import app.dispatch.domain.Story;
import app.dispatch.domain.StorySummary;
import app.dispatch.domain.LibraryScope;
import app.dispatch.service.Library;
import app.dispatch.ui.editor.BodyArea;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The drafting contract as a reporter meets it: Ctrl+N, type, "Saved", close, reopen, history. */
class DraftingUiTest {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final AppHarness harness = new AppHarness(robot);
    private DispatchApp app;
    private Stage stage;

    private void launch() throws Exception {
        app = harness.launch(dir);
        stage = harness.stage();
    }

    private void closeWindow() throws Exception {
        harness.close();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.closeIfOpen();
    }

    @Test
    void newStoryTypedIsSavedAndThereAfterReopening() throws Exception {
        launch();
        assertTrue(stage.getTitle().contains("Dispatch"));
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitFor(10, TimeUnit.SECONDS, () -> app.mainView().isEditing() && robot.lookup("#headline").queryAs(TextField.class).isFocused());
        robot.write("Floods cut off northern villages");
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        robot.write("Rescue teams reached the valley by boat.");
        robot.clickOn("#body");
        robot.write("Water rose overnight. \"We lost everything,\" said a farmer.");
        waitFor(10, TimeUnit.SECONDS, () -> "Saved".equals(robot.lookup("#save-state").queryAs(Label.class).getText()));
        assertTrue(stage.getTitle().contains("Floods cut off northern villages"));
        assertTrue(robot.lookup("#counts").queryAs(Label.class).getText().startsWith("9 words"),
                robot.lookup("#counts").queryAs(Label.class).getText());
        closeWindow();

        try (Library lib = Library.open(dir)) {
            List<StorySummary> rows = lib.stories().list(LibraryScope.ACTIVE, null);
            StorySummary row = rows.stream().filter(r -> r.headline().equals("Floods cut off northern villages")).findFirst().orElseThrow();
            Story s = lib.stories().get(row.id());
            assertEquals("Rescue teams reached the valley by boat.", s.content().standfirst());
            assertTrue(s.content().bodyHtml().contains("We lost everything"), s.content().bodyHtml());
        }

        launch();
        waitFor(10, TimeUnit.SECONDS, () -> app.mainView().isEditing());
        assertEquals("Floods cut off northern villages", robot.lookup("#headline").queryAs(TextField.class).getText());
        assertTrue(robot.lookup("#body").queryAs(BodyArea.class).getText().contains("We lost everything"));
    }

    @Test
    void historyPanelRestoresAnOlderRevision() throws Exception {
        launch();
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitFor(10, TimeUnit.SECONDS, () -> app.mainView().isEditing() && robot.lookup("#headline").queryAs(TextField.class).isFocused());
        robot.write("First headline");
        waitFor(10, TimeUnit.SECONDS, () -> "Saved".equals(robot.lookup("#save-state").queryAs(Label.class).getText()));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#snapshot-label").tryQuery().isPresent());
        robot.clickOn("#snapshot-label").write("first draft").press(KeyCode.ENTER).release(KeyCode.ENTER);
        @SuppressWarnings("unchecked")
        ListView<Object> list = robot.lookup("#history-list").queryAs(ListView.class);
        waitFor(10, TimeUnit.SECONDS, () -> list.getItems().stream().anyMatch(r -> r.toString().contains("first draft")));

        TextField headline = robot.lookup("#headline").queryAs(TextField.class);
        robot.clickOn(headline).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("Second headline");
        waitFor(10, TimeUnit.SECONDS, () -> "Saved".equals(robot.lookup("#save-state").queryAs(Label.class).getText()));

        int snapshotRow = -1;
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).toString().contains("first draft")) {
                snapshotRow = i;
            }
        }
        int row = snapshotRow;
        robot.interact(() -> list.getSelectionModel().select(row));
        robot.clickOn("#history-restore");
        robot.clickOn("OK");
        waitFor(10, TimeUnit.SECONDS, () -> headline.getText().equals("First headline"));
        waitFor(10, TimeUnit.SECONDS, () -> list.getItems().stream().anyMatch(r -> r.toString().contains("RESTORE")));
    }
}
