package app.dispatch.ui.review;

import app.dispatch.domain.Finding;
import app.dispatch.service.CheckService;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Findings of the checks for one story. Every check runs on {@code background} (LanguageTool must
 * never run on the FX thread); only the newest result is applied, on {@code fx}.
 */
public final class ChecksModel {
    private final CheckService checks;
    private final Executor background;
    private final Executor fx;
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final AtomicLong generation = new AtomicLong();
    private volatile CheckService.IncrementalCheck paragraphs;
    private volatile String paragraphLanguage;
    private BiConsumer<Integer, Integer> onJump = (s, e) -> { };

    public ChecksModel(CheckService checks, Executor background, Executor fx) {
        this.checks = checks;
        this.background = background;
        this.fx = fx;
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void setOnJump(BiConsumer<Integer, Integer> onJump) {
        this.onJump = onJump == null ? (s, e) -> { } : onJump;
    }

    /** Loads LanguageTool for the language in the background. */
    public void warmUp(String language) {
        checks.warmUpAsync(language, background);
    }

    /** Full check of the stored story (pre-flight, house style, spelling). */
    public void checkStory(UUID storyId) {
        submit(() -> checks.check(storyId));
    }

    /** Incremental re-check of the editor's body text: only changed paragraphs are checked again. */
    public void recheckBody(String plainText, String language) {
        submit(() -> {
            CheckService.IncrementalCheck pc = paragraphs;
            if (pc == null || !language.equals(paragraphLanguage)) {
                pc = checks.paragraphChecker(language);
                paragraphs = pc;
                paragraphLanguage = language;
            }
            synchronized (pc) {
                return pc.check(plainText);
            }
        });
    }

    public void jump(Finding f) {
        if (f.field().equals("body")) {
            onJump.accept(f.start(), f.end());
        }
    }

    /** Ignores the word of a spelling finding for this session and checks again. */
    public void ignore(Finding f, String word, UUID storyId) {
        submit(() -> {
            checks.ignore(word);
            return checks.check(storyId);
        });
    }

    public void addToDictionary(String word, UUID storyId) {
        submit(() -> {
            checks.addToDictionary(word);
            return checks.check(storyId);
        });
    }

    private void submit(java.util.function.Supplier<List<Finding>> work) {
        long mine = generation.incrementAndGet();
        running.set(true);
        status.set("Checking…");
        background.execute(() -> {
            try {
                List<Finding> result = work.get();
                fx.execute(() -> {
                    if (generation.get() == mine) {
                        findings.setAll(result);
                        running.set(false);
                        long errors = result.stream().filter(Finding::isError).count();
                        status.set(result.size() + " findings, " + errors + " errors");
                    }
                });
            } catch (RuntimeException e) {
                fx.execute(() -> {
                    running.set(false);
                    status.set("Check failed: " + e.getMessage());
                });
            }
        });
    }
}
