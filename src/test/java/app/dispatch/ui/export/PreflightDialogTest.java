package app.dispatch.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.ExportOptions;
import app.dispatch.domain.MediaItem;
import app.dispatch.domain.NinjsVersion;
import app.dispatch.domain.PreflightIssue;
import app.dispatch.domain.Story;
import app.dispatch.pack.Fixtures;
import app.dispatch.pack.Standards;
import app.dispatch.service.Library;
import app.dispatch.service.MemoryMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

class PreflightDialogTest extends ApplicationTest {
    Path dir;
    Library lib;
    MemoryMedia media;
    ExecutorService background;
    ExportModel model;
    Story story;
    Path target;

    @Override
    public void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("preflight-ui");
        lib = Library.open(dir.resolve("lib"));
        media = new MemoryMedia();
        lib.packages().useMedia(media);
        story = lib.stories().create(Fixtures.content());
        byte[] img = Fixtures.image(40, 30, "jpg", 3);
        media.add(Fixtures.picture(story.id(), 0, img, false, false), img);
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "export-test");
            t.setDaemon(true);
            return t;
        });
        target = dir.resolve("out").resolve("story.zip");
        model = new ExportModel(lib.packages(), List.of(story.id()), target, ExportOptions.DEFAULTS, background, Platform::runLater);
        stage.setScene(new Scene((Region) new PreflightDialog(model).node(), 560, 380));
        stage.show();
        model.check();
    }

    @AfterEach
    void tearDown() throws Exception {
        background.shutdownNow();
        lib.close();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void missingCaptionIsListedFixedAndThenTheExportSucceeds() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.checkingProperty().get() && !model.issues().isEmpty());
        ListView<PreflightIssue> list = lookup("#preflight-issues").queryListView();
        assertTrue(list.getItems().stream().anyMatch(i -> i.isError() && i.message().contains("has no caption")), list.getItems().toString());
        assertTrue(lookup(".list-cell").queryAll().stream().anyMatch(n -> n instanceof javafx.scene.control.Labeled l
                && l.getText() != null && l.getText().startsWith("Error: ") && l.getText().contains("has no caption")),
                "the user sees the missing caption");
        Button export = lookup("#preflight-export").queryButton();
        assertTrue(export.isDisabled(), "errors block the export");

        MediaItem m = media.items.get(story.id()).get(0);
        media.items.put(story.id(), new ArrayList<>(List.of(new MediaItem(m.id(), m.storyId(), m.sha256(), m.fileName(), m.mimeType(),
                m.width(), m.height(), m.bytes(), m.position(), m.lead(), "Villagers cross the flooded road", "Reuters",
                m.creator(), m.copyrightNotice(), m.usageTerms(), "A flooded road", m.dateTaken(), m.city(), m.country(),
                m.keywords(), m.prefilled(), m.createdAt(), null))));
        clickOn("#preflight-recheck");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.checkingProperty().get() && !model.blockedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(export.isDisabled());
        assertTrue(model.issues().stream().noneMatch(PreflightIssue::isError));

        clickOn("#preflight-export");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.exportedProperty().get());
        assertTrue(Files.exists(target), "the file is there");
        Standards.assertValidPackage(target, NinjsVersion.V3_1);
        assertEquals(List.of(), lib.packages().validate(target));
    }
}
