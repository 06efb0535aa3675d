package app.dispatch.service;

import app.dispatch.domain.Comment;
import app.dispatch.domain.DispatchException;
import app.dispatch.domain.NotFoundException;
import app.dispatch.domain.StatusChange;
import app.dispatch.domain.Story;
import app.dispatch.store.CommentStore;
import app.dispatch.text.Anchors;
import app.dispatch.text.BodyHtml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Comments anchored in a story's body plain text: add, reply, resolve, reopen, keep anchored after
 * edits, and merge comments from another library by id. Blocking: never call on the FX thread.
 */
public final class CommentService {
    /** A top-level comment and its replies, oldest first. */
    public record Thread(Comment root, List<Comment> replies) {
    }

    private final CommentStore store;
    private final StoryService stories;
    private final Supplier<String> author;

    public CommentService(CommentStore store, StoryService stories, Supplier<String> author) {
        this.store = store;
        this.stories = stories;
        this.author = author;
        stories.onBodyChanged(new StoryService.BodyChangeListener() {
            @Override
            public void bodyChanged(UUID id, String oldText, String newText) {
                reanchor(id, oldText, newText);
            }

            @Override
            public boolean wants(UUID id) {
                return !store.list(id).isEmpty();
            }
        });
    }

    /** Comments on the first occurrence of {@code passage} in the body; fails clearly when it is not there. */
    public Comment addOnPassage(UUID storyId, String passage, String body) {
        Story story = stories.get(storyId);
        if (passage == null || passage.isEmpty()) {
            throw new DispatchException("the passage to comment on is empty");
        }
        String text = BodyHtml.plainText(story.content().bodyHtml());
        int at = text.indexOf(passage);
        if (at < 0) {
            throw new DispatchException("the passage \"" + abbreviate(passage) + "\" is not in the body of " + story.content().slug());
        }
        return add(storyId, at, at + passage.length(), body);
    }

    /** Comments on {@code [start,end)} of the body's plain text. */
    public Comment add(UUID storyId, int start, int end, String body) {
        Story story = stories.get(storyId);
        String text = BodyHtml.plainText(story.content().bodyHtml());
        if (start < 0 || end <= start || end > text.length()) {
            throw new DispatchException("select a passage of the body to comment on");
        }
        return insert(storyId, null, body, text.substring(start, end), start, end);
    }

    public Comment reply(UUID parentId, String body) {
        Comment parent = get(parentId);
        UUID root = parent.parentId() == null ? parent.id() : parent.parentId();
        return insert(parent.storyId(), root, body, "", 0, 0);
    }

    private Comment insert(UUID storyId, UUID parentId, String body, String quote, int start, int end) {
        if (body == null || body.isBlank()) {
            throw new DispatchException("a comment needs some text");
        }
        var now = stories.now();
        Comment c = new Comment(UUID.randomUUID(), storyId, parentId, author.get(), body.strip(), quote, start, end,
                false, "", null, false, now, now);
        store.insert(c);
        return c;
    }

    public Comment get(UUID id) {
        return store.get(id).orElseThrow(() -> new NotFoundException("no comment " + id));
    }

    public Comment resolve(UUID id) {
        return setResolved(id, true);
    }

    public Comment reopen(UUID id) {
        return setResolved(id, false);
    }

    private Comment setResolved(UUID id, boolean resolved) {
        Comment c = get(id).withResolved(resolved, author.get(), stories.now());
        store.update(c);
        return c;
    }

    /** All comments and replies of a story, oldest first. */
    public List<Comment> list(UUID storyId) {
        return store.list(storyId);
    }

    /** Comments grouped into threads, in order of creation. */
    public List<Thread> threads(UUID storyId) {
        Map<UUID, List<Comment>> replies = new LinkedHashMap<>();
        List<Comment> roots = new ArrayList<>();
        for (Comment c : list(storyId)) {
            if (c.parentId() == null) {
                roots.add(c);
                replies.putIfAbsent(c.id(), new ArrayList<>());
            } else {
                replies.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
            }
        }
        return roots.stream().map(r -> new Thread(r, List.copyOf(replies.get(r.id())))).toList();
    }

    /**
     * Keeps every anchored comment on its passage after the body's plain text changed from
     * {@code oldText} to {@code newText}; a comment whose passage is gone is marked "passage removed".
     * Returns the comments that changed.
     */
    public List<Comment> reanchor(UUID storyId, String oldText, String newText) {
        List<Comment> changed = new ArrayList<>();
        var now = stories.now();
        for (Comment c : store.list(storyId)) {
            if (c.parentId() != null) {
                continue;
            }
            Anchors.Anchor a = c.passageRemoved()
                    ? Anchors.find(c.quote(), c.anchorStart(), newText)
                    : Anchors.reanchor(c.quote(), c.anchorStart(), c.anchorEnd(), oldText, newText);
            if (a.start() != c.anchorStart() || a.end() != c.anchorEnd() || !a.quote().equals(c.quote())
                    || a.removed() != c.passageRemoved()) {
                changed.add(c.withAnchor(a.start(), a.end(), a.quote(), a.removed(), now));
            }
        }
        store.updateAll(changed);
        return changed;
    }

    /**
     * Saves new body content with the story's comments re-anchored to it. Since this service listens
     * to {@link StoryService#saveContent} (decision 0810), every save re-anchors, the autosave included.
     */
    public Story saveAndReanchor(UUID storyId, app.dispatch.domain.StoryContent content) {
        return stories.saveContent(storyId, content);
    }

    /** Merges comments from another library: union by id, the later {@code updatedAt} wins. Returns rows changed. */
    public int merge(List<Comment> incoming) {
        return store.merge(incoming);
    }

    /** Adds status history from another library; known ids are skipped. */
    public int mergeStatusHistory(List<StatusChange> incoming) {
        return store.mergeStatusHistory(incoming);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
