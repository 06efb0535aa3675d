package app.dispatch.store;

import app.dispatch.domain.PictureCaption;
import app.dispatch.domain.Revision;
import app.dispatch.domain.StatusChange;
import app.dispatch.domain.Story;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The database side of importing a story package: each import is one transaction, so a failure
 * leaves the library as it was. Revisions keep their ids and parent links; known ones are skipped.
 * Each imported revision keeps the caption snapshot the package recorded for it ({@code captions},
 * by revision id; a revision missing there stays without one, as from an older build).
 * {@code alsoInTransaction} lets other stores (pictures, comments, sources) add their rows to the
 * same transaction. Blocking: never call on the FX thread.
 */
public final class PackageImportStore {
    private final Database db;
    private final StoryStore stories;
    private final RevisionStore revisions;

    public PackageImportStore(Database db) {
        this.db = db;
        this.stories = new StoryStore(db);
        this.revisions = new RevisionStore(db);
    }

    /** Inserts a story that is not in the library, with its revisions and status history. */
    public void importNew(Story story, List<Revision> revs, Map<UUID, List<PictureCaption>> captions, List<StatusChange> history,
                          Database.Work<?> alsoInTransaction) {
        db.write(c -> {
            stories.insert(c, story);
            appendUnknown(c, revs, captions);
            appendHistory(c, history);
            if (alsoInTransaction != null) {
                alsoInTransaction.run(c);
            }
            return null;
        });
    }

    /**
     * Updates a story from a newer package: first records the local content as a revision if it
     * differs from the local head (so nothing local is lost), then adds the unknown revisions and
     * takes the package's content, status and head. The local snapshot records this library's
     * captions as they are before {@code alsoInTransaction} changes any picture.
     */
    public void importUpdate(Story incoming, List<Revision> revs, Map<UUID, List<PictureCaption>> captions,
                             List<StatusChange> history, Revision localSnapshot, Database.Work<?> alsoInTransaction) {
        db.write(c -> {
            if (localSnapshot != null) {
                revisions.append(c, localSnapshot);
            }
            appendUnknown(c, revs, captions);
            appendHistory(c, history);
            if (!stories.saveContent(c, incoming.id(), incoming.content(), incoming.updatedAt())) {
                throw new app.dispatch.domain.NotFoundException("story " + incoming.id() + " disappeared during import");
            }
            stories.setStatus(c, incoming.id(), incoming.status(), incoming.updatedAt());
            try (PreparedStatement ps = c.prepareStatement("UPDATE story SET updated_at=?, head_revision_id=? WHERE id=?")) {
                Rows.bind(ps, incoming.updatedAt(), incoming.headRevisionId(), incoming.id());
                ps.executeUpdate();
            }
            if (alsoInTransaction != null) {
                alsoInTransaction.run(c);
            }
            return null;
        });
    }

    public boolean revisionKnown(UUID id) {
        return db.read(c -> revisions.exists(c, id));
    }

    private void appendUnknown(Connection c, List<Revision> revs, Map<UUID, List<PictureCaption>> captions) throws SQLException {
        for (Revision r : revs) {
            if (!revisions.exists(c, r.id())) {
                revisions.appendImported(c, r, captions == null ? null : captions.get(r.id()));
            }
        }
    }

    private void appendHistory(Connection c, List<StatusChange> history) throws SQLException {
        for (StatusChange h : history) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO status_change (id, story_id, from_status, to_status, actor, note, changed_at) VALUES (?,?,?,?,?,?,?)")) {
                Rows.bind(ps, h.id(), h.storyId(), h.from(), h.to(), h.actor(), h.note(), h.changedAt());
                ps.executeUpdate();
            }
        }
    }
}
