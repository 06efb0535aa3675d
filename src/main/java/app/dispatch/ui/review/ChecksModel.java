package app.dispatch.ui.review;

import app.dispatch.domain.Finding;
import app.dispatch.service.CheckService;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Findings of the checks for one story, from two sources: the full check of the stored story (pre-flight,
 * headline, standfirst, body) after each save, and the live check of the editor's body text while it is
 * typed, which re-checks only changed paragraphs. Once the body has been checked live, its house-style,
 * spelling and grammar findings replace the stored story's. Every check runs on {@code background}
 * (LanguageTool must never run on the FX thread); results are applied on {@code fx}, and only when
 * nothing newer was asked for: a live result only while the body text is still the text it checked.
 *
 * <p>All public methods are called on the FX thread.
 */
public final class ChecksModel {
    private final CheckService checks;
    private final Executor background;
    private final Executor fx;
    private final Executor afterPause;
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<Finding> bodyFindings = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private BiConsumer<Integer, Integer> onJump = (s, e) -> { };

    // FX thread only
    private long storyGeneration;
    private long bodyGeneration;
    private int inFlight;
    private List<Finding> story = List.of();
    private List<Finding> body;
    private String bodyText;
    private String bodyLanguage = "en";

    // background only
    private CheckService.IncrementalCheck paragraphs;
    private String paragraphLanguage;

    /** Live body checks start as soon as the text changes (no pause). */
    public ChecksModel(CheckService checks, Executor background, Executor fx) {
        this(checks, background, fx, fx);
    }

    /**
     * {@code afterPause} runs a task on the FX thread after a pause in typing (the live check waits for it,
     * so that a burst of keystrokes costs one check); a task whose text has changed since does nothing.
     */
    public ChecksModel(CheckService checks, Executor background, Executor fx, Executor afterPause) {
        this.checks = checks;
        this.background = background;
        this.fx = fx;
        this.afterPause = afterPause;
    }

    /** Everything found, for the Checks list: the stored story's findings with the live body findings. */
    public ObservableList<Finding> findings() {
        return findings;
    }

    /**
     * The live check's findings in the body, at positions in the editor's text as it is whenever this list
     * changes (empty until the body has been checked). Marks in the body are drawn from these.
     */
    public ObservableList<Finding> bodyFindings() {
        return bodyFindings;
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

    /** Forgets the findings of the story shown before and drops every check still running for it. */
    public void reset() {
        storyGeneration++;
        bodyGeneration++;
        story = List.of();
        body = null;
        bodyText = null;
        findings.clear();
        bodyFindings.clear();
        status.set("");
    }

    /** Full check of the stored story (pre-flight, house style, spelling). */
    public void checkStory(UUID storyId) {
        long mine = ++storyGeneration;
        run(true, () -> checks.check(storyId), result -> {
            if (storyGeneration == mine) {
                story = result;
                publish();
            }
        });
    }

    /** The editor's body text changed: re-checks the changed paragraphs after a pause, if it has not changed again. */
    public void bodyChanged(String plainText, String language) {
        long mine = ++bodyGeneration;
        bodyText = plainText;
        bodyLanguage = language;
        afterPause.execute(() -> {
            if (bodyGeneration == mine) {
                startBodyCheck(mine);
            }
        });
    }

    /** Re-checks the editor's body text now (only changed paragraphs are checked again). */
    public void recheckBody(String plainText, String language) {
        long mine = ++bodyGeneration;
        bodyText = plainText;
        bodyLanguage = language;
        startBodyCheck(mine);
    }

    private void startBodyCheck(long mine) {
        String text = bodyText;
        String language = bodyLanguage;
        // quiet: a re-check after every pause in typing should not make the status line flicker
        run(false, () -> liveCheck(text, language), result -> applyBody(mine, result));
    }

    /** On the background executor. */
    private List<Finding> liveCheck(String text, String language) {
        CheckService.IncrementalCheck pc;
        synchronized (this) {
            pc = paragraphs;
            if (pc == null || !language.equals(paragraphLanguage)) {
                pc = checks.paragraphChecker(language);
                paragraphs = pc;
                paragraphLanguage = language;
            }
        }
        synchronized (pc) {
            return pc.check(text);
        }
    }

    private void applyBody(long generation, List<Finding> result) {
        if (bodyGeneration == generation) {
            body = result;
            bodyFindings.setAll(result);
            publish();
        }
    }

    public void jump(Finding f) {
        if (f.field().equals("body")) {
            onJump.accept(f.start(), f.end());
        }
    }

    /** Ignores the word of a spelling finding for this session and checks again. */
    public void ignore(Finding f, String word, UUID storyId) {
        afterWordChange(() -> checks.ignore(word), storyId);
    }

    public void addToDictionary(String word, UUID storyId) {
        afterWordChange(() -> checks.addToDictionary(word), storyId);
    }

    /** Runs {@code change}, then the full check and (when the body has been seen) the live check of the same text. */
    private void afterWordChange(Runnable change, UUID storyId) {
        long storyMine = ++storyGeneration;
        long bodyMine = bodyText == null ? -1 : ++bodyGeneration;
        String text = bodyText;
        String language = bodyLanguage;
        record Both(List<Finding> story, List<Finding> body) {
        }
        run(true, () -> {
            change.run();
            return new Both(checks.check(storyId), text == null ? null : liveCheck(text, language));
        }, both -> {
            if (storyGeneration == storyMine) {
                story = both.story();
            }
            if (both.body() != null && bodyGeneration == bodyMine) {
                body = both.body();
                bodyFindings.setAll(both.body());
            }
            publish();
        });
    }

    /** The stored story's findings, its body's replaced by the live ones once there are any. */
    private void publish() {
        List<Finding> all = new ArrayList<>();
        for (Finding f : story) {
            if (body == null || !isBodyCheck(f)) {
                all.add(f);
            }
        }
        if (body != null) {
            all.addAll(body);
        }
        findings.setAll(all);
        if (inFlight == 0) {
            showCounts();
        }
    }

    /** A house-style, spelling or grammar finding in the body (what the live check finds; not pre-flight). */
    static boolean isBodyCheck(Finding f) {
        return f.field().equals("body")
                && (f.ruleId().startsWith("style.") || f.ruleId().startsWith("spelling.") || f.ruleId().startsWith("grammar."));
    }

    private void showCounts() {
        long errors = findings.stream().filter(Finding::isError).count();
        status.set(findings.size() + " findings, " + errors + " errors");
    }

    private <T> void run(boolean announce, Supplier<T> work, java.util.function.Consumer<T> apply) {
        inFlight++;
        running.set(true);
        if (announce) {
            status.set("Checking…");
        }
        background.execute(() -> {
            try {
                T result = work.get();
                fx.execute(() -> {
                    inFlight--;
                    running.set(inFlight > 0);
                    apply.accept(result);
                    if (inFlight == 0) {
                        showCounts();
                    }
                });
            } catch (RuntimeException e) {
                fx.execute(() -> {
                    inFlight--;
                    running.set(inFlight > 0);
                    status.set("Check failed: " + e.getMessage());
                });
            }
        });
    }
}
