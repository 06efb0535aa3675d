package app.dispatch.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.dispatch.domain.Status;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.domain.StorySummary;
import app.dispatch.service.Library;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

class ReviewQueueViewTest extends ApplicationTest {
    @TempDir
    static Path dir;
    private static Library lib;
    private static Story older;
    private static Story newer;
    private final List<UUID> opened = new ArrayList<>();

    @BeforeAll
    static void open() throws Exception {
        lib = Library.open(dir);
        newer = lib.stories().create(StoryContent.blank("en").withHeadline("Second in"));
        older = lib.stories().create(StoryContent.blank("en").withHeadline("First in"));
        lib.stories().create(StoryContent.blank("en").withHeadline("Still a draft"));
        lib.workflow().move(older.id(), Status.SUBMITTED, "");
        Thread.sleep(5);
        lib.workflow().move(newer.id(), Status.SUBMITTED, "");
    }

    @AfterAll
    static void close() {
        lib.close();
    }

    @Override
    public void start(Stage stage) {
        ReviewQueueModel model = new ReviewQueueModel(lib.workflow(), Runnable::run, Runnable::run);
        stage.setScene(new Scene(new ReviewQueueView(model, opened::add), 400, 300));
        stage.show();
        model.reload();
    }

    @Test
    @SuppressWarnings("unchecked")
    void queueListsSubmittedStoriesOldestFirstAndOpensOnDoubleClick() throws Exception {
        ListView<StorySummary> list = lookup("#review-queue").queryAs(ListView.class);
        assertEquals(List.of("First in", "Second in"), list.getItems().stream().map(StorySummary::headline).toList());
        javafx.scene.Node first = lookup(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getText() != null
                && c.getText().startsWith("First in")).query();
        doubleClickOn(first);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !opened.isEmpty());
        assertEquals(older.id(), opened.get(0));
    }
}
