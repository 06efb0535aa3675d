package app.dispatch.store;

import app.dispatch.domain.MediaItem;
import app.dispatch.domain.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Media rows in SQLite: order, lead, descriptive fields and trash. The files themselves are not
 * touched here. Blocking: never call on the FX thread.
 */
public final class MediaStore {
    private final Database db;

    public MediaStore(Database db) {
        this.db = db;
    }

    /**
     * Inserts the item after the story's other pictures; it becomes the lead if the story has none.
     * Returns the item as stored (position and lead set).
     */
    public MediaItem insertAtEnd(MediaItem item, Instant now) {
        return db.write(c -> {
            int position;
            boolean hasLead;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT coalesce(max(position) + 1, 0), coalesce(max(CASE WHEN lead = 1 AND trashed_at IS NULL THEN 1 ELSE 0 END), 0)"
                            + " FROM media WHERE story_id=?")) {
                Rows.bind(ps, item.storyId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    position = rs.getInt(1);
                    hasLead = rs.getInt(2) == 1;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM story WHERE id=?")) {
                Rows.bind(ps, item.storyId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw NotFoundException.story(item.storyId().toString());
                    }
                }
            }
            MediaItem stored = new MediaItem(item.id(), item.storyId(), item.sha256(), item.fileName(), item.mimeType(),
                    item.width(), item.height(), item.bytes(), position, !hasLead, item.caption(), item.credit(),
                    item.creator(), item.copyrightNotice(), item.usageTerms(), item.altText(), item.dateTaken(),
                    item.city(), item.country(), item.keywords(), item.prefilled(), now, null);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO media (id, story_id, sha256, file_name, mime_type,"
                    + " width, height, bytes, position, lead, caption, credit, creator, copyright_notice, usage_terms,"
                    + " alt_text, date_taken, city, country, keywords, prefilled, created_at, updated_at, trashed_at)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                Rows.bind(ps, stored.id(), stored.storyId(), stored.sha256(), stored.fileName(), stored.mimeType(),
                        stored.width(), stored.height(), stored.bytes(), stored.position(), stored.lead(), stored.caption(),
                        stored.credit(), stored.creator(), stored.copyrightNotice(), stored.usageTerms(), stored.altText(),
                        Rows.time(stored.dateTaken()), stored.city(), stored.country(), Rows.list(stored.keywords()),
                        Rows.list(sorted(stored.prefilled())), now, now, null);
                ps.executeUpdate();
            }
            touchStory(c, item.storyId(), now);
            return stored;
        });
    }

    /**
     * The rows of pictures imported with a story, for the import's transaction. On a story without
     * pictures the items keep their positions and lead; otherwise they go after the story's pictures,
     * in the given order, and an incoming lead replaces the story's lead.
     */
    public Database.Work<Void> importRows(UUID storyId, List<MediaItem> items, Instant now) {
        List<MediaItem> copy = List.copyOf(items);
        return c -> {
            insertRows(c, storyId, copy, now);
            return null;
        };
    }

    public void insertRows(Connection c, UUID storyId, List<MediaItem> items, Instant now) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        int next;
        boolean any;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*), coalesce(max(position) + 1, 0) FROM media WHERE story_id=?")) {
            Rows.bind(ps, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                any = rs.getInt(1) > 0;
                next = rs.getInt(2);
            }
        }
        boolean leadGiven = false;
        for (MediaItem m : items) {
            boolean lead = m.lead() && !leadGiven;
            if (lead) {
                leadGiven = true;
                if (any) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE media SET lead=0 WHERE story_id=? AND lead=1")) {
                        Rows.bind(ps, storyId);
                        ps.executeUpdate();
                    }
                }
            }
            int position = any ? next++ : m.position();
            Instant created = m.createdAt() == null ? now : m.createdAt();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO media (id, story_id, sha256, file_name, mime_type,"
                    + " width, height, bytes, position, lead, caption, credit, creator, copyright_notice, usage_terms,"
                    + " alt_text, date_taken, city, country, keywords, prefilled, created_at, updated_at, trashed_at)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                Rows.bind(ps, m.id(), storyId, m.sha256(), m.fileName(), m.mimeType(), m.width(), m.height(), m.bytes(),
                        position, lead, m.caption(), m.credit(), m.creator(), m.copyrightNotice(), m.usageTerms(), m.altText(),
                        Rows.time(m.dateTaken()), m.city(), m.country(), Rows.list(m.keywords()),
                        Rows.list(sorted(m.prefilled())), created, now, null);
                ps.executeUpdate();
            }
        }
    }

    public Optional<MediaItem> get(UUID id) {
        return db.read(c -> get(c, id));
    }

    private Optional<MediaItem> get(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM media WHERE id=?")) {
            Rows.bind(ps, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(item(rs)) : Optional.empty();
            }
        }
    }

    /** Finds by full UUID or a unique id prefix of at least 8 characters. */
    public Optional<MediaItem> find(String idOrPrefix) {
        String key = idOrPrefix == null ? "" : idOrPrefix.strip().toLowerCase();
        if (key.length() < 8 || !key.matches("[0-9a-f-]+")) {
            return Optional.empty();
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM media WHERE id LIKE ? LIMIT 2")) {
                ps.setString(1, key + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    MediaItem first = item(rs);
                    return rs.next() ? Optional.empty() : Optional.of(first);
                }
            }
        });
    }

    /** The story's pictures in story order; trashed ones only when asked. */
    public List<MediaItem> list(UUID storyId, boolean includeTrashed) {
        return db.read(c -> list(c, storyId, includeTrashed));
    }

    private List<MediaItem> list(Connection c, UUID storyId, boolean includeTrashed) throws SQLException {
        String sql = "SELECT * FROM media WHERE story_id=?" + (includeTrashed ? "" : " AND trashed_at IS NULL")
                + " ORDER BY position, created_at, id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Rows.bind(ps, storyId);
            try (ResultSet rs = ps.executeQuery()) {
                List<MediaItem> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(item(rs));
                }
                return out;
            }
        }
    }

    /** Saves the descriptive fields and the prefilled set of {@code item}. */
    public void updateFields(MediaItem item, Instant now) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE media SET caption=?, credit=?, creator=?,"
                    + " copyright_notice=?, usage_terms=?, alt_text=?, date_taken=?, city=?, country=?, keywords=?,"
                    + " prefilled=?, updated_at=? WHERE id=?")) {
                Rows.bind(ps, item.caption(), item.credit(), item.creator(), item.copyrightNotice(), item.usageTerms(),
                        item.altText(), Rows.time(item.dateTaken()), item.city(), item.country(), Rows.list(item.keywords()),
                        Rows.list(sorted(item.prefilled())), now, item.id());
                if (ps.executeUpdate() != 1) {
                    throw new NotFoundException("no picture " + item.id());
                }
            }
            touchStory(c, item.storyId(), now);
            return null;
        });
    }

    /** Gives the story's active pictures the order of {@code order}, which must name each of them once. */
    public void reorder(UUID storyId, List<UUID> order, Instant now) {
        db.write(c -> {
            Set<UUID> active = new HashSet<>();
            for (MediaItem m : list(c, storyId, false)) {
                active.add(m.id());
            }
            Set<UUID> given = new LinkedHashSet<>(order);
            if (given.size() != order.size() || !given.equals(active)) {
                throw new IllegalArgumentException("the new order must name each picture of the story exactly once");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE media SET position=?, updated_at=? WHERE id=?")) {
                int i = 0;
                for (UUID id : order) {
                    Rows.bind(ps, i++, now, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            touchStory(c, storyId, now);
            return null;
        });
    }

    /** Makes {@code mediaId} the story's only lead picture. */
    public void setLead(UUID mediaId, Instant now) {
        db.write(c -> {
            MediaItem m = get(c, mediaId).orElseThrow(() -> new NotFoundException("no picture " + mediaId));
            if (m.isTrashed()) {
                throw new IllegalArgumentException("a picture in the trash cannot be the lead");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE media SET lead=0 WHERE story_id=? AND lead=1")) {
                Rows.bind(ps, m.storyId());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE media SET lead=1, updated_at=? WHERE id=?")) {
                Rows.bind(ps, now, mediaId);
                ps.executeUpdate();
            }
            touchStory(c, m.storyId(), now);
            return null;
        });
    }

    /**
     * Moves a picture to the trash (it loses the lead, which passes to the first remaining picture)
     * or back out of it (it goes to the end of the story's order).
     */
    public void setTrashed(UUID mediaId, boolean trashed, Instant now) {
        db.write(c -> {
            setTrashed(c, mediaId, trashed, now, true);
            return null;
        });
    }

    private void setTrashed(Connection c, UUID mediaId, boolean trashed, Instant now, boolean touch) throws SQLException {
        MediaItem m = get(c, mediaId).orElseThrow(() -> new NotFoundException("no picture " + mediaId));
        if (trashed == m.isTrashed()) {
            return;
        }
        if (trashed) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE media SET trashed_at=?, lead=0, updated_at=? WHERE id=?")) {
                Rows.bind(ps, now, now, mediaId);
                ps.executeUpdate();
            }
            if (m.lead()) {
                List<MediaItem> rest = list(c, m.storyId(), false);
                if (!rest.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE media SET lead=1 WHERE id=?")) {
                        Rows.bind(ps, rest.get(0).id());
                        ps.executeUpdate();
                    }
                }
            }
        } else {
            List<MediaItem> active = list(c, m.storyId(), false);
            int end = active.stream().mapToInt(MediaItem::position).max().orElse(-1) + 1;
            boolean noLead = active.stream().noneMatch(MediaItem::lead);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE media SET trashed_at=NULL, position=?, lead=?, updated_at=? WHERE id=?")) {
                Rows.bind(ps, end, noLead, now, mediaId);
                ps.executeUpdate();
            }
        }
        if (touch) {
            touchStory(c, m.storyId(), now);
        }
    }

    /**
     * For an import that updates a story (decision 0812): the package's captions for pictures this
     * story already has, and the pictures the package dropped moved to the trash, in the import's
     * transaction. A picture's caption that changes is no longer marked as prefilled from its file,
     * unless {@code stillPrefilled} names it. Ids of other stories' pictures are ignored. The story's
     * {@code updated_at} is left as the import set it (the package's).
     */
    public Database.Work<Void> syncFromPackage(UUID storyId, Map<UUID, String> captions, Set<UUID> stillPrefilled,
                                               Set<UUID> toTrash, Instant now) {
        Map<UUID, String> copy = Map.copyOf(captions);
        Set<UUID> prefilledCopy = Set.copyOf(stillPrefilled);
        Set<UUID> trashCopy = Set.copyOf(toTrash);
        return c -> {
            for (MediaItem m : list(c, storyId, false)) {
                String caption = copy.get(m.id());
                if (caption != null && !caption.equals(m.caption())) {
                    Set<String> prefilled = new java.util.TreeSet<>(m.prefilled());
                    if (!prefilledCopy.contains(m.id())) {
                        prefilled.remove("caption");
                    }
                    try (PreparedStatement ps = c.prepareStatement("UPDATE media SET caption=?, prefilled=?, updated_at=? WHERE id=?")) {
                        Rows.bind(ps, caption, Rows.list(List.copyOf(prefilled)), now, m.id());
                        ps.executeUpdate();
                    }
                }
                if (trashCopy.contains(m.id())) {
                    setTrashed(c, m.id(), true, now, false);
                }
            }
            return null;
        };
    }

    /** Deletes every trashed picture row for good; returns how many. */
    public int deleteTrashed() {
        return db.write(c -> {
            // counted first: the driver's update count includes rows that triggers (the search index) touched
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM media WHERE trashed_at IS NOT NULL")) {
                int n = rs.next() ? rs.getInt(1) : 0;
                s.executeUpdate("DELETE FROM media WHERE trashed_at IS NOT NULL");
                return n;
            }
        });
    }

    /** Every sha256 some media row (trashed or not, of any story) still names. */
    public Set<String> referencedFiles() {
        return db.read(c -> {
            Set<String> out = new HashSet<>();
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT sha256 FROM media")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    private static void touchStory(Connection c, UUID storyId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE story SET updated_at=? WHERE id=?")) {
            Rows.bind(ps, now, storyId);
            ps.executeUpdate();
        }
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    static MediaItem item(ResultSet rs) throws SQLException {
        return new MediaItem(Rows.id(rs, "id"), Rows.id(rs, "story_id"), rs.getString("sha256"), rs.getString("file_name"),
                rs.getString("mime_type"), rs.getInt("width"), rs.getInt("height"), rs.getLong("bytes"),
                rs.getInt("position"), rs.getInt("lead") != 0, rs.getString("caption"), rs.getString("credit"),
                rs.getString("creator"), rs.getString("copyright_notice"), rs.getString("usage_terms"),
                rs.getString("alt_text"), Rows.time(rs, "date_taken"), rs.getString("city"), rs.getString("country"),
                Rows.list(rs.getString("keywords")), new LinkedHashSet<>(Rows.list(rs.getString("prefilled"))),
                Rows.time(rs, "created_at"), Rows.time(rs, "trashed_at"));
    }
}
