package app.dispatch.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Comment;
import app.dispatch.domain.MediaItem;
import app.dispatch.domain.Status;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.media.MediaTestImages;
import app.dispatch.service.Library;
import app.dispatch.service.MediaEdit;
import app.dispatch.service.Profile;
import app.dispatch.text.BodyHtml;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

class ReviewPanesTest extends ApplicationTest {
    private static final String BODY = "<p>The river rose overnight.</p><p>Twelve people died in the floods.</p>";

    @TempDir
    static Path dir;
    private static Library lib;
    private static ExecutorService background;

    private UUID storyId;
    private TextArea editor;
    private DiffModel diffModel;

    @BeforeAll
    static void open() {
        lib = Library.open(dir);
        lib.profile().save("Ed Itor", "EI", Profile.Role.EDITOR);
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "test-background");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void close() {
        background.shutdownNow();
        lib.close();
    }

    @Override
    public void start(Stage stage) {
        Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Floods hit Kabul").withBodyHtml(BODY));
        storyId = s.id();
        editor = new TextArea(BodyHtml.plainText(BODY));
        editor.setId("editor");
        CommentsModel comments = new CommentsModel(lib.comments(), storyId, background, Platform::runLater);
        comments.setOnJump((a, b) -> editor.selectRange(a, b));
        CommentsPane commentsPane = new CommentsPane(comments, editor::getSelection);
        WorkflowModel workflow = new WorkflowModel(lib.workflow(), () -> lib.stories().get(storyId), () -> lib.profile().role(),
                background, Platform::runLater);
        diffModel = new DiffModel(lib.reviewDiff(), background, Platform::runLater);
        HBox root = new HBox(8, editor, commentsPane, new WorkflowPane(workflow), new DiffView(diffModel));
        stage.setScene(new Scene(root, 1400, 600));
        stage.show();
        comments.reload();
        workflow.reload();
    }

    private void waitFor(String query) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup(query).tryQuery().isPresent());
    }

    @Test
    void selectTextCommentAndResolve() throws Exception {
        String plain = editor.getText();
        int start = plain.indexOf("Twelve people died");
        interact(() -> editor.selectRange(start, start + "Twelve people died".length()));
        clickOn("#new-comment-body").write("Source for the toll?");
        clickOn("#add-comment");
        waitFor(".comment-quote");
        assertEquals("\u201CTwelve people died\u201D", lookup(".comment-quote").queryAs(Label.class).getText());
        assertTrue(lookup(".comment-body").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().equals("Ed Itor: Source for the toll?")));

        interact(() -> editor.selectRange(0, 0));
        clickOn("Go to passage");
        assertEquals("Twelve people died", editor.getSelectedText());

        clickOn(".resolve-comment");
        waitFor(".comment-resolved");
        List<Comment> stored = lib.comments().list(storyId);
        assertEquals(1, stored.size());
        assertTrue(stored.get(0).resolved());
        assertEquals("Ed Itor", stored.get(0).resolvedBy());
    }

    @Test
    void commentOnADeletedPassageStaysListedAndMarkedPassageRemoved() throws Exception {
        lib.comments().addOnPassage(storyId, "The river rose", "Which river?");
        lib.comments().saveAndReanchor(storyId, lib.stories().get(storyId).content()
                .withBodyHtml("<p>Twelve people died in the floods.</p>"));
        CommentsModel fresh = new CommentsModel(lib.comments(), storyId, background, Platform::runLater);
        interact(() -> ((HBox) editor.getParent()).getChildren().set(1, new CommentsPane(fresh, editor::getSelection)));
        interact(fresh::reload);
        waitFor(".comment-passage-removed");
        assertEquals("\u201CThe river rose\u201D", lookup(".comment-quote").queryAs(Label.class).getText());
    }

    @Test
    void submitThenTheDiffViewShowsTheEditorsInsertion() throws Exception {
        waitFor("#move-submitted");
        clickOn("#move-submitted");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lib.stories().get(storyId).status() == Status.SUBMITTED);
        waitFor("#move-in-review");
        assertEquals("Submitted", lookup("#workflow-status").queryAs(Label.class).getText());

        lib.stories().saveContent(storyId, lib.stories().get(storyId).content()
                .withBodyHtml("<p>The river rose overnight.</p><p>Twelve people died in the floods, police said.</p>"));
        interact(() -> diffModel.loadSinceLastSubmitted(storyId));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("." + DiffView.INSERT_CLASS).tryQuery().isPresent());
        List<String> inserted = lookup("." + DiffView.INSERT_CLASS).queryAll().stream().map(n -> ((Text) n).getText()).toList();
        assertTrue(inserted.stream().anyMatch(t -> t.contains("police said")), inserted.toString());
        Node text = lookup("." + DiffView.INSERT_CLASS).query();
        assertTrue(((Text) text).isUnderline());
    }

    @Test
    void theDiffViewNamesAnEditedCaptionByItsPictureAndShowsTheNewWords() throws Exception {
        Path img = MediaTestImages.write(java.nio.file.Files.createDirectories(dir.resolve("pictures")), "flood-road.jpg",
                MediaTestImages.jpeg(80, 60, 7));
        MediaItem m = lib.media().attach(storyId, img).get(0);
        lib.media().update(m.id(), MediaEdit.NONE.withCaption("Villagers cross the flooded road"));
        lib.workflow().move(storyId, Status.SUBMITTED, "");
        lib.media().update(m.id(), MediaEdit.NONE.withCaption("Villagers wade across the flooded road"));

        interact(() -> diffModel.loadSinceLastSubmitted(storyId));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("." + DiffView.FIELD_LABEL_CLASS).queryAllAs(Label.class)
                .stream().anyMatch(l -> l.getText().startsWith("Caption")));
        List<String> labels = lookup("." + DiffView.FIELD_LABEL_CLASS).queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertTrue(labels.contains("Caption — flood-road.jpg"), labels.toString());
        assertTrue(labels.stream().noneMatch(l -> l.contains(m.id().toString())), "no raw id: " + labels);
        List<String> inserted = lookup("." + DiffView.INSERT_CLASS).queryAll().stream().map(n -> ((Text) n).getText()).toList();
        assertTrue(inserted.stream().anyMatch(t -> t.contains("wade")), inserted.toString());
        List<String> deleted = lookup("." + DiffView.DELETE_CLASS).queryAll().stream().map(n -> ((Text) n).getText()).toList();
        assertTrue(deleted.stream().anyMatch(t -> t.contains("cross")), deleted.toString());

        lib.media().trash(m.id());
        interact(() -> diffModel.loadSinceLastSubmitted(storyId));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("." + DiffView.FIELD_LABEL_CLASS).queryAllAs(Label.class)
                .stream().anyMatch(l -> l.getText().equals("Caption — flood-road.jpg (picture removed)")));
    }

    @Test
    void aPersianCommentIsDrawnOneWordANodeRightToLeftAndAnEnglishOneAsALabel() throws Exception {
        java.util.concurrent.atomic.AtomicReference<javafx.scene.Node> fa = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<javafx.scene.Node> en = new java.util.concurrent.atomic.AtomicReference<>();
        interact(() -> {
            fa.set(CommentsPane.wrapped("مریم: منبع این رقم کیست؟ لطفاً نام سازمان را بنویسید.", "comment-body"));
            en.set(CommentsPane.wrapped("Ed Itor: Source for the toll?", "comment-body"));
        });
        javafx.scene.text.TextFlow flow = (javafx.scene.text.TextFlow) fa.get();
        assertEquals(javafx.geometry.NodeOrientation.RIGHT_TO_LEFT, flow.getNodeOrientation());
        assertEquals(10, flow.getChildren().size(), "one node per word");
        assertEquals("مریم: منبع این رقم کیست؟ لطفاً نام سازمان را بنویسید.",
                flow.getChildren().stream().map(n -> ((Text) n).getText()).collect(java.util.stream.Collectors.joining()));
        assertTrue(flow.getStyleClass().contains("comment-body"));
        assertEquals("Ed Itor: Source for the toll?", ((Label) en.get()).getText());
    }
}
