package app.dispatch.store;

import app.dispatch.domain.LibraryScope;
import app.dispatch.domain.Dateline;
import app.dispatch.domain.NotFoundException;
import app.dispatch.domain.Revision;
import app.dispatch.domain.StatusChange;
import app.dispatch.domain.Status;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.domain.StorySummary;
import app.dispatch.text.BodyHtml;
import app.dispatch.text.TextStats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stories in SQLite. Blocking: never call on the FX thread. */
public final class StoryStore {
    private static final String SUMMARY_COLUMNS = SummaryRows.COLUMNS;

    private final Database db;
    private final RevisionStore revisions;
    private final int walkFrom;

    public StoryStore(Database db) {
        this(db, WALK_FROM);
    }

    /** With a different {@link #WALK_FROM} (tests read the same pages both ways). */
    StoryStore(Database db, int walkFrom) {
        this.db = db;
        this.revisions = new RevisionStore(db);
        this.walkFrom = walkFrom;
    }

    public Database database() {
        return db;
    }

    /** Inserts a new story. Fails if the id or slug is taken. */
    public void insert(Story story) {
        db.write(c -> {
            insert(c, story);
            return null;
        });
    }

    /** Inserts many stories in one transaction (imports, generated libraries). */
    public void insertAll(List<Story> batch) {
        db.write(c -> {
            for (Story s : batch) {
                insert(c, s);
            }
            return null;
        });
    }

    /** Inserts on a connection the caller holds (inside a larger transaction). */
    void insert(Connection c, Story s) throws SQLException {
        StoryContent x = s.content();
        String plain = BodyHtml.plainText(x.bodyHtml());
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO story (id, slug, headline, standfirst, bylines, dateline_place, dateline_date, body_html,
                  body_text, word_count, tags, section, language, urgency, embargo, editors_note, status, keep_location,
                  head_revision_id, created_at, updated_at, trashed_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")) {
            Rows.bind(ps, s.id(), x.slug(), x.headline(), x.standfirst(), Rows.list(x.bylines()), x.dateline().place(),
                    Rows.date(x.dateline().date()), x.bodyHtml(), plain, TextStats.countWords(plain), Rows.list(x.tags()),
                    x.section(), x.language(), x.urgency(), Rows.time(x.embargo()), x.editorsNote(), s.status(),
                    s.keepLocation(), s.headRevisionId(), s.createdAt(), s.updatedAt(), Rows.time(s.trashedAt()));
            ps.executeUpdate();
        }
    }

    /** Saves the content of an existing story (the autosave path). Returns false if the story is gone. */
    public boolean saveContent(UUID id, StoryContent x, Instant updatedAt) {
        return db.write(c -> saveContent(c, id, x, updatedAt));
    }

    boolean saveContent(Connection c, UUID id, StoryContent x, Instant updatedAt) throws SQLException {
        String plain = BodyHtml.plainText(x.bodyHtml());
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE story SET slug=?, headline=?, standfirst=?, bylines=?, dateline_place=?, dateline_date=?,
                  body_html=?, body_text=?, word_count=?, tags=?, section=?, language=?, urgency=?, embargo=?,
                  editors_note=?, updated_at=? WHERE id=?""")) {
            Rows.bind(ps, x.slug(), x.headline(), x.standfirst(), Rows.list(x.bylines()), x.dateline().place(),
                    Rows.date(x.dateline().date()), x.bodyHtml(), plain, TextStats.countWords(plain), Rows.list(x.tags()),
                    x.section(), x.language(), x.urgency(), Rows.time(x.embargo()), x.editorsNote(), updatedAt, id);
            return ps.executeUpdate() == 1;
        }
    }

    void setStatus(Connection c, UUID id, Status status, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE story SET status=?, updated_at=? WHERE id=?")) {
            Rows.bind(ps, status, now, id);
            ps.executeUpdate();
        }
    }

    void setHeadRevision(Connection c, UUID id, UUID revisionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE story SET head_revision_id=? WHERE id=?")) {
            Rows.bind(ps, revisionId, id);
            ps.executeUpdate();
        }
    }

    public void setKeepLocation(UUID id, boolean keep) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE story SET keep_location=? WHERE id=?")) {
                Rows.bind(ps, keep, id);
                return ps.executeUpdate();
            }
        });
    }

    public Optional<Story> get(UUID id) {
        return db.read(c -> get(c, id));
    }

    Optional<Story> get(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM story WHERE id=?")) {
            Rows.bind(ps, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(story(rs)) : Optional.empty();
            }
        }
    }

    public Optional<Story> findBySlug(String slug) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM story WHERE slug=?")) {
                ps.setString(1, slug);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(story(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Finds by full UUID, slug, or a unique id prefix of at least 8 characters. */
    public Optional<Story> find(String idOrSlug) {
        String key = idOrSlug == null ? "" : idOrSlug.strip();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<Story> byId = get(UUID.fromString(key));
            if (byId.isPresent()) {
                return byId;
            }
        } catch (IllegalArgumentException notUuid) {
            // fall through to slug
        }
        Optional<Story> bySlug = findBySlug(key);
        if (bySlug.isPresent() || key.length() < 8 || !key.matches("[0-9a-fA-F-]+")) {
            return bySlug;
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM story WHERE id LIKE ? LIMIT 2")) {
                ps.setString(1, key.toLowerCase() + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Story first = story(rs);
                    return rs.next() ? Optional.empty() : Optional.of(first);
                }
            }
        });
    }

    public boolean slugTaken(String slug, UUID except) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM story WHERE slug=? AND id<>?")) {
                Rows.bind(ps, slug, except == null ? "" : except.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Library rows, newest first; {@code status} may be null for all. */
    public List<StorySummary> list(LibraryScope scope, Status status, int limit, int offset) {
        StringBuilder sql = new StringBuilder("SELECT " + SUMMARY_COLUMNS + " FROM story WHERE 1=1");
        List<Object> args = new ArrayList<>();
        switch (scope) {
            case ACTIVE -> sql.append(" AND trashed_at IS NULL");
            case TRASH -> sql.append(" AND trashed_at IS NOT NULL");
            case ALL -> { }
        }
        if (status != null) {
            sql.append(" AND status=?");
            args.add(status);
        }
        sql.append(" ORDER BY updated_at DESC, id LIMIT ? OFFSET ?");
        args.add(limit);
        args.add(offset);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                Rows.bind(ps, args.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    return SummaryRows.readAll(c, rs);
                }
            }
        });
    }

    /**
     * Above this many typed-filter matches, a page sorted by last update walks the library list's
     * index in order and stops at the page's end, instead of looking up and sorting every match (a
     * first typed letter matches most of the library).
     */
    static final int WALK_FROM = 2_000;

    /** One page of the library table for {@code q}: filtered and sorted in SQL, never the whole table. */
    public List<StorySummary> page(app.dispatch.domain.LibraryQuery q, int limit, int offset) {
        Typed typed = Typed.of(q);
        String order = switch (q.sort()) {
            case HEADLINE -> "headline COLLATE NOCASE";
            case SLUG -> "slug";
            case STATUS -> "status";
            case BYLINE -> "bylines COLLATE NOCASE";
            case UPDATED -> "updated_at";
            case WORDS -> "word_count";
        };
        String dir = q.ascending() ? " ASC" : " DESC";
        return db.read(c -> {
            // With a typed filter: few matches are looked up by id in story_by_id and sorted; many matches
            // sorted by date are found by walking story_list (already in that order) until the page is full.
            boolean walk = typed.indexed() && q.sort() == app.dispatch.domain.LibraryQuery.Sort.UPDATED
                    && typed.matches(c) > walkFrom;
            List<Object> args = new ArrayList<>();
            String where = where(q, typed, !walk, args);
            String from = !typed.indexed() ? " FROM story" : walk ? " FROM story INDEXED BY story_list" : " FROM story INDEXED BY story_by_id";
            String orderBy = " ORDER BY " + order + dir + ", id" + dir;
            String sql = "SELECT " + SUMMARY_COLUMNS + from + where + orderBy + " LIMIT ? OFFSET ?";
            if (!typed.indexed() && typed.literals().isEmpty() && q.sort() != app.dispatch.domain.LibraryQuery.Sort.UPDATED) {
                // the page's ids in order from its sort index (V11), then their columns from story_by_id
                sql = "SELECT " + SUMMARY_COLUMNS + " FROM story INDEXED BY story_by_id WHERE id IN (SELECT id FROM story" + where
                        + orderBy + " LIMIT ? OFFSET ?)" + orderBy;
            }
            args.add(limit);
            args.add(offset);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Rows.bind(ps, args.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    return SummaryRows.readAll(c, rs);
                }
            }
        });
    }

    /** How many stories {@code q} matches. */
    public int count(app.dispatch.domain.LibraryQuery q) {
        Typed typed = Typed.of(q);
        return db.read(c -> {
            if (typed.indexed() && typed.literals().isEmpty() && q.status() == null && q.scope() != LibraryScope.TRASH) {
                // Counted in the index alone, less the trashed matches (few): no lookup per match.
                int all = typed.matches(c);
                return q.scope() == LibraryScope.ALL ? all : all - typed.trashedMatches(c);
            }
            List<Object> args = new ArrayList<>();
            String sql = "SELECT count(*) FROM story" + (typed.indexed() ? " INDEXED BY story_by_id" : "") + where(q, typed, true, args);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Rows.bind(ps, args.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /**
     * The typed filter of a library query: {@code fts} for {@code library_fts} (headline, slug and
     * bylines; V9), every word a prefix and all of them required, or null when no word has a letter or
     * digit; {@code literals}, the words with other characters, which must in addition appear as typed
     * (LIKE, on the rows the index found; alone when no word has a letter or digit). Quotes, brackets
     * and {@code *} around a word are dropped first. See
     * {@link app.dispatch.domain.LibraryQuery} for what the user gets.
     */
    private record Typed(String fts, List<String> literals) {
        static Typed of(app.dispatch.domain.LibraryQuery q) {
            List<String> prefixes = new ArrayList<>();
            List<String> literals = new ArrayList<>();
            for (String word : q.words()) {
                String typed = word.replaceAll("^[\"()*]+|[\"()*]+$", "");
                if (typed.isEmpty()) {
                    continue;
                }
                if (typed.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    prefixes.add("\"" + typed.replace("\"", "\"\"") + "\" *");
                }
                if (!typed.codePoints().allMatch(Typed::wordChar)) {
                    literals.add(typed);
                }
            }
            return new Typed(prefixes.isEmpty() ? null : String.join(" AND ", prefixes), List.copyOf(literals));
        }

        boolean indexed() {
            return fts != null;
        }

        /** Stories whose headline, slug or bylines match, trashed or not (the index has one row per story). */
        int matches(Connection c) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM library_fts WHERE library_fts MATCH ?")) {
                Rows.bind(ps, fts);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        }

        /** Trashed stories among {@link #matches}: walks the trash and asks the matches about each. */
        int trashedMatches(Connection c) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM story s CROSS JOIN search_doc d ON d.story_id = s.id"
                    + " WHERE s.trashed_at IS NOT NULL AND d.docid IN (SELECT rowid FROM library_fts WHERE library_fts MATCH ?)")) {
                Rows.bind(ps, fts);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        }

        /** Letters, digits and the marks that combine with them: what a word of the filter is made of. */
        private static boolean wordChar(int cp) {
            int type = Character.getType(cp);
            return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
        }
    }

    /**
     * The library query as SQL over {@code story}. With a typed filter and {@code byMatches} the rows
     * come from the matches, looked up by id ("+" keeps SQLite from walking the trash or status index
     * instead); without {@code byMatches} the caller walks an index and each row is tested against the
     * set of matching docids (cheap to build even when most stories match).
     */
    private static String where(app.dispatch.domain.LibraryQuery q, Typed typed, boolean byMatches, List<Object> args) {
        String plus = typed.indexed() && byMatches ? "+" : "";
        StringBuilder w = new StringBuilder(switch (q.scope()) {
            case ACTIVE -> " WHERE " + plus + "trashed_at IS NULL";
            case TRASH -> " WHERE " + plus + "trashed_at IS NOT NULL";
            case ALL -> " WHERE 1=1";
        });
        if (q.status() != null) {
            w.append(" AND ").append(plus).append("status=?");
            args.add(q.status());
        }
        if (typed.indexed() && byMatches) {
            w.append(" AND id IN (SELECT d.story_id FROM library_fts f JOIN search_doc d ON d.docid = f.rowid"
                    + " WHERE library_fts MATCH ?)");
            args.add(typed.fts());
        } else if (typed.indexed()) {
            // walking story_list: each row's docid is looked up and tested against the set of matching docids
            w.append(" AND (SELECT d.docid FROM search_doc d WHERE d.story_id = story.id)"
                    + " IN (SELECT rowid FROM library_fts WHERE library_fts MATCH ?)");
            args.add(typed.fts());
        }
        for (String word : typed.literals()) {
            String like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            w.append(" AND (headline LIKE ? ESCAPE '\\' OR slug LIKE ? ESCAPE '\\' OR bylines LIKE ? ESCAPE '\\')");
            args.add(like);
            args.add(like);
            args.add(like);
        }
        return w.toString();
    }

    public int count(LibraryScope scope) {
        String where = switch (scope) {
            case ACTIVE -> " WHERE trashed_at IS NULL";
            case TRASH -> " WHERE trashed_at IS NOT NULL";
            case ALL -> "";
        };
        return db.read(c -> {
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM story" + where)) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    public void setTrashed(UUID id, Instant trashedAt) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE story SET trashed_at=? WHERE id=?")) {
                Rows.bind(ps, Rows.time(trashedAt), id);
                return ps.executeUpdate();
            }
        });
    }

    /** Deletes every trashed story for good (revisions and dependants cascade). Returns the ids removed. */
    public List<UUID> emptyTrash() {
        return db.write(c -> {
            List<UUID> ids = new ArrayList<>();
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM story WHERE trashed_at IS NOT NULL")) {
                while (rs.next()) {
                    ids.add(UUID.fromString(rs.getString(1)));
                }
            }
            try (var s = c.createStatement()) {
                s.executeUpdate("DELETE FROM story WHERE trashed_at IS NOT NULL");
            }
            return ids;
        });
    }

    /** Builds the revision to record from the story as it is stored at that moment. */
    @FunctionalInterface
    public interface RevisionFactory {
        Revision make(Story current);
    }

    /** Inserts a story and its first revision in one transaction. */
    public void insertWithRevision(Story story, Revision first) {
        db.write(c -> {
            insert(c, story);
            revisions.append(c, first);
            return null;
        });
    }

    /** Records a revision of the story as stored now and makes it the head, in one transaction. */
    public Revision snapshot(UUID storyId, RevisionFactory factory) {
        return db.write(c -> snapshot(c, storyId, factory));
    }

    Revision snapshot(Connection c, UUID storyId, RevisionFactory factory) throws SQLException {
        Story s = get(c, storyId).orElseThrow(() -> NotFoundException.story(storyId.toString()));
        Revision r = factory.make(s);
        revisions.append(c, r);
        setHeadRevision(c, storyId, r.id());
        return r;
    }

    /**
     * Like {@link #snapshot} but only when content, status or (when the head recorded them) the
     * pictures' captions differ from the head revision.
     */
    public Optional<Revision> snapshotIfChanged(UUID storyId, RevisionFactory factory) {
        return db.write(c -> differsFromHead(c, storyId) ? Optional.of(snapshot(c, storyId, factory)) : Optional.empty());
    }

    /**
     * True when the story has no head revision, or its content, status or (when the head recorded
     * them) its pictures' captions differ from the head's: what a new revision would record.
     */
    public boolean differsFromHead(UUID storyId) {
        return db.read(c -> differsFromHead(c, storyId));
    }

    private boolean differsFromHead(Connection c, UUID storyId) throws SQLException {
        Story s = get(c, storyId).orElseThrow(() -> NotFoundException.story(storyId.toString()));
        if (s.headRevisionId() == null) {
            return true;
        }
        Optional<Revision> head = revisions.get(c, s.headRevisionId());
        return head.isEmpty() || !head.get().content().equals(s.content()) || head.get().status() != s.status()
                || revisions.captionsChangedSince(c, head.get().id(), storyId);
    }

    /** Replaces the content and records a revision of the result, in one transaction. */
    public Revision replaceContent(UUID storyId, StoryContent content, Instant now, RevisionFactory factory) {
        return db.write(c -> {
            if (!saveContent(c, storyId, content, now)) {
                throw NotFoundException.story(storyId.toString());
            }
            return snapshot(c, storyId, factory);
        });
    }

    /** Moves the story to {@code to}, keeps who/when/why, and records a revision, in one transaction. */
    public Revision changeStatus(UUID storyId, Status to, String actor, String note, Instant now, RevisionFactory factory) {
        return db.write(c -> {
            Story s = get(c, storyId).orElseThrow(() -> NotFoundException.story(storyId.toString()));
            setStatus(c, storyId, to, now);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO status_change (id, story_id, from_status, to_status, actor, note, changed_at) VALUES (?,?,?,?,?,?,?)")) {
                Rows.bind(ps, UUID.randomUUID(), storyId, s.status(), to, actor, note == null ? "" : note, now);
                ps.executeUpdate();
            }
            return snapshot(c, storyId, factory);
        });
    }

    /** The story's status history, oldest first. */
    public List<StatusChange> statusHistory(UUID storyId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM status_change WHERE story_id=? ORDER BY changed_at, rowid")) {
                Rows.bind(ps, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<StatusChange> out = new ArrayList<>();
                    while (rs.next()) {
                        String from = rs.getString("from_status");
                        out.add(new StatusChange(Rows.id(rs, "id"), storyId, from == null ? null : Status.valueOf(from),
                                Status.valueOf(rs.getString("to_status")), rs.getString("actor"), rs.getString("note"),
                                Rows.time(rs, "changed_at")));
                    }
                    return out;
                }
            }
        });
    }

    static Story story(ResultSet rs) throws SQLException {
        return new Story(Rows.id(rs, "id"), content(rs), Status.valueOf(rs.getString("status")),
                Rows.time(rs, "created_at"), Rows.time(rs, "updated_at"), Rows.time(rs, "trashed_at"),
                rs.getInt("keep_location") != 0, Rows.id(rs, "head_revision_id"));
    }

    /** Reads the content columns shared by story and revision rows. */
    static StoryContent content(ResultSet rs) throws SQLException {
        return new StoryContent(rs.getString("slug"), rs.getString("headline"), rs.getString("standfirst"),
                Rows.list(rs.getString("bylines")), new Dateline(rs.getString("dateline_place"), Rows.date(rs, "dateline_date")),
                rs.getString("body_html"), Rows.list(rs.getString("tags")), rs.getString("section"), rs.getString("language"),
                rs.getInt("urgency"), Rows.time(rs, "embargo"), rs.getString("editors_note"));
    }
}
