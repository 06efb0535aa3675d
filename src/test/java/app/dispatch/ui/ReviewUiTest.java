package app.dispatch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import app.dispatch.app.DispatchApp;
import app.dispatch.domain.Comment;
import app.dispatch.domain.Finding;
import app.dispatch.domain.Status;
import app.dispatch.domain.StoryContent;
import app.dispatch.service.CheckService;
import app.dispatch.service.Library;
import app.dispatch.service.Preferences;
import app.dispatch.service.Profile;
import app.dispatch.service.WorkflowService;
import app.dispatch.ui.editor.BodyArea;
import app.dispatch.ui.review.DiffView;
import app.dispatch.ui.review.ReviewFeature;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The review contract in the real window: comment on a selection (Ctrl+Alt+M), resolve, submit, see the changes since. */
class ReviewUiTest {
    private static final String BODY = "<p>The river rose overnight.</p><p>Twelve people died in the floods.</p>";

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

    private UUID storyOpenOnStart() {
        try (Library lib = Library.open(dir)) {
            lib.profile().save("Rita Porter", "RP", Profile.Role.REPORTER);
            UUID id = lib.stories().create(StoryContent.blank("en").withHeadline("Floods cut off villages").withBodyHtml(BODY)).id();
            lib.preferences().put(Preferences.OPEN_STORY, id.toString());
            return id;
        }
    }

    private void fireMenuItem(String id) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        MenuItem item = bar.getMenus().stream().map(Menu::getItems).flatMap(List::stream)
                .filter(m -> id.equals(m.getId())).findFirst().orElseThrow();
        robot.interact(item::fire);
    }

    /** Whether the body's character at {@code at} carries the decoration; read on the FX thread. */
    private boolean marked(BodyArea body, int at, String mark) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> body.getStyleOfChar(at).marks().contains(mark)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void commentOnSelectionIsHighlightedResolvedThenSubmitAndChangesShowTheInsertion() throws Exception {
        UUID id = storyOpenOnStart();
        launch();
        waitFor(10, TimeUnit.SECONDS, () -> app.mainView().isEditing());
        BodyArea body = robot.lookup("#body").queryAs(BodyArea.class);
        waitFor(10, TimeUnit.SECONDS, () -> body.getText().contains("Twelve people"));

        String passage = "Twelve people died";
        int at = body.getText().indexOf(passage);
        robot.interact(() -> {
            body.requestFocus();
            body.selectRange(at, at + passage.length());
        });
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.M).release(KeyCode.M, KeyCode.ALT, KeyCode.CONTROL);
        app.dispatch.ui.common.PlainTextArea newComment = robot.lookup("#new-comment-body").queryAs(app.dispatch.ui.common.PlainTextArea.class);
        waitFor(5, TimeUnit.SECONDS, newComment::isFocused);
        robot.write("Who confirmed the toll?");
        robot.clickOn("#add-comment");

        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".comment-body").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().contains("Who confirmed the toll?")));
        waitFor(5, TimeUnit.SECONDS, () -> marked(body, at + 2, "comment"));
        assertTrue(!marked(body, 2, "comment"), "only the commented passage is highlighted");

        robot.clickOn(".resolve-comment");
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".reopen-comment").tryQuery().isPresent());
        waitFor(5, TimeUnit.SECONDS, () -> !marked(body, at + 2, "comment"));

        fireMenuItem("menu-submit");
        waitFor(10, TimeUnit.SECONDS, () -> "Submitted".equals(robot.lookup("#workflow-status").queryAs(Label.class).getText()));

        robot.interact(() -> {
            body.requestFocus();
            body.moveTo(body.getLength());
        });
        robot.write(" Boats arrived at noon.");
        waitFor(10, TimeUnit.SECONDS, () -> "Saved".equals(robot.lookup("#save-state").queryAs(Label.class).getText()));

        fireMenuItem("menu-review-diff");
        waitFor(10, TimeUnit.SECONDS, () -> insertion().filter(t -> t.contains("Boats")).isPresent());
        closeWindow();

        try (Library lib = Library.open(dir)) {
            assertEquals(Status.SUBMITTED, lib.stories().get(id).status());
            List<Comment> comments = lib.comments().list(id);
            assertEquals(1, comments.size());
            Comment c = comments.get(0);
            assertTrue(c.resolved());
            assertEquals(passage, c.quote());
            assertEquals("Rita Porter", c.author());
            assertTrue(lib.stories().get(id).content().bodyHtml().contains("Boats arrived at noon."));
        }
    }

    @Test
    void libraryFiltersByStatusAndEditingAnApprovedStoryWarnsAndSendsItBackToDraft() throws Exception {
        UUID approved;
        try (Library lib = Library.open(dir)) {
            lib.stories().create(StoryContent.blank("en").withHeadline("Still a draft").withBodyHtml(BODY));
            approved = lib.stories().create(StoryContent.blank("en").withHeadline("Signed off").withBodyHtml(BODY)).id();
            lib.stories().setStatus(approved, Status.APPROVED, "");
        }
        launch();
        waitFor(10, TimeUnit.SECONDS, () -> app.mainView().libraryModel().rows().size() >= 2);
        @SuppressWarnings("unchecked")
        ComboBox<Status> filter = robot.lookup("#lib-status-filter").queryAs(ComboBox.class);
        robot.interact(() -> filter.setValue(Status.APPROVED));
        waitFor(5, TimeUnit.SECONDS, () -> app.mainView().libraryModel().rows().size() == 1);
        assertEquals(approved, app.mainView().libraryModel().rows().get(0).id());

        robot.interact(() -> app.mainView().open(approved));
        waitFor(10, TimeUnit.SECONDS, () -> app.mainView().isEditing());
        BodyArea body = robot.lookup("#body").queryAs(BodyArea.class);
        waitFor(10, TimeUnit.SECONDS, () -> body.getText().contains("Twelve people"));
        waitFor(10, TimeUnit.SECONDS, () -> "Approved".equals(robot.lookup("#workflow-status").queryAs(Label.class).getText()));
        robot.interact(() -> {
            body.requestFocus();
            body.moveTo(body.getLength());
        });
        robot.write(" Late fix.");
        Label notice = robot.lookup("#review-notice").queryAs(Label.class);
        waitFor(10, TimeUnit.SECONDS, () -> WorkflowService.EDIT_AFTER_APPROVAL_WARNING.equals(notice.getText()));
        waitFor(10, TimeUnit.SECONDS, () -> "Draft".equals(robot.lookup("#workflow-status").queryAs(Label.class).getText()));
        waitFor(10, TimeUnit.SECONDS, () -> "Saved".equals(robot.lookup("#save-state").queryAs(Label.class).getText()));
        closeWindow();

        try (Library lib = Library.open(dir)) {
            assertEquals(Status.DRAFT, lib.stories().get(approved).status());
            assertEquals(WorkflowService.EDIT_AFTER_APPROVAL_NOTE, lib.workflow().history(approved).get(lib.workflow().history(approved).size() - 1).note());
        }
    }

    @Test
    void checksUnderlineFindingsInTheBodyAndAddToDictionaryClearsOne() throws Exception {
        UUID id;
        try (Library lib = Library.open(dir)) {
            id = lib.stories().create(StoryContent.blank("en").withHeadline("Harbour reopens")
                    .withBodyHtml("<p>Whilst the storm passed, the Kravnik ferry sailed again.</p>")).id();
            lib.preferences().put(Preferences.OPEN_STORY, id.toString());
        }
        launch();
        waitFor(10, TimeUnit.SECONDS, () -> app.mainView().isEditing());
        BodyArea body = robot.lookup("#body").queryAs(BodyArea.class);
        waitFor(10, TimeUnit.SECONDS, () -> body.getText().contains("Kravnik"));
        int whilst = body.getText().indexOf("Whilst");
        int name = body.getText().indexOf("Kravnik");
        waitFor(90, TimeUnit.SECONDS, () -> marked(body, whilst + 1, "style") && marked(body, name + 1, "spell"));
        assertTrue(!marked(body, whilst + 1, "spell") && !marked(body, name - 3, "spell"), "only the flagged words are marked");

        @SuppressWarnings("unchecked")
        ListView<Finding> findings = robot.lookup("#findings").queryAs(ListView.class);
        robot.interact(() -> findings.getSelectionModel().select(findings.getItems().stream()
                .filter(f -> f.ruleId().startsWith("spelling.") && f.start() == name).findFirst().orElseThrow()));
        MenuItem add = findings.getContextMenu().getItems().stream().filter(m -> "finding-add-to-dictionary".equals(m.getId()))
                .findFirst().orElseThrow();
        robot.interact(add::fire);
        waitFor(30, TimeUnit.SECONDS, () -> !marked(body, name + 1, "spell"));
        assertTrue(marked(body, whilst + 1, "style"));
        closeWindow();

        try (Library lib = Library.open(dir)) {
            assertTrue(lib.checks().dictionary().contains("Kravnik"), "dictionary " + lib.checks().dictionary() + " settings "
                    + lib.settings().get(CheckService.DICTIONARY_SETTING));
        }
    }

    @Test
    void firstStartAsksForTheProfileOnce() throws Exception {
        String skip = System.clearProperty(ReviewFeature.SKIP_PROFILE);
        try {
            launch();
            waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#profile-name").tryQuery().isPresent());
            TextField name = robot.lookup("#profile-name").queryAs(TextField.class);
            TextField initials = robot.lookup("#profile-initials").queryAs(TextField.class);
            robot.interact(() -> {
                name.clear();
                initials.clear();
            });
            robot.clickOn(name).write("Ed Itor");
            robot.clickOn(initials).write("EI");
            robot.clickOn("OK");
            waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#profile-name").tryQuery().isEmpty());
            closeWindow();
            try (Library lib = Library.open(dir)) {
                assertTrue(lib.profile().isSet());
                assertEquals("Ed Itor", lib.profile().name());
            }
        } finally {
            if (skip != null) {
                System.setProperty(ReviewFeature.SKIP_PROFILE, skip);
            }
        }
    }

    private Optional<String> insertion() {
        return robot.lookup("." + DiffView.INSERT_CLASS).queryAll().stream().map(n -> ((Text) n).getText())
                .reduce((a, b) -> a + b).map(String::strip);
    }
}
