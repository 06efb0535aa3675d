package app.dispatch.store;

import app.dispatch.domain.Comment;
import app.dispatch.domain.StatusChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Comments (and imported status history) in SQLite, keyed by UUID so they merge across libraries.
 * Blocking: never call on the FX thread.
 */
public final class CommentStore {
    private final Database db;

    public CommentStore(Database db) {
        this.db = db;
    }

    public void insert(Comment c) {
        db.write(conn -> {
            insert(conn, c);
            return null;
        });
    }

    private static void insert(Connection conn, Comment c) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                INSERT INTO comment (id, story_id, parent_id, author, body, quote, anchor_start, anchor_end, resolved,
                  resolved_by, resolved_at, passage_removed, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")) {
            Rows.bind(ps, c.id(), c.storyId(), Rows.id(c.parentId()), c.author(), c.body(), c.quote(), c.anchorStart(),
                    c.anchorEnd(), c.resolved(), c.resolvedBy(), Rows.time(c.resolvedAt()), c.passageRemoved(),
                    c.createdAt(), c.updatedAt());
            ps.executeUpdate();
        }
    }

    /** Replaces a stored comment's mutable fields (body, anchor, resolution). Returns false if it is gone. */
    public boolean update(Comment c) {
        return db.write(conn -> update(conn, c));
    }

    /** Updates many comments in one transaction (re-anchoring after an edit). */
    public void updateAll(List<Comment> comments) {
        db.write(conn -> {
            for (Comment c : comments) {
                update(conn, c);
            }
            return null;
        });
    }

    private static boolean update(Connection conn, Comment c) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                UPDATE comment SET body=?, quote=?, anchor_start=?, anchor_end=?, resolved=?, resolved_by=?, resolved_at=?,
                  passage_removed=?, updated_at=? WHERE id=?""")) {
            Rows.bind(ps, c.body(), c.quote(), c.anchorStart(), c.anchorEnd(), c.resolved(), c.resolvedBy(),
                    Rows.time(c.resolvedAt()), c.passageRemoved(), c.updatedAt(), c.id());
            return ps.executeUpdate() == 1;
        }
    }

    public Optional<Comment> get(UUID id) {
        return db.read(conn -> get(conn, id));
    }

    private static Optional<Comment> get(Connection conn, UUID id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM comment WHERE id=?")) {
            Rows.bind(ps, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(comment(rs)) : Optional.empty();
            }
        }
    }

    /** A story's comments and replies, oldest first. */
    public List<Comment> list(UUID storyId) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT * FROM comment WHERE story_id=? ORDER BY created_at, rowid")) {
                Rows.bind(ps, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Comment> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(comment(rs));
                    }
                    return out;
                }
            }
        });
    }

    /**
     * Merges comments from another library in one transaction: unknown ids are inserted; a known id
     * takes the incoming version only when its {@code updatedAt} is later (last writer wins).
     * Returns how many rows were inserted or changed.
     */
    public int merge(List<Comment> incoming) {
        return db.write(mergeWork(incoming));
    }

    /** The same merge as a unit of work inside a caller's transaction (package import). */
    public Database.Work<Integer> mergeWork(List<Comment> incoming) {
        return conn -> {
            int changed = 0;
            for (Comment c : incoming) {
                Optional<Comment> mine = get(conn, c.id());
                if (mine.isEmpty()) {
                    insert(conn, c);
                    changed++;
                } else if (c.updatedAt().isAfter(mine.get().updatedAt())) {
                    update(conn, c);
                    changed++;
                }
            }
            return changed;
        };
    }

    /** Adds status changes made in another library; ids already known are skipped. Returns how many were added. */
    public int mergeStatusHistory(List<StatusChange> incoming) {
        return db.write(conn -> {
            int added = 0;
            for (StatusChange s : incoming) {
                try (PreparedStatement ps = conn.prepareStatement("""
                        INSERT INTO status_change (id, story_id, from_status, to_status, actor, note, changed_at)
                        VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING""")) {
                    Rows.bind(ps, s.id(), s.storyId(), s.from() == null ? null : s.from().name(), s.to(), s.actor(),
                            s.note() == null ? "" : s.note(), s.changedAt());
                    added += ps.executeUpdate();
                }
            }
            return added;
        });
    }

    static Comment comment(ResultSet rs) throws SQLException {
        return new Comment(Rows.id(rs, "id"), Rows.id(rs, "story_id"), Rows.id(rs, "parent_id"), rs.getString("author"),
                rs.getString("body"), rs.getString("quote"), rs.getInt("anchor_start"), rs.getInt("anchor_end"),
                rs.getInt("resolved") != 0, rs.getString("resolved_by"), Rows.time(rs, "resolved_at"),
                rs.getInt("passage_removed") != 0, Rows.time(rs, "created_at"), Rows.time(rs, "updated_at"));
    }
}
