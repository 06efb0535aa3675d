package app.dispatch.ui.review;

import app.dispatch.ui.common.BidiText;
import app.dispatch.ui.common.PlainTextArea;
import app.dispatch.domain.Comment;
import app.dispatch.service.CommentService;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.IndexRange;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The comments side panel: new comment on the editor's selection, threads with replies, resolve/reopen, jump. */
public final class CommentsPane extends VBox {
    private final CommentsModel model;
    private final VBox list = new VBox(8);
    private final PlainTextArea newBody = new PlainTextArea();
    private java.util.function.Consumer<Runnable> beforeAdd = Runnable::run;

    /** {@code selection} gives the editor's current selection in the body's plain text. */
    public CommentsPane(CommentsModel model, Supplier<IndexRange> selection) {
        super(8);
        this.model = model;
        setPadding(new Insets(8));
        getStyleClass().add("comments-pane");
        Label title = new Label("Comments");
        title.getStyleClass().add("title-4");
        newBody.setPromptText("Comment on the selected passage (Ctrl+Alt+M)");
        newBody.setPrefRowCount(3);
        newBody.setAutoDirection(true);
        newBody.setAccessibleText("New comment");
        newBody.setId("new-comment-body");
        Button add = new Button("Comment");
        add.setId("add-comment");
        add.setOnAction(e -> {
            IndexRange r = selection.get();
            String text = newBody.getText();
            newBody.clear();
            beforeAdd.accept(() -> model.add(r == null ? 0 : r.getStart(), r == null ? 0 : r.getEnd(), text));
        });
        Label error = new Label();
        error.textProperty().bind(model.errorProperty());
        error.getStyleClass().add("danger");
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, newBody, add, error, scroll);
        model.threads().addListener((ListChangeListener<CommentService.Thread>) c -> rebuild());
        rebuild();
    }

    /** Runs before a new comment is stored, given the store step to run next (the main window saves pending edits first). */
    public void setBeforeAdd(java.util.function.Consumer<Runnable> beforeAdd) {
        this.beforeAdd = beforeAdd == null ? Runnable::run : beforeAdd;
    }

    /** Puts the cursor in the new-comment field (the host binds this to {@link #NEW_COMMENT}). */
    public void startComment() {
        newBody.requestFocus();
    }

    /** Ctrl+Alt+M (Cmd+Alt+M on macOS): write a comment on the current selection. */
    public static final KeyCombination NEW_COMMENT = new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN);

    private void rebuild() {
        list.getChildren().clear();
        if (model.threads().isEmpty()) {
            list.getChildren().add(new Label("No comments yet."));
        }
        for (CommentService.Thread t : model.threads()) {
            list.getChildren().add(card(t));
        }
    }

    private VBox card(CommentService.Thread t) {
        Comment c = t.root();
        VBox card = new VBox(4);
        card.getStyleClass().add("comment-thread");
        card.setPadding(new Insets(6));
        card.setStyle("-fx-border-color: #d0d7de; -fx-border-radius: 4;" + (c.resolved() ? " -fx-opacity: 0.7;" : ""));
        Node quote = wrapped("\u201C" + c.quote() + "\u201D", "comment-quote");
        quote.setStyle("-fx-font-style: italic;");
        card.getChildren().add(quote);
        if (c.passageRemoved()) {
            Label removed = new Label("passage removed");
            removed.getStyleClass().addAll("comment-passage-removed", "warning");
            card.getChildren().add(removed);
        }
        card.getChildren().add(entry(c));
        for (Comment r : t.replies()) {
            Node reply = entry(r);
            VBox.setMargin(reply, new Insets(0, 0, 0, 12));
            card.getChildren().add(reply);
        }
        if (c.resolved()) {
            Label resolved = new Label("Resolved by " + c.resolvedBy());
            resolved.getStyleClass().add("comment-resolved");
            card.getChildren().add(resolved);
        }
        TextField replyField = new TextField();
        replyField.setPromptText("Reply");
        replyField.setOnAction(e -> {
            model.reply(c.id(), replyField.getText());
            replyField.clear();
        });
        Button jump = new Button("Go to passage");
        jump.setDisable(c.passageRemoved());
        jump.setOnAction(e -> model.jump(c));
        Button resolve = new Button(c.resolved() ? "Reopen" : "Resolve");
        resolve.getStyleClass().add(c.resolved() ? "reopen-comment" : "resolve-comment");
        resolve.setOnAction(e -> {
            if (c.resolved()) {
                model.reopen(c.id());
            } else {
                model.resolve(c.id());
            }
        });
        HBox actions = new HBox(6, jump, resolve);
        card.getChildren().addAll(replyField, actions);
        return card;
    }

    private static Node entry(Comment c) {
        return wrapped(c.author() + ": " + c.body(), "comment-body");
    }

    /**
     * Wrapping text: a label, or for text holding right-to-left script a text flow of one node per
     * word in that text's direction, which JavaFX lays out right where a wrapping label is not (decision 0009).
     */
    static Node wrapped(String text, String styleClass) {
        if (!BidiText.hasRightToLeft(text)) {
            Label l = new Label(text);
            l.setWrapText(true);
            l.getStyleClass().add(styleClass);
            return l;
        }
        javafx.scene.text.TextFlow flow = new javafx.scene.text.TextFlow();
        flow.getChildren().addAll(BidiText.nodes(text, t -> t.getStyleClass().add("comment-text")));
        flow.getStyleClass().add(styleClass);
        flow.setAccessibleText(text);
        if (Boolean.TRUE.equals(BidiText.firstStrongIsRightToLeft(text.replace("\u201C", "")))) {
            flow.setNodeOrientation(javafx.geometry.NodeOrientation.RIGHT_TO_LEFT);
        }
        BidiText.relayoutOnResize(flow);
        return flow;
    }
}
