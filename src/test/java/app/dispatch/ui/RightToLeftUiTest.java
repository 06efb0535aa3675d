package app.dispatch.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import app.dispatch.app.DispatchApp;
import app.dispatch.domain.Story;
import app.dispatch.service.Library;
import app.dispatch.service.SampleLibrary;
import app.dispatch.ui.common.PlainTextArea;
import app.dispatch.ui.editor.BodyArea;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The Persian sample story in the real window: every wrapped line of the body and the standfirst
 * stays inside its paragraph (JavaFX alone draws wrapped right-to-left runs past the edge,
 * decision 0009), and the half-space is drawn without a box while the story keeps it.
 */
class RightToLeftUiTest {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final AppHarness harness = new AppHarness(robot);

    @AfterEach
    void tearDown() throws Exception {
        harness.closeIfOpen();
    }

    private UUID persianSample() {
        try (Library lib = Library.open(dir)) {
            List<Story> made = SampleLibrary.seedIfEmpty(lib);
            return made.stream().filter(s -> s.content().language().equals("fa")).findFirst().orElseThrow().id();
        }
    }

    @Test
    void persianStoryIsLaidOutInsideItsParagraphsAndHalfSpacesShowNoBox() throws Exception {
        UUID id = persianSample();
        DispatchApp app = harness.launch(dir);
        Stage stage = harness.stage();
        robot.interact(() -> {
            stage.setWidth(1100);
            stage.setHeight(760);
            app.mainView().open(id);
        });
        waitFor(10, TimeUnit.SECONDS, () -> app.mainView().isEditing() && robot.lookup("#body").tryQuery().isPresent()
                && robot.lookup("#body").queryAs(BodyArea.class).getLength() > 500
                && robot.lookup("#body").queryAs(BodyArea.class).isRightToLeft());
        BodyArea body = robot.lookup("#body").queryAs(BodyArea.class);
        robot.interact(() -> { });
        Thread.sleep(300);

        String shots = System.getProperty("dispatch.screenshots");
        if (shots != null) {
            Files.createDirectories(Path.of(shots));
            robot.interact(() -> {
                try {
                    javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null),
                            "png", Path.of(shots, "editor-rtl.png").toFile());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }

        String text = body.getText();
        assertTrue(text.indexOf('\u200c') >= 0, "the story keeps its half-spaces");
        List<Text> bodyTexts = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        robot.interact(() -> {
            for (Node n : body.lookupAll(".paragraph-text")) {
                TextFlow flow = (TextFlow) n;
                checkInside(flow, outside, bodyTexts);
            }
        });
        assertFalse(bodyTexts.isEmpty(), "body paragraphs are on screen");
        assertTrue(outside.isEmpty(), "text drawn outside its paragraph: " + outside);
        assertTrue(bodyTexts.stream().noneMatch(t -> t.getText().indexOf('\u200c') >= 0), "no half-space is drawn as a box");
        assertTrue(bodyTexts.stream().anyMatch(t -> t.getText().indexOf('\u202f') >= 0), "half-spaces are drawn as narrow spaces");

        PlainTextArea standfirst = robot.lookup("#standfirst").queryAs(PlainTextArea.class);
        assertEquals(app.mainView().editor().model().standfirst.get(), standfirst.getText());
        assertTrue(standfirst.getText().indexOf('\u200c') >= 0);
        List<String> standOutside = new ArrayList<>();
        List<Text> standTexts = new ArrayList<>();
        robot.interact(() -> {
            standfirst.setPrefWidth(420);
            standfirst.setMaxWidth(420);
        });
        Thread.sleep(300);
        robot.interact(() -> {
            for (Node n : standfirst.lookupAll(".paragraph-text")) {
                checkInside((TextFlow) n, standOutside, standTexts);
            }
        });
        assertTrue(standfirst.nodesOfParagraph(0) > 10, "the standfirst is cut into words");
        assertTrue(standOutside.isEmpty(), "standfirst text drawn outside: " + standOutside);

        TextField headline = robot.lookup("#headline").queryAs(TextField.class);
        assertTrue(headline.getText().indexOf('\u200c') >= 0);
        List<String> drawn = new ArrayList<>();
        robot.interact(() -> headline.lookupAll(".text").forEach(n -> {
            if (n instanceof Text t) {
                drawn.add(t.getText());
            }
        }));
        assertTrue(drawn.stream().anyMatch(s -> s.indexOf('\u202f') >= 0) && drawn.stream().noneMatch(s -> s.indexOf('\u200c') >= 0),
                "the headline draws half-spaces without a box: " + drawn);

    }

    @Test
    void searchResultsOfTheSampleLibraryAreAsHighAsTheirTextAndDoNotOverlap() throws Exception {
        persianSample();
        harness.launch(dir);
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#search-results").tryQuery().isPresent()
                && robot.lookup("#search-results").queryAs(javafx.scene.control.ListView.class).getItems().size() == 3);
        Thread.sleep(500);
        List<javafx.scene.control.ListCell<?>> cells = new ArrayList<>();
        robot.interact(() -> robot.lookup("#search-results .list-cell").queryAll().stream()
                .map(n -> (javafx.scene.control.ListCell<?>) n).filter(c -> c.getGraphic() != null && c.isVisible())
                .sorted(java.util.Comparator.comparingDouble(javafx.scene.control.ListCell::getLayoutY)).forEach(cells::add));
        assertEquals(3, cells.size(), "the three samples are listed");
        for (javafx.scene.control.ListCell<?> c : cells) {
            Bounds g = c.getGraphic().getBoundsInParent();
            assertTrue(g.getMaxY() <= c.getHeight() + 0.5, "a result is drawn past its cell: " + g.getMaxY() + " > " + c.getHeight());
        }
        for (int i = 0; i + 1 < cells.size(); i++) {
            assertTrue(cells.get(i).getLayoutY() + cells.get(i).getHeight() <= cells.get(i + 1).getLayoutY() + 0.5, "results overlap");
        }
        List<String> meta = new ArrayList<>();
        robot.interact(() -> cells.get(1).lookupAll(".search-hit-meta").forEach(n -> {
            if (n instanceof javafx.scene.control.Label l) {
                meta.add(l.getText());
            }
        }));
        assertEquals(List.of("Draft", " · ", "شهری"), meta.subList(0, 3), "each field of the Persian result's line is its own label");
    }

    /** Adds to {@code outside} every text node of the flow drawn more than a pixel beyond the flow's width. */
    private static void checkInside(TextFlow flow, List<String> outside, List<Text> texts) {
        double width = flow.getWidth();
        for (Node c : flow.getChildrenUnmodifiable()) {
            if (c instanceof Text t && !t.getText().isBlank()) {
                texts.add(t);
                Bounds b = t.getBoundsInParent();
                if (b.getMinX() < -1 || b.getMaxX() > width + 1) {
                    outside.add("'" + t.getText().strip() + "' at " + Math.round(b.getMinX()) + ".." + Math.round(b.getMaxX())
                            + " of " + Math.round(width));
                }
            }
        }
    }
}
