package app.dispatch.ui.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.SearchHit;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.service.Library;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

class SearchPaneTest extends ApplicationTest {
    private Path dir;
    private Library lib;
    private ExecutorService background;
    private SearchPane pane;
    private Story flood;
    private final AtomicReference<UUID> opened = new AtomicReference<>();

    @Override
    public void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("search-pane");
        lib = Library.open(dir);
        flood = lib.stories().create(StoryContent.blank("en").withHeadline("Flood waters rise in Herat")
                .withBodyHtml("<p>Residents of the old town moved to higher ground as the river rose.</p>"));
        lib.stories().create(StoryContent.blank("en").withHeadline("Flood relief arrives late")
                .withBodyHtml("<p>Aid convoys reached the valley after the roads reopened.</p>"));
        lib.stories().create(StoryContent.blank("en").withHeadline("Budget vote postponed")
                .withBodyHtml("<p>The council delayed the decision.</p>"));
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "search-test");
            t.setDaemon(true);
            return t;
        });
        pane = new SearchPane(lib.search(), background, Platform::runLater);
        pane.setOnOpen(opened::set);
        stage.setScene(new Scene(pane, 700, 500));
        stage.show();
    }

    @AfterEach
    void closeLibrary() throws Exception {
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        lib.close();
    }

    private ListView<SearchHit> results() {
        return lookup("#search-results").queryListView();
    }

    private void waitForResults(int count) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> results().getItems().size() == count);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void typingNarrowsResultsHighlightsMatchesAndOpensOne() throws Exception {
        waitForResults(3);
        clickOn("#search-field").write("flood");
        waitForResults(2);
        write(" herat");
        waitForResults(1);
        assertEquals(flood.id(), results().getItems().get(0).id());
        List<String> highlighted = lookup(".search-highlight").queryAll().stream()
                .map(n -> ((Text) n).getText().toLowerCase()).toList();
        assertTrue(highlighted.contains("flood"), highlighted.toString());
        assertTrue(highlighted.contains("herat"), highlighted.toString());
        Node snippetWord = lookup(".search-hit-snippet").query();
        assertFalse(snippetWord == null);
        doubleClickOn(lookup(".search-hit-headline").<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(flood.id(), opened.get());
        clickOn("#search-field").write(" zzzz");
        waitForResults(0);
        assertTrue(lookup("#search-summary").queryLabeled().getText().startsWith("nothing found"));
    }

    @Test
    void snippetHighlightsBodyWords() throws Exception {
        waitForResults(3);
        clickOn("#search-field").write("convoys");
        waitForResults(1);
        List<String> snippetHighlights = lookup(".search-hit-snippet .search-highlight").queryAll().stream()
                .map(n -> ((Text) n).getText()).toList();
        assertEquals(List.of("convoys"), snippetHighlights);
    }
}
