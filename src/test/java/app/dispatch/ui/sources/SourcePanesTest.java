package app.dispatch.ui.sources;

import static app.dispatch.service.VaultTestSupport.CHEAP;
import static app.dispatch.service.VaultTestSupport.PASS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Attribution;
import app.dispatch.domain.CitationEntry;
import app.dispatch.domain.Source;
import app.dispatch.domain.SourceField;
import app.dispatch.domain.SourceKind;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.service.Library;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/** The source book and citations panes hosted alone in a window, driven like a person would. */
class SourcePanesTest extends ApplicationTest {
    private Path dir;
    private Library lib;
    private SourceBookModel book;
    private CitationsModel citations;
    private Story story;
    private final List<int[]> jumps = new ArrayList<>();

    @Override
    public void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("dispatch-ui-sources");
        lib = Library.open(dir);
        lib.sources().vault().create(PASS, CHEAP);
        story = lib.stories().create(StoryContent.blank("en").withHeadline("Mines")
                .withBodyHtml("<p>\u201CThe contract was signed in secret,\u201D an official said.</p>"));
        book = new SourceBookModel(lib.sources(), Runnable::run, Runnable::run);
        citations = new CitationsModel(lib.sources(), Runnable::run, Runnable::run);
        citations.setOnJump((s, e) -> jumps.add(new int[] {s, e}));
        citations.setStory(story.id());
        HBox root = new HBox(new SourceBookView(book).node(), new CitationsPane(citations).node());
        stage.setScene(new Scene(root, 1100, 760));
        stage.show();
    }

    @AfterEach
    void closeLibrary() throws Exception {
        interact(() -> book.close());
        lib.close();
        app.dispatch.service.bench.Benchmarks.deleteTree(dir);
    }

    @Test
    void addedSourceIsListed() {
        clickOn("#source-name").write("Amina Rahimi");
        clickOn("#source-organisation").write("Red Crescent");
        clickOn("#source-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Amina Rahimi — Red Crescent"), listTexts());
        clickOn("#source-search").write("zzz");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(listTexts().isEmpty(), "search as you type filters the list");
    }

    @Test
    void lockingTheVaultLeavesOnlyAliasesOnScreen() {
        lib.sources().add(Source.draft("Hamid Karimi", SourceKind.PERSON, Attribution.DEEP_BACKGROUND)
                .withConfidential(true, "Source A").withField(SourceField.PHONE, "+93 700 111 222"));
        lib.sources().add(Source.draft("Amina Rahimi", SourceKind.PERSON, Attribution.ON_THE_RECORD));
        interact(() -> book.refresh());
        clickOn("Source A  (confidential)");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Hamid Karimi", lookup("#source-name").queryTextInputControl().getText(), "unlocked: identity editable");

        clickOn("#vault-lock");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(listTexts().contains(SourceBookView.LOCKED_MARK + " Source A  (confidential)"), listTexts().toString());
        assertEquals("", lookup("#source-name").queryTextInputControl().getText());
        assertTrue(lookup("#source-name").query().isDisabled());
        assertFalse(sceneText().contains("Karimi"), "no node shows the real name while locked");
        assertFalse(sceneText().contains("700 111"), "no node shows contacts while locked");
    }

    @Test
    void wrongPassphraseSaysSoAndTheRightOneUnlocks() {
        interact(() -> lib.sources().vault().lock());
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#vault-lock");
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#vault-passphrase").write("not the passphrase");
        clickOn("#vault-ok");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#vault-error").queryLabeled().getText().startsWith("wrong passphrase"),
                lookup("#vault-error").queryLabeled().getText());
        assertFalse(lib.sources().vault().isUnlocked());
        doubleClickOn("#vault-passphrase").eraseText(30).write(new String(PASS));
        clickOn("#vault-ok");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lib.sources().vault().isUnlocked());
        assertTrue(lookup("#vault-error").tryQuery().isEmpty() || !lookup("#vault-error").query().isVisible()
                || listWindows().size() == 1, "dialog closed");
    }

    @Test
    void citationsPaneShowsAliasAndJumpsToThePassage() {
        Source conf = lib.sources().add(Source.draft("Hamid Karimi", SourceKind.PERSON, Attribution.DEEP_BACKGROUND)
                .withConfidential(true, "a senior official"));
        lib.sources().cite(story.id(), conf.id(), "signed in secret");
        interact(() -> citations.refresh());
        WaitForAsyncUtils.waitForFxEvents();
        ListView<CitationEntry> list = lookup("#citation-list").queryListView();
        assertEquals(1, list.getItems().size());
        assertEquals("“signed in secret” — a senior official", CitationsPane.line(list.getItems().get(0)));
        assertFalse(sceneText().contains("Karimi"));
        doubleClickOn("“signed in secret” — a senior official");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, jumps.size());
        String plain = app.dispatch.text.BodyHtml.plainText(story.content().bodyHtml());
        assertEquals("signed in secret", plain.substring(jumps.get(0)[0], jumps.get(0)[1]));
        clickOn("#citation-verify");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(CitationsPane.line(list.getItems().get(0)).endsWith("✓"));
    }

    private List<String> listTexts() {
        ListView<Source> list = lookup("#source-list").queryListView();
        List<String> out = new ArrayList<>();
        for (Source s : list.getItems()) {
            out.add(SourceBookView.label(s, book.unlockedProperty().get()));
        }
        return out;
    }

    private String sceneText() {
        StringBuilder sb = new StringBuilder();
        for (Window w : listWindows()) {
            if (w.getScene() != null) {
                collect(w.getScene().getRoot(), sb);
            }
        }
        return sb.toString();
    }

    private static void collect(Node n, StringBuilder sb) {
        if (n instanceof Labeled l && l.getText() != null) {
            sb.append(l.getText()).append('\n');
        }
        if (n instanceof TextInputControl t && t.getText() != null) {
            sb.append(t.getText()).append('\n');
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, sb);
            }
        }
    }
}
