package app.dispatch.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.dispatch.domain.ExportOptions;
import app.dispatch.domain.Story;
import app.dispatch.pack.Fixtures;
import app.dispatch.service.Library;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

class ImportActionsTest extends ApplicationTest {
    Path dir;
    Library source;
    Library target;
    ExecutorService background;
    Stage stage;
    final List<UUID> imported = new CopyOnWriteArrayList<>();
    final List<Path> dropped = new CopyOnWriteArrayList<>();

    @Override
    public void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory("import-ui");
        source = Library.open(dir.resolve("a"));
        target = Library.open(dir.resolve("b"));
        background = Executors.newSingleThreadExecutor();
        StackPane library = new StackPane(new Label("Library"));
        ImportDrop.install(library, dropped::addAll);
        stage.setScene(new Scene(library, 300, 200));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        background.shutdownNow();
        source.close();
        target.close();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void droppedPackageIsImportedInTheBackgroundAndReported() throws Exception {
        Story s = source.stories().create(Fixtures.content());
        Path zip = dir.resolve("story.zip");
        source.packages().export(List.of(s.id()), zip, ExportOptions.DEFAULTS.withForce(true));
        assertEquals(List.of(zip), ImportDrop.importable(List.of(zip, dir.resolve("photo.exe"))));

        ImportActions actions = new ImportActions(target.packages(), background, Platform::runLater, imported::addAll);
        interact(() -> actions.importFiles(stage, ImportDrop.importable(List.of(zip))));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !imported.isEmpty());
        assertEquals(List.of(s.id()), imported);
        assertEquals(s.content().headline(), target.stories().get(s.id()).content().headline());
    }
}
