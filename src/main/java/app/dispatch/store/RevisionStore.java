package app.dispatch.store;

import app.dispatch.domain.PictureCaption;
import app.dispatch.domain.Revision;
import app.dispatch.domain.RevisionKind;
import app.dispatch.domain.Status;
import app.dispatch.domain.StoryContent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Immutable revisions (a trigger refuses updates), each with the captions of the story's pictures
 * when it was made (V10, decision 0812). Blocking: never call on the FX thread.
 */
public final class RevisionStore {
    private final Database db;

    public RevisionStore(Database db) {
        this.db = db;
    }

    /**
     * Stores a revision made in this library, with the captions of the story's pictures (not in the
     * trash) as they are in this transaction.
     */
    void append(Connection c, Revision r) throws SQLException {
        insert(c, r);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO revision_caption (revision_id, media_id, position, file_name, caption)
                SELECT ?, id, position, file_name, caption FROM media WHERE story_id=? AND trashed_at IS NULL""")) {
            Rows.bind(ps, r.id(), r.storyId());
            ps.executeUpdate();
        }
        seal(c, r.id());
    }

    /**
     * Stores a revision that comes from elsewhere (a package) with the captions recorded there;
     * {@code captions} null means they were not recorded, and the revision's snapshot stays unknown.
     */
    void appendImported(Connection c, Revision r, List<PictureCaption> captions) throws SQLException {
        insert(c, r);
        if (captions == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO revision_caption (revision_id, media_id, position, file_name, caption) VALUES (?,?,?,?,?)")) {
            for (PictureCaption p : captions) {
                Rows.bind(ps, r.id(), p.mediaId(), p.position(), p.fileName(), p.caption());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        seal(c, r.id());
    }

    private static void seal(Connection c, UUID revisionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO revision_captions_recorded (revision_id) VALUES (?)")) {
            Rows.bind(ps, revisionId);
            ps.executeUpdate();
        }
    }

    private void insert(Connection c, Revision r) throws SQLException {
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

    /**
     * The captions a revision recorded, in story order; empty when it recorded none (made before
     * captions were kept, or imported from a package without them). A revision of a story without
     * pictures gives an empty list.
     */
    public Optional<List<PictureCaption>> captions(UUID revisionId) {
        return db.read(c -> captions(c, revisionId));
    }

    Optional<List<PictureCaption>> captions(Connection c, UUID revisionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM revision_captions_recorded WHERE revision_id=?")) {
            Rows.bind(ps, revisionId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM revision_caption WHERE revision_id=? ORDER BY position, media_id")) {
            Rows.bind(ps, revisionId);
            try (ResultSet rs = ps.executeQuery()) {
                List<PictureCaption> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(caption(rs));
                }
                return Optional.of(out);
            }
        }
    }

    /** The recorded captions of every revision of a story that has them, by revision id (for packages). */
    public Map<UUID, List<PictureCaption>> captionsOfStory(UUID storyId) {
        return db.read(c -> {
            Map<UUID, List<PictureCaption>> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT k.revision_id FROM revision_captions_recorded k JOIN revision r ON r.id = k.revision_id
                    WHERE r.story_id=? ORDER BY r.created_at, r.rowid""")) {
                Rows.bind(ps, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(Rows.id(rs, "revision_id"), new ArrayList<>());
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT rc.* FROM revision_caption rc JOIN revision r ON r.id = rc.revision_id
                    WHERE r.story_id=? ORDER BY rc.revision_id, rc.position, rc.media_id""")) {
                Rows.bind(ps, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<PictureCaption> list = out.get(Rows.id(rs, "revision_id"));
                        if (list != null) {
                            list.add(caption(rs));
                        }
                    }
                }
            }
            out.replaceAll((k, v) -> List.copyOf(v));
            return out;
        });
    }

    /** The captions of the story's pictures now (not those in the trash), in story order: what a new revision records. */
    public List<PictureCaption> currentCaptions(UUID storyId) {
        return db.read(c -> currentCaptions(c, storyId));
    }

    static List<PictureCaption> currentCaptions(Connection c, UUID storyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id AS media_id, position, file_name, caption FROM media
                WHERE story_id=? AND trashed_at IS NULL ORDER BY position, media_id""")) {
            Rows.bind(ps, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                List<PictureCaption> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(caption(rs));
                }
                return out;
            }
        }
    }

    /** True when the revision recorded captions and they differ from the story's pictures now; unknown counts as not differing. */
    boolean captionsChangedSince(Connection c, UUID revisionId, UUID storyId) throws SQLException {
        Optional<List<PictureCaption>> then = captions(c, revisionId);
        return then.isPresent() && !PictureCaption.same(then.get(), currentCaptions(c, storyId));
    }

    private static PictureCaption caption(ResultSet rs) throws SQLException {
        return new PictureCaption(Rows.id(rs, "media_id"), rs.getInt("position"), rs.getString("file_name"), rs.getString("caption"));
    }

    static Revision revision(ResultSet rs) throws SQLException {
        return new Revision(Rows.id(rs, "id"), Rows.id(rs, "story_id"), Rows.id(rs, "parent_id"),
                Rows.time(rs, "created_at"), rs.getString("author"), RevisionKind.valueOf(rs.getString("kind")),
                rs.getString("label"), Status.valueOf(rs.getString("status")), StoryStore.content(rs));
    }
}
