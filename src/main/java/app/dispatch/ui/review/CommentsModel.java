package app.dispatch.ui.review;

import app.dispatch.domain.Comment;
import app.dispatch.service.CommentService;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the comments side panel for one story: threads with replies, add/reply/resolve/reopen.
 * Service calls run on {@code background}; results are applied on {@code fx}.
 */
public final class CommentsModel {
    private final CommentService comments;
    private final UUID storyId;
    private final Executor background;
    private final Executor fx;
    private final ObservableList<CommentService.Thread> threads = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private BiConsumer<Integer, Integer> onJump = (s, e) -> { };

    public CommentsModel(CommentService comments, UUID storyId, Executor background, Executor fx) {
        this.comments = comments;
        this.storyId = storyId;
        this.background = background;
        this.fx = fx;
    }

    public ObservableList<CommentService.Thread> threads() {
        return threads;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Called with (start, end) in the body's plain text when the user jumps to a comment's passage. */
    public void setOnJump(BiConsumer<Integer, Integer> onJump) {
        this.onJump = onJump == null ? (s, e) -> { } : onJump;
    }

    public void reload() {
        run(() -> comments.threads(storyId));
    }

    /** Comments on the passage {@code [start,end)} of the body's plain text. */
    public void add(int start, int end, String body) {
        if (end <= start) {
            error.set("Select a passage to comment on.");
            return;
        }
        if (body == null || body.isBlank()) {
            error.set("Write a comment first.");
            return;
        }
        run(() -> {
            comments.add(storyId, start, end, body);
            return comments.threads(storyId);
        });
    }

    public void reply(UUID parentId, String body) {
        if (body == null || body.isBlank()) {
            return;
        }
        run(() -> {
            comments.reply(parentId, body);
            return comments.threads(storyId);
        });
    }

    public void resolve(UUID id) {
        run(() -> {
            comments.resolve(id);
            return comments.threads(storyId);
        });
    }

    public void reopen(UUID id) {
        run(() -> {
            comments.reopen(id);
            return comments.threads(storyId);
        });
    }

    /** Jumps to the comment's passage; a comment whose passage was removed has nowhere to jump. */
    public boolean jump(Comment c) {
        if (c.passageRemoved()) {
            return false;
        }
        onJump.accept(c.anchorStart(), c.anchorEnd());
        return true;
    }

    private void run(Supplier<List<CommentService.Thread>> work) {
        background.execute(() -> {
            try {
                List<CommentService.Thread> result = work.get();
                fx.execute(() -> {
                    error.set("");
                    threads.setAll(result);
                });
            } catch (RuntimeException e) {
                fx.execute(() -> error.set(e.getMessage()));
            }
        });
    }
}
