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
    private static final String NOT_TRASHED = "s.trashed_at IS NULL";
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
                return matching(c, expandPrefixes(c, fts), filter, sort, lim, off);
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

    /** The FTS5 expression a search for {@code fts} runs: long prefixes spelled out as the words they stand for. */
    public String expanded(String fts) {
        return fts == null || fts.isBlank() ? "" : db.read(c -> expandPrefixes(c, fts));
    }

    /** Merges the index segments of the search index and the library filter's index (after a bulk load). */
    public void optimize() {
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO story_fts (story_fts) VALUES ('optimize')");
                s.execute("INSERT INTO library_fts (library_fts) VALUES ('optimize')");
            }
            return null;
        });
    }

    /**
     * True when both full-text indexes (search, and the library's typed filter) agree with the story
     * rows (FTS5 integrity-check against their content).
     */
    public boolean indexAgreesWithStories() {
        return db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO story_fts (story_fts, rank) VALUES ('integrity-check', 1)");
                s.execute("INSERT INTO library_fts (library_fts, rank) VALUES ('integrity-check', 1)");
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
        long bound = newestBound(c, fts, candidates);
        boolean common = bound > 0;
        Where w = where(c, filter);
        Ranked page;
        String notice = "";
        if (!common) {
            page = ranked(c, fts, w, sort, 0, limit, offset);
            if (page.rows.isEmpty() && offset > 0) {
                page = new Ranked(page.rows, countMatches(c, fts, w));
            }
        } else if (sort == SearchSort.NEWEST && !fts.contains("*")) {
            page = new Ranked(newestMatching(c, fts, w, limit, offset), candidates);
            notice = "more than " + candidates + " stories match; add words to narrow";
        } else {
            page = ranked(c, fts, w, sort, bound, limit, offset);
            for (long window = candidates * 8L; page.rows.size() < limit && bound > 0; window *= 8) {
                bound = window > 10_000_000 ? 0 : newestBound(c, fts, (int) window);
                page = ranked(c, fts, w, sort, bound, limit, offset);
            }
            page = new Ranked(page.rows, candidates);
            notice = "more than " + candidates + " stories match; the newest are " + (sort == SearchSort.NEWEST ? "shown" : "ranked")
                    + ". Add words to narrow";
        }
        return new SearchPage(details(c, fts, page.rows), page.total, !common, notice);
    }

    /** One page of [docid, rank] pairs and the number of rows that matched in all. */
    private record Ranked(List<double[]> rows, int total) {
    }

    /**
     * [docid, rank] pairs, best first (or newest first), among docids at or above {@code minDocid}.
     * The matches are never more than {@link #CANDIDATES} (times the widening) here, so the index is
     * the outer loop (CROSS JOIN): an older planner walked every approved story and asked the index
     * about each instead.
     */
    private Ranked ranked(Connection c, String fts, Where w, SearchSort sort, long minDocid, int limit, int offset)
            throws SQLException {
        boolean newest = sort == SearchSort.NEWEST;
        String order = newest ? "s.updated_at DESC, s.id" : "f.rank, f.rowid DESC";
        List<Object> args = new ArrayList<>();
        args.add(fts);
        args.add(minDocid);
        args.addAll(w.args);
        args.add(limit);
        args.add(offset);
        String sql = "SELECT f.rowid, " + (newest ? "0" : "f.rank") + ", count(*) OVER ()"
                + " FROM story_fts f CROSS JOIN search_doc d ON d.docid = f.rowid CROSS JOIN story s ON s.id = d.story_id"
                + " WHERE f.story_fts MATCH ? AND f.rowid >= ? AND " + w.sql + " ORDER BY " + order + " LIMIT ? OFFSET ?";
        if (!newest && w.args.isEmpty() && w.sql.equals(NOT_TRASHED)) {
            // No filter but the trash: rank in the index alone (joining the wide story rows costs more than bm25).
            args.subList(2, 2 + w.args.size()).clear();
            sql = "SELECT f.rowid, f.rank, count(*) OVER () FROM story_fts f WHERE f.story_fts MATCH ? AND f.rowid >= ?"
                    + " AND f.rowid NOT IN (SELECT d.docid FROM story s JOIN search_doc d ON d.story_id = s.id"
                    + " WHERE s.trashed_at > '') ORDER BY " + order + " LIMIT ? OFFSET ?";
        }
        List<double[]> out = new ArrayList<>();
        int total = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Rows.bind(ps, args.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new double[] {rs.getLong(1), rs.getDouble(2)});
                    total = rs.getInt(3);
                }
            }
        }
        return new Ranked(out, total);
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
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM story_fts f CROSS JOIN search_doc d ON d.docid = f.rowid"
                + " CROSS JOIN story s ON s.id = d.story_id WHERE f.story_fts MATCH ? AND " + w.sql)) {
            Rows.bind(ps, args.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /**
     * Headline highlights and snippets for one page, in one pass over the matches between the page's
     * smallest and largest docid (a prefix expands once, not once per hit). The snippet is from the
     * body when the body matched; for the hits whose body did not match, a second pass (one statement
     * for all of them) takes it from whichever column matched best (tags, bylines, extra …), unless
     * that is just the headline again.
     */
    private List<SearchHit> details(Connection c, String fts, List<double[]> page) throws SQLException {
        if (page.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, SearchHit> byDoc = new java.util.HashMap<>();
        java.util.Map<Long, Double> ranks = new java.util.HashMap<>();
        page.forEach(r -> ranks.put((long) r[0], r[1]));
        List<Long> needBest = new ArrayList<>();
        String sql = "SELECT story_fts.rowid AS docid, " + HIT_COLUMNS + ", highlight(story_fts, 0, " + MARKS + ") AS hl,"
                + " snippet(story_fts, 2, " + MARKS + ", '…', 24) AS body_snip"
                + " FROM story_fts CROSS JOIN search_doc d ON d.docid = story_fts.rowid CROSS JOIN story s INDEXED BY story_by_id ON s.id = d.story_id"
                + " WHERE story_fts MATCH ? AND story_fts.rowid BETWEEN ? AND ? AND +story_fts.rowid IN (";
        try (PreparedStatement ps = c.prepareStatement(sql + "?,".repeat(page.size() - 1) + "?)")) {
            Rows.bind(ps, pageArgs(fts, ranks.keySet()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long docid = rs.getLong("docid");
                    String body = rs.getString("body_snip");
                    byDoc.put(docid, hit(rs, ranks.get(docid), rs.getString("hl"), body));
                    if (body == null || body.indexOf(Highlights.START) < 0) {
                        needBest.add(docid);
                    }
                }
            }
        }
        if (!needBest.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT rowid, snippet(story_fts, -1, " + MARKS + ", '…', 24) FROM story_fts"
                    + " WHERE story_fts MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN (" + "?,".repeat(needBest.size() - 1) + "?)")) {
                Rows.bind(ps, pageArgs(fts, needBest));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        SearchHit h = byDoc.get(rs.getLong(1));
                        String best = rs.getString(2);
                        if (h != null && best != null && best.indexOf(Highlights.START) >= 0 && !Highlights.plain(best).equals(h.headline())) {
                            byDoc.put(rs.getLong(1), new SearchHit(h.id(), h.slug(), h.headline(), h.status(), h.section(), h.bylines(),
                                    h.language(), h.updatedAt(), h.rank(), h.headlineMarked(), best));
                        }
                    }
                }
            }
        }
        List<SearchHit> out = new ArrayList<>();
        for (double[] r : page) {
            SearchHit h = byDoc.get((long) r[0]);
            if (h != null) {
                out.add(h);
            }
        }
        return out;
    }

    /** The expression, the smallest and largest docid, then the docids: the arguments of a per-page pass. */
    private static Object[] pageArgs(String fts, java.util.Collection<Long> docids) {
        List<Object> args = new ArrayList<>();
        args.add(fts);
        args.add(java.util.Collections.min(docids));
        args.add(java.util.Collections.max(docids));
        args.addAll(docids);
        return args.toArray();
    }

    /** Prefixes of this many characters or more are spelled out as words; shorter ones use the prefix index. */
    static final int EXPAND_PREFIX_FROM = 4;
    /** A prefix standing for more indexed words than this stays a prefix query. */
    static final int MAX_EXPANSION = 24;

    /**
     * Rewrites each {@code "word" *} of {@code fts} whose word has {@link #EXPAND_PREFIX_FROM} or more
     * characters into {@code ("word" OR "words" OR …)}: the indexed words it stands for, read from
     * {@code story_fts_terms}. FTS5 answers a prefix without a prefix index of its length by merging
     * the lists of every such word, in full, once per statement (three times per search); an OR of the
     * same words reads only the part of each list a statement needs. Same matches, same highlights.
     * Left alone: short prefixes (V9's prefix index serves them), prefixes standing for more than
     * {@link #MAX_EXPANSION} words, and words whose folding to index form this code does not know for
     * certain (only ASCII letters and digits, and letters of caseless scripts, are spelled out).
     */
    static String expandPrefixes(Connection c, String fts) throws SQLException {
        if (fts.indexOf('*') < 0) {
            return fts;
        }
        StringBuilder out = new StringBuilder(fts.length() + 64);
        int i = 0;
        int n = fts.length();
        while (i < n) {
            char ch = fts.charAt(i);
            if (ch != '"') {
                out.append(ch);
                i++;
                continue;
            }
            int j = i + 1;
            StringBuilder word = new StringBuilder();
            while (j < n) {
                if (fts.charAt(j) == '"') {
                    if (j + 1 < n && fts.charAt(j + 1) == '"') {
                        word.append('"');
                        j += 2;
                        continue;
                    }
                    break;
                }
                word.append(fts.charAt(j++));
            }
            int end = Math.min(n, j + 1);
            boolean prefix = fts.startsWith(" *", end);
            String folded = prefix ? foldable(word.toString()) : null;
            List<String> terms = folded == null ? List.of() : terms(c, folded);
            if (terms.isEmpty()) {
                out.append(fts, i, prefix ? end + 2 : end);
            } else {
                out.append('(');
                for (int t = 0; t < terms.size(); t++) {
                    out.append(t == 0 ? "" : " OR ").append('"').append(terms.get(t).replace("\"", "\"\"")).append('"');
                }
                out.append(')');
            }
            i = prefix ? end + 2 : end;
        }
        return out.toString();
    }

    /** The word as the index stores it, when it is one token whose folding is certain; else null. */
    private static String foldable(String word) {
        if (word.codePointCount(0, word.length()) < EXPAND_PREFIX_FROM) {
            return null;
        }
        StringBuilder sb = new StringBuilder(word.length());
        for (int k = 0; k < word.length(); ) {
            int cp = word.codePointAt(k);
            k += Character.charCount(cp);
            if (cp < 0x80) {
                if (!Character.isLetterOrDigit(cp)) {
                    return null;
                }
                sb.append((char) Character.toLowerCase(cp));
            } else {
                int type = Character.getType(cp);
                if (type != Character.OTHER_LETTER && type != Character.DECIMAL_DIGIT_NUMBER) {
                    return null;
                }
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    /** The indexed words starting with {@code prefix}, or none when there are more than {@link #MAX_EXPANSION}. */
    private static List<String> terms(Connection c, String prefix) throws SQLException {
        int last = prefix.codePointBefore(prefix.length());
        if (!Character.isValidCodePoint(last + 1) || Character.getType(last + 1) == Character.SURROGATE) {
            return List.of();
        }
        String upper = prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(last + 1);
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT term FROM story_fts_terms WHERE term >= ? AND term < ? LIMIT ?")) {
            Rows.bind(ps, prefix, upper, MAX_EXPANSION + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out.size() > MAX_EXPANSION ? List.of() : out;
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
        StringBuilder sql = new StringBuilder(NOT_TRASHED);
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
