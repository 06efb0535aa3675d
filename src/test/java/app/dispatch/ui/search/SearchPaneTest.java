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

    @Test
    void wrappedResultsAreAsHighAsTheirTextAndDoNotOverlap() throws Exception {
        waitForResults(3);
        lib.stories().create(StoryContent.blank("en").withHeadline("Harbour ferry returns after a two-year gap in service")
                .withStandfirst("The island's only passenger link to the mainland restarts on Monday with a refitted boat,"
                        + " cheaper tickets for residents and a promise of winter sailings.")
                .withBodyHtml("<p>The harbour ferry between Ostervik and the mainland will sail again on Monday, ending a"
                        + " two-year gap that left the island's schoolchildren and patients on a costly private launch.</p>").withSection("Regional").withBylines(java.util.List.of("Maren Holt")));
        lib.stories().create(StoryContent.blank("fa").withHeadline("کتابخانهٔ مرکزی نیک\u200cآباد تا نیمه\u200cشب باز می\u200cماند harbour")
                .withStandfirst("شورای شهر نیک\u200cآباد می\u200cگوید از این هفته و در فصل امتحانات، سالن مطالعهٔ کتابخانهٔ مرکزی تا ساعت"
                        + " دوازده شب به روی دانش\u200cآموزان و دانشجویان باز است.")
                .withBodyHtml("<p>کتابخانهٔ مرکزی نیک\u200cآباد از این هفته تا نیمه\u200cشب باز می\u200cماند تا دانش\u200cآموزان و"
                        + " دانشجویانی که در خانه جای آرامی برای درس خواندن ندارند harbour بتوانند از سالن مطالعه استفاده کنند.</p>").withSection("شهری").withBylines(java.util.List.of("سارا محمدی")));
        // the app's theme and style sheet: their cell padding is what a result has to fit in
        interact(() -> {
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            pane.getScene().getStylesheets().add(getClass().getResource("/assets/css/dispatch.css").toExternalForm());
        });
        try {
            resultsFitTheirCells();
        } finally {
            interact(() -> {
                javafx.application.Application.setUserAgentStylesheet(null);
                pane.getScene().getStylesheets().clear();
            });
        }
    }

    private void resultsFitTheirCells() throws Exception {
        clickOn("#search-field").write("harbour");
        waitForResults(2);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        interact(() -> { // the side pane made narrower: results wrap again
            Stage stage = (Stage) pane.getScene().getWindow();
            stage.setMaximized(false);
            stage.setFullScreen(false);
            stage.setMinWidth(0); // the shared primary stage may keep the app window's minimum
            stage.setWidth(330);
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> results().getWidth() < 400);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<javafx.scene.control.ListCell<?>> cells = lookup("#search-results .list-cell").queryAll().stream()
                .<javafx.scene.control.ListCell<?>>map(n -> (javafx.scene.control.ListCell<?>) n)
                .filter(c -> c.getGraphic() != null && c.isVisible())
                .sorted(java.util.Comparator.comparingDouble(javafx.scene.control.ListCell::getLayoutY)).toList();
        assertEquals(2, cells.size());
        for (javafx.scene.control.ListCell<?> c : cells) {
            javafx.geometry.Bounds g = c.getGraphic().getBoundsInParent();
            assertTrue(g.getMaxY() <= c.getHeight() + 0.5, "a result drawn past its cell: " + g.getMaxY() + " > " + c.getHeight());
            assertTrue(c.getGraphic().prefHeight(g.getWidth()) > 70, "the wrapped snippet takes several lines: " + c.getGraphic().prefHeight(g.getWidth()) + " at " + g.getWidth() + " in a cell " + c.getWidth() + "x" + c.getHeight());
        }
        assertTrue(cells.get(0).getLayoutY() + cells.get(0).getHeight() <= cells.get(1).getLayoutY() + 0.5, "results overlap");
    }
}
