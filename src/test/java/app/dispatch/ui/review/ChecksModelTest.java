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

    @Test
    void typingStartsNoCheckUntilThePauseAndOnlyTheLastTextIsChecked() {
        try (Library lib = Library.open(dir)) {
            List<Runnable> background = new ArrayList<>();
            List<Runnable> afterPause = new ArrayList<>();
            ChecksModel model = new ChecksModel(lib.checks(), background::add, Runnable::run, afterPause::add);
            model.bodyChanged("Prices rose 1", "xx");
            model.bodyChanged("Prices rose 12", "xx");
            model.bodyChanged("Prices rose 12%", "xx");
            assertTrue(background.isEmpty(), "no check while typing");
            afterPause.forEach(Runnable::run);
            assertEquals(1, background.size(), "one check after the pause, for the newest text");
            background.remove(0).run();
            Finding f = model.bodyFindings().stream().filter(x -> x.ruleId().equals("style.percent")).findFirst().orElseThrow();
            assertEquals("12%", "Prices rose 12%".substring(f.start(), f.end()));
        }
    }

    @Test
    void aLiveResultIsDroppedWhenTheTextChangedWhileItWasChecked() {
        try (Library lib = Library.open(dir)) {
            List<Runnable> background = new ArrayList<>();
            ChecksModel model = new ChecksModel(lib.checks(), background::add, Runnable::run, Runnable::run);
            model.bodyChanged("Prices rose 12% here.", "xx");
            model.bodyChanged("Today prices rose 12% here.", "xx");
            background.get(0).run(); // the older text's result arrives: its positions are wrong now
            assertTrue(model.bodyFindings().isEmpty(), model.bodyFindings().toString());
            background.get(1).run();
            Finding f = model.bodyFindings().stream().filter(x -> x.ruleId().equals("style.percent")).findFirst().orElseThrow();
            assertEquals(18, f.start(), "at the position in the newest text");
        }
    }

    @Test
    void liveBodyFindingsReplaceTheStoredBodysAndPreflightAndHeadlineFindingsStay() {
        try (Library lib = Library.open(dir)) {
            Story s = lib.stories().create(StoryContent.blank("xx").withStandfirst("Up 5% on the year")
                    .withBodyHtml("<p>Prices rose 12% here.</p>"));
            ChecksModel model = new ChecksModel(lib.checks(), Runnable::run, Runnable::run, Runnable::run);
            model.checkStory(s.id());
            assertTrue(model.findings().stream().anyMatch(f -> f.ruleId().equals("style.percent") && f.field().equals("body")));
            model.bodyChanged("Prices rose 12 percent here, and more.", "xx");
            List<Finding> all = model.findings();
            assertTrue(all.stream().noneMatch(f -> f.ruleId().equals("style.percent") && f.field().equals("body")), all.toString());
            assertTrue(all.stream().anyMatch(f -> f.ruleId().equals("preflight.headline-missing")), all.toString());
            assertTrue(all.stream().anyMatch(f -> f.ruleId().equals("style.percent") && f.field().equals("standfirst")), all.toString());
            model.checkStory(s.id()); // a later full check of the stored (older) body does not bring its body findings back
            assertTrue(model.findings().stream().noneMatch(f -> f.ruleId().equals("style.percent") && f.field().equals("body")));
            assertTrue(model.bodyFindings().isEmpty());
        }
    }

    @Test
    void ignoringAWordClearsItFromTheLiveFindingsToo() {
        try (Library lib = Library.open(dir)) {
            Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Harbour").withBodyHtml("<p>The ferry sailed.</p>"));
            ChecksModel model = new ChecksModel(lib.checks(), Runnable::run, Runnable::run, Runnable::run);
            String text = "The Kravnik ferry sailed again.";
            model.checkStory(s.id());
            model.bodyChanged(text, "en");
            Finding f = model.bodyFindings().stream().filter(x -> x.ruleId().startsWith("spelling.")).findFirst().orElseThrow();
            assertEquals("Kravnik", text.substring(f.start(), f.end()));
            model.ignore(f, "Kravnik", s.id());
            assertTrue(model.bodyFindings().stream().noneMatch(x -> x.ruleId().startsWith("spelling.")), model.bodyFindings().toString());
            assertTrue(model.findings().stream().noneMatch(x -> x.ruleId().startsWith("spelling.")), model.findings().toString());
        }
    }
}
