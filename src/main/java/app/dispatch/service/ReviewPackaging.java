package app.dispatch.service;

import app.dispatch.domain.Comment;
import app.dispatch.domain.PackageSource;
import app.dispatch.store.CommentStore;
import app.dispatch.store.Database;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * What review packages carry for the review feature: the story's comments out, and on import a
 * merge of the package's comments (union by id, later {@code updatedAt} wins) in the import's transaction.
 * Shareable sources come from the sources feature through {@code shareableSources}.
 */
public final class ReviewPackaging implements PackageService.Review {
    private final CommentStore comments;
    private final Function<UUID, List<PackageSource>> shareableSources;

    public ReviewPackaging(CommentStore comments, Function<UUID, List<PackageSource>> shareableSources) {
        this.comments = comments;
        this.shareableSources = shareableSources == null ? id -> List.of() : shareableSources;
    }

    @Override
    public List<Comment> comments(UUID storyId) {
        return comments.list(storyId);
    }

    @Override
    public List<PackageSource> shareableSources(UUID storyId) {
        return shareableSources.apply(storyId);
    }

    @Override
    public Database.Work<?> importReview(UUID storyId, List<Comment> incoming, List<PackageSource> sources) {
        if (incoming.isEmpty()) {
            return null;
        }
        List<Comment> onThisStory = incoming.stream().map(c -> c.storyId().equals(storyId) ? c
                : new Comment(c.id(), storyId, c.parentId(), c.author(), c.body(), c.quote(), c.anchorStart(), c.anchorEnd(),
                        c.resolved(), c.resolvedBy(), c.resolvedAt(), c.passageRemoved(), c.createdAt(), c.updatedAt())).toList();
        return comments.mergeWork(onThisStory);
    }
}
