package app.dispatch.store;

import app.dispatch.domain.Revision;
import app.dispatch.domain.RevisionKind;
import app.dispatch.domain.Status;
import app.dispatch.domain.StoryContent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Immutable revisions (a trigger refuses updates). Blocking: never call on the FX thread. */
public final class RevisionStore {
    private final Database db;

    public RevisionStore(Database db) {
        this.db = db;
    }

    void append(Connection c, Revision r) throws SQLException {
        StoryContent x = r.content();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO revision (id, story_id, parent_id, created_at, author, kind, label, status, slug, headline,
                  standfirst, bylines, dateline_place, dateline_date, body_html, tags, section, language, urgency,
                  embargo, editors_note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")) {
            Rows.bind(ps, r.id(), r.storyId(), r.parentId(), r.createdAt(), r.author(), r.kind(), r.label(), r.status(),
                    x.slug(), x.headline(), x.standfirst(), Rows.list(x.bylines()), x.dateline().place(),
                    Rows.date(x.dateline().date()), x.bodyHtml(), Rows.list(x.tags()), x.section(), x.language(),
                    x.urgency(), Rows.time(x.embargo()), x.editorsNote());
            ps.executeUpdate();
        }
    }

    /** True when a revision with this id is already stored (imports skip known revisions). */
    boolean exists(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM revision WHERE id=?")) {
            Rows.bind(ps, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** All revisions of a story, oldest first. */
    public List<Revision> list(UUID storyId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM revision WHERE story_id=? ORDER BY created_at, rowid")) {
                Rows.bind(ps, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Revision> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(revision(rs));
                    }
                    return out;
                }
            }
        });
    }

    public int count(UUID storyId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM revision WHERE story_id=?")) {
                Rows.bind(ps, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    Optional<Revision> get(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM revision WHERE id=?")) {
            Rows.bind(ps, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(revision(rs)) : Optional.empty();
            }
        }
    }

    public Optional<Revision> get(UUID id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM revision WHERE id=?")) {
                Rows.bind(ps, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(revision(rs)) : Optional.empty();
                }
            }
        });
    }

    static Revision revision(ResultSet rs) throws SQLException {
        return new Revision(Rows.id(rs, "id"), Rows.id(rs, "story_id"), Rows.id(rs, "parent_id"),
                Rows.time(rs, "created_at"), rs.getString("author"), RevisionKind.valueOf(rs.getString("kind")),
                rs.getString("label"), Status.valueOf(rs.getString("status")), StoryStore.content(rs));
    }
}
