package app.dispatch.ui.media;

import static app.dispatch.media.MediaTestImages.jpeg;
import static app.dispatch.media.MediaTestImages.withIptc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.MediaItem;
import app.dispatch.media.MediaTestImages;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.service.Library;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

class MediaPaneTest extends ApplicationTest {
    private Path dir;
    private Library lib;
    private Story story;
    private MediaPane pane;

    @Override
    public void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("media-pane");
        lib = Library.open(dir.resolve("lib"));
        story = lib.stories().create(StoryContent.blank("en").withHeadline("Storm"));
        pane = new MediaPane(lib.media(), story.id(), Runnable::run, Runnable::run);
        javafx.application.Application.setUserAgentStylesheet(null); // earlier app tests leave their theme behind
        stage.setScene(new Scene(pane, 600, 790));
        stage.setX(0);
        stage.setY(0);
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        lib.close();
        app.dispatch.service.bench.Benchmarks.deleteTree(dir);
    }

    private Label missingMark() {
        return lookup(".media-missing").queryAs(Label.class);
    }

    @Test
    void typingACreditMakesTheMissingCreditMarkGoAway() throws Exception {
        Path img = MediaTestImages.write(dir, "storm.jpg", withIptc(jpeg(300, 200, 1),
                Map.of(IptcTypes.CAPTION_ABSTRACT, List.of("طوفان در بندر"))));
        interact(() -> pane.model().attach(List.of(img)));
        assertEquals(1, pane.model().entries().size());
        assertTrue(missingMark().isVisible());
        assertEquals("Missing credit, alt text", missingMark().getText());
        Node fromFile = lookup("#media-caption-from-file").query();
        assertTrue(fromFile.isVisible(), "the caption came from the file");
        assertFalse(lookup("#media-credit-from-file").query().isVisible());
        assertNotNull(pane.model().entries().get(0).thumbnailProperty().get(), "thumbnail loaded");

        clickOn("#media-credit").write("AP Photo");
        assertEquals("Missing alt text", missingMark().getText());
        assertEquals("8 / 2000", lookup("#media-credit-count").queryAs(Label.class).getText());
        clickOn("#media-alt-text").write("Waves over a harbour wall");
        assertEquals("Waves over a harbour wall", pane.model().entries().get(0).item().altText());
        assertTrue(lookup(".media-missing").match(Node::isVisible).queryAll().isEmpty(), "nothing missing any more");

        MediaItem saved = lib.media().list(story.id()).get(0);
        assertEquals("AP Photo", saved.credit());
        assertEquals("Waves over a harbour wall", saved.altText());
        assertEquals("طوفان در بندر", saved.caption());
    }

    @Test
    void reorderLeadRemoveAndRestoreThroughThePanel() throws Exception {
        Path a = MediaTestImages.write(dir, "a.jpg", jpeg(100, 80, 1));
        Path b = MediaTestImages.write(dir, "b.jpg", jpeg(100, 80, 2));
        Path c = MediaTestImages.write(dir, "c.jpg", jpeg(100, 80, 3));
        interact(() -> pane.model().attach(List.of(a, b, c)));
        MediaModel m = pane.model();
        List<UUID> before = m.entries().stream().map(MediaModel.Entry::id).toList();
        interact(() -> m.move(2, 0));
        List<UUID> stored = lib.media().list(story.id()).stream().map(MediaItem::id).toList();
        assertEquals(List.of(before.get(2), before.get(0), before.get(1)), stored);

        interact(() -> m.selectedProperty().set(m.entries().get(2)));
        clickOn("#media-make-lead");
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> lib.media().get(before.get(1)).lead());

        interact(() -> m.selectedProperty().set(m.entries().get(0)));
        clickOn("#media-remove");
        org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> m.entries().size() == 2);
        assertEquals(1, m.trashed().size());
        assertTrue(lib.media().get(before.get(2)).isTrashed());

        interact(() -> m.restore(m.trashed().get(0)));
        assertEquals(3, m.entries().size());
        assertEquals(before.get(2), m.entries().get(2).id());
        assertFalse(lib.media().get(before.get(2)).isTrashed());
    }

    @Test
    void aRefusedDropShowsWhyAndAttachesNothing() throws Exception {
        Path bad = MediaTestImages.write(dir, "broken.jpg", "not a picture".getBytes());
        interact(() -> pane.model().attach(List.of(bad)));
        assertTrue(lookup("#media-error").queryAs(Label.class).getText().contains("broken.jpg"));
        assertTrue(lib.media().list(story.id()).isEmpty());
    }
}
