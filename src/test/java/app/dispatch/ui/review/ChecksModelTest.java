package app.dispatch.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Finding;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.service.Library;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecksModelTest {
    @TempDir
    Path dir;

    @Test
    void checksRunOnlyThroughTheBackgroundExecutor() throws Exception {
        try (Library lib = Library.open(dir)) {
            Story s = lib.stories().create(StoryContent.blank("xx").withHeadline("Floods").withBodyHtml("<p>Prices rose 12% here.</p>"));
            List<Runnable> backgroundTasks = new ArrayList<>();
            List<String> checkThreads = new ArrayList<>();
            ChecksModel model = new ChecksModel(lib.checks(), backgroundTasks::add, Runnable::run);
            model.checkStory(s.id());
            assertEquals(1, backgroundTasks.size());
            assertTrue(model.findings().isEmpty(), "nothing may be checked on the calling (FX) thread");
            assertTrue(model.runningProperty().get());

            Thread worker = new Thread(() -> {
                checkThreads.add(Thread.currentThread().getName());
                backgroundTasks.remove(0).run();
            }, "check-worker");
            worker.start();
            worker.join();
            assertFalse(model.runningProperty().get());
            assertTrue(model.findings().stream().map(Finding::ruleId).anyMatch(id -> id.equals("style.percent")), model.findings().toString());
            assertTrue(model.findings().stream().anyMatch(f -> f.message().equals("no spelling check for xx")));
            assertEquals(List.of("check-worker"), checkThreads);
        }
    }

    @Test
    void onlyTheNewestResultIsShown() {
        try (Library lib = Library.open(dir)) {
            List<Runnable> tasks = new ArrayList<>();
            ChecksModel model = new ChecksModel(lib.checks(), tasks::add, Runnable::run);
            model.recheckBody("Prices rose 12% here.", "xx");
            model.recheckBody("Prices rose 12 percent here.", "xx");
            tasks.get(1).run();
            tasks.get(0).run();
            assertTrue(model.findings().stream().noneMatch(f -> f.ruleId().equals("style.percent")), model.findings().toString());
        }
    }
}
