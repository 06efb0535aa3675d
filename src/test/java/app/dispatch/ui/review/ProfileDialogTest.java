package app.dispatch.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.service.Library;
import app.dispatch.service.Profile;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

class ProfileDialogTest extends ApplicationTest {
    @TempDir
    static Path dir;
    private static Library lib;
    private ProfileDialog dialog;

    @BeforeAll
    static void open() {
        lib = Library.open(dir);
    }

    @AfterAll
    static void close() {
        lib.close();
    }

    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
        dialog = new ProfileDialog(lib.profile(), "", "", Profile.Role.REPORTER, Runnable::run);
        dialog.initOwner(stage);
    }

    @Test
    @SuppressWarnings("unchecked")
    void firstStartProfileIsSavedWithNameInitialsAndRole() throws Exception {
        assertTrue(!lib.profile().isSet());
        interact(() -> dialog.show());
        clickOn("#profile-name").write("Ed Itor");
        clickOn("#profile-initials").write("EDI");
        interact(() -> ((ChoiceBox<Profile.Role>) lookup("#profile-role").query()).setValue(Profile.Role.EDITOR));
        interact(() -> ((javafx.scene.control.Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).fire());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lib.profile().isSet());
        assertEquals("Ed Itor", lib.profile().name());
        assertEquals("EDI", lib.profile().initials());
        assertEquals(Profile.Role.EDITOR, lib.profile().role());
    }
}
