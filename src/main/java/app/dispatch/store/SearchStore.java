package app.dispatch.store;

import app.dispatch.domain.Highlights;
import app.dispatch.domain.SearchFilter;
import app.dispatch.domain.SearchHit;
import app.dispatch.domain.SearchPage;
import app.dispatch.domain.SearchSort;
import app.dispatch.domain.Status;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Full-text search over the FTS5 index of V7 and the filtered, paged library listing. Takes an FTS5
 * expression that the service's query parser built (never raw user input). Queries matching more
 * than {@link #CANDIDATES} stories rank only the newest matches, so common words stay fast.
 * Blocking: never call on the FX thread.
 */
public final class SearchStore {
    /** How many matches relevance ranks at most before it narrows to the newest ones. */
    public static final int CANDIDATES = 5_000;
    private static final String MARKS = "char(2), char(3)";
    private static final String HIT_COLUMNS = "s.id, s.slug, s.headline, s.status, s.section, s.bylines, s.language, s.updated_at";

    private final Database db;
    private final int candidates;

    public SearchStore(Database db) {
        this(db, CANDIDATES);
    }

    /** With a different candidate bound (tests use a small one to exercise the common-word path). */
    public SearchStore(Database db, int candidates) {
        this.db = db;
        this.candidates = Math.max(1, candidates);
    }

    /** Stories matching {@code fts} (an FTS5 expression; blank for none) and the filter, one page. */
    public SearchPage search(String fts, SearchFilter filter, SearchSort sort, int limit, int offset) {
        int lim = Math.max(0, limit);
        int off = Math.max(0, offset);
        if (fts == null || fts.isBlank()) {
            return db.read(c -> listing(c, filter, lim, off));
        }
        return db.read(c -> {
            try {
                return matching(c, fts, filter, sort, lim, off);
            } catch (SQLException e) {
                if (String.valueOf(e.getMessage()).contains("fts5")) {
                    return SearchPage.empty("that search could not be understood; try plain words");
                }
                throw e;
            }
        });
    }

    /** Sets the extra searchable text of a story (captions, credits, public source names) in the caller's transaction. */
    public void setExtra(Connection c, UUID storyId, String extra) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE search_doc SET extra=? WHERE story_id=?")) {
            Rows.bind(ps, extra == null ? "" : extra, storyId);
            ps.executeUpdate();
        }
    }

    /** Sets the extra searchable text of a story in its own transaction. */
    public void setExtra(UUID storyId, String extra) {
        db.write(c -> {
            setExtra(c, storyId, extra);
            return null;
        });
    }

    /** Merges the index segments (after a bulk load). */
    public void optimize() {
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO story_fts (story_fts) VALUES ('optimize')");
            }
            return null;
        });
    }

    /** True when the index agrees with the story rows (FTS5 integrity-check against its content). */
    public boolean indexAgreesWithStories() {
        return db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO story_fts (story_fts, rank) VALUES ('integrity-check', 1)");
                return true;
            } catch (SQLException e) {
                if (String.valueOf(e.getMessage()).contains("corrupt")) {
                    return false;
                }
                throw e;
            }
        });
    }

    private SearchPage listing(Connection c, SearchFilter filter, int limit, int offset) throws SQLException {
        Where w = where(c, filter);
        int total;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM story s WHERE " + w.sql)) {
            Rows.bind(ps, w.args.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                total = rs.next() ? rs.getInt(1) : 0;
            }
        }
        List<SearchHit> hits = new ArrayList<>();
        List<Object> args = new ArrayList<>(w.args);
        args.add(limit);
        args.add(offset);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + HIT_COLUMNS + ", s.standfirst FROM story s WHERE " + w.sql
                + " ORDER BY s.updated_at DESC, s.id LIMIT ? OFFSET ?")) {
            Rows.bind(ps, args.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hits.add(hit(rs, 0, rs.getString("headline"), rs.getString("standfirst")));
                }
            }
        }
        return new SearchPage(hits, total, true, "");
    }

    private SearchPage matching(Connection c, String fts, SearchFilter filter, SearchSort sort, int limit, int offset)
            throws SQLException {
        int probe;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM (SELECT rowid FROM story_fts WHERE story_fts MATCH ? LIMIT ?)")) {
            Rows.bind(ps, fts, candidates + 1);
            try (ResultSet rs = ps.executeQuery()) {
                probe = rs.next() ? rs.getInt(1) : 0;
            }
        }
        if (probe == 0) {
            return SearchPage.empty("");
        }
        Where w = where(c, filter);
        boolean common = probe > candidates;
        List<double[]> page;
        int total;
        String notice = "";
        if (!common) {
            page = ranked(c, fts, w, sort, 0, limit, offset);
            total = countMatches(c, fts, w);
        } else if (sort == SearchSort.NEWEST) {
            page = newestMatching(c, fts, w, limit, offset);
            total = candidates;
            notice = "more than " + candidates + " stories match; add words to narrow";
        } else {
            page = List.of();
            for (int window = candidates; ; window *= 8) {
                long bound = window > 10_000_000 ? 0 : newestBound(c, fts, window);
                page = ranked(c, fts, w, sort, bound, limit, offset);
                if (page.size() >= limit || bound == 0) {
                    break;
                }
            }
            total = candidates;
            notice = "more than " + candidates + " stories match; the newest are ranked. Add words to narrow";
        }
        List<SearchHit> hits = new ArrayList<>();
        for (double[] docRank : page) {
            SearchHit h = details(c, fts, (long) docRank[0], docRank[1]);
            if (h != null) {
                hits.add(h);
            }
        }
        return new SearchPage(hits, total, !common, notice);
    }

    /** [docid, rank] pairs, best first (or newest first), among docids at or above {@code minDocid}. */
    private List<double[]> ranked(Connection c, String fts, Where w, SearchSort sort, long minDocid, int limit, int offset)
            throws SQLException {
        String order = sort == SearchSort.NEWEST ? "s.updated_at DESC, s.id" : "f.rank, f.rowid DESC";
        List<Object> args = new ArrayList<>();
        args.add(fts);
        args.add(minDocid);
        args.addAll(w.args);
        args.add(limit);
        args.add(offset);
        String sql = "SELECT f.rowid, f.rank FROM story_fts f JOIN search_doc d ON d.docid = f.rowid JOIN story s ON s.id = d.story_id"
                + " WHERE f.story_fts MATCH ? AND f.rowid >= ? AND " + w.sql + " ORDER BY " + order + " LIMIT ? OFFSET ?";
        List<double[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Rows.bind(ps, args.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new double[] {rs.getLong(1), rs.getDouble(2)});
                }
            }
        }
        return out;
    }

    /** Newest first for very common words: walks the stories by date and asks the index about each. */
    private List<double[]> newestMatching(Connection c, String fts, Where w, int limit, int offset) throws SQLException {
        List<Object> args = new ArrayList<>(w.args);
        args.add(fts);
        args.add(limit);
        args.add(offset);
        String sql = "SELECT d.docid FROM story s JOIN search_doc d ON d.story_id = s.id WHERE " + w.sql
                + " AND EXISTS (SELECT 1 FROM story_fts WHERE story_fts MATCH ? AND story_fts.rowid = d.docid)"
                + " ORDER BY s.updated_at DESC, s.id LIMIT ? OFFSET ?";
        List<double[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Rows.bind(ps, args.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new double[] {rs.getLong(1), 0});
                }
            }
        }
        return out;
    }

    /** The smallest docid among the newest {@code window} matches, or 0 when fewer match. */
    private long newestBound(Connection c, String fts, int window) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT rowid FROM story_fts WHERE story_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?")) {
            Rows.bind(ps, fts, window - 1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private int countMatches(Connection c, String fts, Where w) throws SQLException {
        List<Object> args = new ArrayList<>();
        args.add(fts);
        args.addAll(w.args);
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM story_fts f JOIN search_doc d ON d.docid = f.rowid"
                + " JOIN story s ON s.id = d.story_id WHERE f.story_fts MATCH ? AND " + w.sql)) {
            Rows.bind(ps, args.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private SearchHit details(Connection c, String fts, long docid, double rank) throws SQLException {
        String sql = "SELECT " + HIT_COLUMNS + ", highlight(story_fts, 0, " + MARKS + ") AS hl,"
                + " snippet(story_fts, 2, " + MARKS + ", '…', 24) AS body_snip,"
                + " snippet(story_fts, -1, " + MARKS + ", '…', 24) AS best_snip"
                + " FROM story_fts JOIN search_doc d ON d.docid = story_fts.rowid JOIN story s ON s.id = d.story_id"
                + " WHERE story_fts MATCH ? AND story_fts.rowid = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Rows.bind(ps, fts, docid);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String body = rs.getString("body_snip");
                String best = rs.getString("best_snip");
                String snippet = body;
                if (body.indexOf(Highlights.START) < 0 && best.indexOf(Highlights.START) >= 0
                        && !Highlights.plain(best).equals(rs.getString("headline"))) {
                    snippet = best;
                }
                return hit(rs, rank, rs.getString("hl"), snippet);
            }
        }
    }

    private static SearchHit hit(ResultSet rs, double rank, String headlineMarked, String snippet) throws SQLException {
        return new SearchHit(Rows.id(rs, "id"), rs.getString("slug"), rs.getString("headline"),
                Status.valueOf(rs.getString("status")), rs.getString("section"), Rows.list(rs.getString("bylines")),
                rs.getString("language"), Rows.time(rs, "updated_at"), rank, headlineMarked, snippet == null ? "" : snippet);
    }

    private record Where(String sql, List<Object> args) {
    }

    /** The filter as SQL over story {@code s} (trashed stories always excluded). */
    private static Where where(Connection c, SearchFilter f) throws SQLException {
        StringBuilder sql = new StringBuilder("s.trashed_at IS NULL");
        List<Object> args = new ArrayList<>();
        if (!f.statuses().isEmpty()) {
            sql.append(" AND s.status IN (").append("?,".repeat(f.statuses().size() - 1)).append("?)");
            f.statuses().stream().map(Status::name).sorted().forEach(args::add);
        }
        if (f.author() != null) {
            sql.append(" AND s.bylines LIKE ? ESCAPE '\\'");
            args.add("%" + like(f.author()) + "%");
        }
        if (f.section() != null) {
            sql.append(" AND s.section = ? COLLATE NOCASE");
            args.add(f.section());
        }
        if (f.tag() != null) {
            sql.append(" AND (char(10) || s.tags || char(10)) LIKE ? ESCAPE '\\'");
            args.add("%\n" + like(f.tag()) + "\n%");
        }
        if (f.since() != null) {
            sql.append(" AND s.updated_at >= ?");
            args.add(f.since());
        }
        if (f.until() != null) {
            sql.append(" AND s.updated_at < ?");
            args.add(f.until());
        }
        if (f.hasEmbargo() != null) {
            sql.append(f.hasEmbargo() ? " AND s.embargo IS NOT NULL" : " AND s.embargo IS NULL");
        }
        if (f.hasMedia() != null) {
            if (mediaTableExists(c)) {
                sql.append(f.hasMedia() ? " AND" : " AND NOT").append(" EXISTS (SELECT 1 FROM media m WHERE m.story_id = s.id)");
            } else if (f.hasMedia()) {
                sql.append(" AND 0");
            }
        }
        return new Where(sql.toString(), args);
    }

    private static boolean mediaTableExists(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM pragma_table_info('media') WHERE name = 'story_id'")) {
            return rs.next();
        }
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
