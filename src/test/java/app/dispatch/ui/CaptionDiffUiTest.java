package app.dispatch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import app.dispatch.app.DispatchApp;
import app.dispatch.domain.MediaItem;
import app.dispatch.domain.Status;
import app.dispatch.domain.StoryContent;
import app.dispatch.media.MediaTestImages;
import app.dispatch.service.Library;
import app.dispatch.service.MediaEdit;
import app.dispatch.service.Preferences;
import app.dispatch.service.Profile;
import app.dispatch.ui.review.DiffView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** In the real window: a caption edited in the Media tab after submitting shows in "Changes since last review", named by its picture. */
class CaptionDiffUiTest {
    private static final String LABEL = "Caption — flood-road.jpg";

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final AppHarness harness = new AppHarness(robot);

    @AfterEach
    void tearDown() throws Exception {
        harness.closeIfOpen();
    }

    private void fireMenuItem(String id) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        MenuItem item = bar.getMenus().stream().map(Menu::getItems).flatMap(List::stream)
                .filter(m -> id.equals(m.getId())).findFirst().orElseThrow();
        robot.interact(item::fire);
    }

    private boolean diffShowsCaptionLabel() {
        return robot.lookup("." + DiffView.FIELD_LABEL_CLASS).queryAllAs(Label.class).stream().anyMatch(l -> l.getText().equals(LABEL));
    }

    @Test
    void aCaptionEditedAfterSubmittingShowsInTheDiffWindowUnderItsPicturesName() throws Exception {
        UUID id;
        UUID picture;
        Path lib = dir.resolve("lib");
        try (Library l = Library.open(lib)) {
            l.profile().save("Rita Porter", "RP", Profile.Role.REPORTER);
            id = l.stories().create(StoryContent.blank("en").withHeadline("Floods cut off villages")
                    .withBodyHtml("<p>The river rose overnight.</p>")).id();
            Path img = MediaTestImages.write(Files.createDirectories(dir.resolve("pictures")), "flood-road.jpg", MediaTestImages.jpeg(120, 90, 5));
            MediaItem m = l.media().attach(id, img).get(0);
            picture = m.id();
            l.media().update(picture, MediaEdit.NONE.withCaption("Villagers cross the flooded road"));
            l.workflow().move(id, Status.SUBMITTED, "");
            l.preferences().put(Preferences.OPEN_STORY, id.toString());
        }
        DispatchApp app = harness.launch(lib);
        waitFor(10, TimeUnit.SECONDS, () -> app.mainView().isEditing());

        TabPane sideTabs = robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .filter(tp -> tp.getTabs().stream().anyMatch(t -> "tab-media".equals(t.getId()))).findFirst().orElseThrow();
        Tab media = sideTabs.getTabs().stream().filter(t -> "tab-media".equals(t.getId())).findFirst().orElseThrow();
        robot.interact(() -> sideTabs.getSelectionModel().select(media));
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#media-list").tryQuery().isPresent()
                && !robot.lookup("#media-list").queryAs(ListView.class).getItems().isEmpty());
        robot.interact(() -> robot.lookup("#media-list").queryAs(ListView.class).getSelectionModel().select(0));
        app.dispatch.ui.common.PlainTextArea caption = robot.lookup("#media-caption").queryAs(app.dispatch.ui.common.PlainTextArea.class);
        waitFor(5, TimeUnit.SECONDS, () -> caption.getText().startsWith("Villagers cross"));
        robot.clickOn(caption);
        robot.interact(caption::selectAll);
        robot.write("Villagers wade across the flooded road");

        // the caption is saved on the background pool; open (or reload) the window until the diff has it
        boolean shown = false;
        for (int attempt = 0; attempt < 5 && !shown; attempt++) {
            fireMenuItem("menu-review-diff");
            try {
                waitFor(4, TimeUnit.SECONDS, this::diffShowsCaptionLabel);
                shown = true;
            } catch (TimeoutException notYet) {
                // reload
            }
        }
        assertTrue(shown, "the diff window names the caption " + LABEL);
        List<String> inserted = robot.lookup("." + DiffView.INSERT_CLASS).queryAll().stream().map(n -> ((Text) n).getText()).toList();
        assertTrue(inserted.stream().anyMatch(t -> t.contains("wade")), inserted.toString());
        harness.close();

        try (Library l = Library.open(lib)) {
            assertEquals("Villagers wade across the flooded road", l.media().get(picture).caption());
        }
    }
}
