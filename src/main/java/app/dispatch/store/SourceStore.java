package app.dispatch.store;

import app.dispatch.domain.Attribution;
import app.dispatch.domain.Citation;
import app.dispatch.domain.SourceField;
import app.dispatch.domain.SourceKind;
import app.dispatch.domain.Verification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The source book, story links, citations and the vault row in SQLite. Sealed fields arrive here
 * already encrypted; the search column is built from clear columns only. Blocking: never call on the FX thread.
 */
public final class SourceStore {
    private static final List<SourceField> TEXT_FIELDS = List.of(SourceField.values());
    private static final List<SourceField> SEARCHED = List.of(SourceField.NAME, SourceField.ROLE, SourceField.ORGANISATION,
            SourceField.EMAIL, SourceField.URL, SourceField.MESSENGER);

    private final Database db;

    public SourceStore(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    // ---- sources ----

    public void insert(SourceRow row) {
        db.write(c -> {
            insert(c, row);
            return null;
        });
    }

    /** Inserts many sources in one transaction (benchmarks, imports). */
    public void insertAll(List<SourceRow> rows) {
        db.write(c -> {
            for (SourceRow r : rows) {
                insert(c, r);
            }
            return null;
        });
    }

    private void insert(Connection c, SourceRow r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO source (id, kind, attribution, confidential, alias, created_at, updated_at)"
                + " VALUES (?,?,?,?,?,?,?)")) {
            Rows.bind(ps, r.id(), r.kind(), r.attribution(), r.confidential(), r.alias(), r.createdAt(), r.updatedAt());
            ps.executeUpdate();
        }
        writeColumns(c, r);
    }

    /** Replaces every stored value of the source; sealed values not in the row are deleted. False if gone. */
    public boolean update(SourceRow row) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM source WHERE id=?")) {
                Rows.bind(ps, row.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                }
            }
            writeColumns(c, row);
            return true;
        });
    }

    private void writeColumns(Connection c, SourceRow r) throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE source SET kind=?, attribution=?, confidential=?, alias=?, sensitive=?,"
                + " verified=?, verified_by=?, verified_at=?, search_text=?, sort_key=?, updated_at=?");
        List<Object> args = new ArrayList<>(List.of(r.kind(), r.attribution(), r.confidential(), r.alias(),
                r.sensitive().stream().map(SourceField::key).sorted().collect(Collectors.joining("\n")),
                r.verification().verified(), r.verification().by()));
        args.add(Rows.time(r.verification().at()));
        args.add(searchText(r));
        args.add(sortKey(r));
        args.add(r.updatedAt());
        for (SourceField f : TEXT_FIELDS) {
            sql.append(", ").append(f.key()).append("=?");
            args.add(r.sealed().containsKey(f) ? "" : r.clear().getOrDefault(f, ""));
        }
        sql.append(" WHERE id=?");
        args.add(r.id());
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            Rows.bind(ps, args.toArray());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM source_sealed WHERE source_id=?")) {
            Rows.bind(ps, r.id());
            ps.executeUpdate();
        }
        insertSealed(c, r.id(), r.sealed());
    }

    private static void insertSealed(Connection c, UUID id, Map<SourceField, byte[]> sealed) throws SQLException {
        if (sealed.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO source_sealed (source_id, field, value) VALUES (?,?,?)")) {
            for (Map.Entry<SourceField, byte[]> e : sealed.entrySet()) {
                ps.setString(1, id.toString());
                ps.setString(2, e.getKey().key());
                ps.setBytes(3, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Lower-cased clear text that search-as-you-type matches: alias and unsealed identifying fields only. */
    static String searchText(SourceRow r) {
        StringBuilder sb = new StringBuilder(r.alias());
        if (r.confidential()) {
            return fold(sb.toString());
        }
        for (SourceField f : SEARCHED) {
            if (!r.sealed().containsKey(f)) {
                String v = r.clear().getOrDefault(f, "");
                if (!v.isEmpty()) {
                    sb.append('\n').append(v);
                }
            }
        }
        return fold(sb.toString());
    }

    private static String sortKey(SourceRow r) {
        return fold(r.confidential() ? r.alias() : r.clear().getOrDefault(SourceField.NAME, ""));
    }

    /** Case and accent folding shared by the search column and queries. */
    public static String fold(String s) {
        String d = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD);
        return d.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    public boolean delete(UUID id) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM source WHERE id=?")) {
                Rows.bind(ps, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public Optional<SourceRow> get(UUID id) {
        return db.read(c -> {
            List<SourceRow> rows = select(c, "WHERE s.id=?", List.of(id), true);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        });
    }

    /** Finds by full id or a unique id prefix of at least 4 characters. */
    public Optional<SourceRow> find(String idOrPrefix) {
        String key = idOrPrefix == null ? "" : idOrPrefix.strip().toLowerCase(Locale.ROOT);
        if (key.length() < 4 || !key.matches("[0-9a-f-]+")) {
            return Optional.empty();
        }
        return db.read(c -> {
            List<SourceRow> rows = select(c, "WHERE s.id LIKE ? LIMIT 2", List.of(key + "%"), true);
            return rows.size() == 1 ? Optional.of(rows.get(0)) : Optional.empty();
        });
    }

    /** Every source, sorted by what is shown (alias or name). */
    public List<SourceRow> list() {
        return db.read(c -> select(c, "ORDER BY s.sort_key, s.id", List.of(), true));
    }

    /** Sources whose clear search text holds every word of {@code query}; sealed values are never searched. */
    public List<SourceRow> search(String query, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder("WHERE 1=1");
        for (String word : fold(query == null ? "" : query).split("\\s+")) {
            if (!word.isEmpty()) {
                where.append(" AND s.search_text LIKE ? ESCAPE '\\'");
                args.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        where.append(" ORDER BY s.sort_key, s.id LIMIT ?");
        args.add(limit);
        return db.read(c -> select(c, where.toString(), args, true));
    }

    public int count() {
        return db.read(c -> {
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM source")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    private List<SourceRow> select(Connection c, String tail, List<Object> args, boolean withSealed) throws SQLException {
        List<SourceRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT s.* FROM source s " + tail)) {
            Rows.bind(ps, args.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        }
        boolean anyConfidential = out.stream().anyMatch(SourceRow::confidential);
        if (!anyConfidential || !withSealed) {
            return out;
        }
        Map<UUID, Map<SourceField, byte[]>> sealed = new HashMap<>();
        List<UUID> wanted = out.stream().filter(SourceRow::confidential).map(SourceRow::id).toList();
        boolean few = wanted.size() <= 200;
        String sql = few ? "SELECT source_id, field, value FROM source_sealed WHERE source_id IN ("
                + String.join(",", java.util.Collections.nCopies(wanted.size(), "?")) + ")"
                : "SELECT source_id, field, value FROM source_sealed";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (few) {
                Rows.bind(ps, wanted.toArray());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sealed.computeIfAbsent(UUID.fromString(rs.getString(1)), k -> new EnumMap<>(SourceField.class))
                            .put(SourceField.fromKey(rs.getString(2)), rs.getBytes(3));
                }
            }
        }
        List<SourceRow> withValues = new ArrayList<>(out.size());
        for (SourceRow r : out) {
            Map<SourceField, byte[]> s = sealed.get(r.id());
            withValues.add(s == null ? r : new SourceRow(r.id(), r.kind(), r.attribution(), r.confidential(), r.alias(), r.clear(),
                    s, r.sensitive(), r.verification(), r.createdAt(), r.updatedAt()));
        }
        return withValues;
    }

    private static SourceRow row(ResultSet rs) throws SQLException {
        EnumMap<SourceField, String> clear = new EnumMap<>(SourceField.class);
        for (SourceField f : TEXT_FIELDS) {
            String v = rs.getString(f.key());
            if (v != null && !v.isEmpty()) {
                clear.put(f, v);
            }
        }
        Set<SourceField> sensitive = EnumSet.noneOf(SourceField.class);
        for (String k : Rows.list(rs.getString("sensitive"))) {
            sensitive.add(SourceField.fromKey(k));
        }
        Verification v = new Verification(rs.getInt("verified") != 0, rs.getString("verified_by"), Rows.time(rs, "verified_at"),
                clear.getOrDefault(SourceField.VERIFICATION_NOTE, ""));
        return new SourceRow(Rows.id(rs, "id"), SourceKind.valueOf(rs.getString("kind")), Attribution.valueOf(rs.getString("attribution")),
                rs.getInt("confidential") != 0, rs.getString("alias"), clear, Map.of(), sensitive, v,
                Rows.time(rs, "created_at"), Rows.time(rs, "updated_at"));
    }

    /**
     * The rows of sources from a review package, for the import's transaction: each is added to the
     * book unless a source with its id is already there (the local entry is never changed, so a
     * re-import does not duplicate and never overwrites a local, possibly confidential, source), then
     * linked to the story.
     */
    public Database.Work<Void> importShared(UUID storyId, List<SourceRow> rows, Instant now) {
        List<SourceRow> copy = List.copyOf(rows);
        return c -> {
            for (SourceRow r : copy) {
                if (r.confidential() || !r.sealed().isEmpty()) {
                    throw new IllegalArgumentException("only open sources are imported from packages");
                }
                boolean known;
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM source WHERE id=?")) {
                    Rows.bind(ps, r.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        known = rs.next();
                    }
                }
                if (!known) {
                    insert(c, r);
                }
                addToStory(c, storyId, r.id(), now);
            }
            return null;
        };
    }

    // ---- story links ----

    /** Links a source to a story; linking twice is harmless. */
    public void addToStory(UUID storyId, UUID sourceId, Instant now) {
        db.write(c -> {
            addToStory(c, storyId, sourceId, now);
            return null;
        });
    }

    private static void addToStory(Connection c, UUID storyId, UUID sourceId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO story_source (story_id, source_id, added_at) VALUES (?,?,?) ON CONFLICT DO NOTHING")) {
            Rows.bind(ps, storyId, sourceId, now);
            ps.executeUpdate();
        }
    }

    public void removeFromStory(UUID storyId, UUID sourceId) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM story_source WHERE story_id=? AND source_id=?")) {
                Rows.bind(ps, storyId, sourceId);
                return ps.executeUpdate();
            }
        });
    }

    /** Ids of the sources linked to a story, in the order they were added. */
    public List<UUID> sourcesOf(UUID storyId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT source_id FROM story_source WHERE story_id=? ORDER BY added_at, rowid")) {
                Rows.bind(ps, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<UUID> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(UUID.fromString(rs.getString(1)));
                    }
                    return out;
                }
            }
        });
    }

    // ---- citations ----

    /** Stores a citation and links its source to the story, in one transaction. */
    public void insertCitation(Citation x) {
        db.write(c -> {
            addToStory(c, x.storyId(), x.sourceId(), x.createdAt());
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO citation (id, story_id, source_id, passage, anchor_start, anchor_end, verified, verified_by,
                      verified_at, verification_note, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)""")) {
                Verification v = x.verification();
                Rows.bind(ps, x.id(), x.storyId(), x.sourceId(), x.passage(), x.anchorStart(), x.anchorEnd(), v.verified(), v.by(),
                        Rows.time(v.at()), v.how(), x.createdAt());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public boolean deleteCitation(UUID id) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM citation WHERE id=?")) {
                Rows.bind(ps, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public boolean setCitationVerification(UUID id, Verification v) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE citation SET verified=?, verified_by=?, verified_at=?, verification_note=? WHERE id=?")) {
                Rows.bind(ps, v.verified(), v.by(), Rows.time(v.at()), v.how(), id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Moves citation anchors after the body was edited (the passage found elsewhere). */
    public void moveCitations(Map<UUID, int[]> anchors) {
        if (anchors.isEmpty()) {
            return;
        }
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE citation SET anchor_start=?, anchor_end=? WHERE id=?")) {
                for (Map.Entry<UUID, int[]> e : anchors.entrySet()) {
                    Rows.bind(ps, e.getValue()[0], e.getValue()[1], e.getKey());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public Optional<Citation> citation(UUID id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM citation WHERE id=?")) {
                Rows.bind(ps, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(citation(rs)) : Optional.empty();
                }
            }
        });
    }

    /** A story's citations in body order. */
    public List<Citation> citations(UUID storyId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM citation WHERE story_id=? ORDER BY anchor_start, created_at, id")) {
                Rows.bind(ps, storyId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Citation> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(citation(rs));
                    }
                    return out;
                }
            }
        });
    }

    private static Citation citation(ResultSet rs) throws SQLException {
        return new Citation(Rows.id(rs, "id"), Rows.id(rs, "story_id"), Rows.id(rs, "source_id"), rs.getString("passage"),
                rs.getInt("anchor_start"), rs.getInt("anchor_end"),
                new Verification(rs.getInt("verified") != 0, rs.getString("verified_by"), Rows.time(rs, "verified_at"),
                        rs.getString("verification_note")),
                Rows.time(rs, "created_at"));
    }

    // ---- vault ----

    public Optional<VaultRecord> vault() {
        return db.read(c -> {
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM vault WHERE id=1")) {
                return rs.next() ? Optional.of(new VaultRecord(rs.getString("kdf"), rs.getBytes("salt"), rs.getBytes("verifier"),
                        Rows.time(rs, "created_at"), Rows.time(rs, "changed_at"))) : Optional.empty();
            }
        });
    }

    /** Creates the vault row; fails when a vault already exists. */
    public void createVault(VaultRecord v) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO vault (id, kdf, salt, verifier, created_at, changed_at) VALUES (1,?,?,?,?,?)")) {
                ps.setString(1, v.kdf());
                ps.setBytes(2, v.salt());
                ps.setBytes(3, v.verifier());
                ps.setString(4, Rows.time(v.createdAt()));
                ps.setString(5, Rows.time(v.changedAt()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Every sealed value, keyed by source id then field: what a passphrase change re-encrypts. */
    public Map<UUID, Map<SourceField, byte[]>> allSealed() {
        return db.read(c -> allSealed(c));
    }

    private static Map<UUID, Map<SourceField, byte[]>> allSealed(Connection c) throws SQLException {
        Map<UUID, Map<SourceField, byte[]>> out = new LinkedHashMap<>();
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT source_id, field, value FROM source_sealed ORDER BY source_id, field")) {
            while (rs.next()) {
                out.computeIfAbsent(UUID.fromString(rs.getString(1)), k -> new EnumMap<>(SourceField.class))
                        .put(SourceField.fromKey(rs.getString(2)), rs.getBytes(3));
            }
        }
        return out;
    }

    /** Re-encrypts the vault in ONE transaction; the function maps old ciphertexts to new ones. */
    @FunctionalInterface
    public interface Resealer {
        Map<UUID, Map<SourceField, byte[]>> reseal(Map<UUID, Map<SourceField, byte[]>> current);
    }

    /**
     * Replaces the vault row and every sealed value atomically: either all old or all new survive a
     * crash. Fails (nothing changed) if the vault row no longer holds {@code expectedVerifier}.
     */
    public void rekey(byte[] expectedVerifier, VaultRecord next, Resealer resealer) {
        db.write(c -> {
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT verifier FROM vault WHERE id=1")) {
                if (!rs.next() || !Arrays.equals(rs.getBytes(1), expectedVerifier)) {
                    throw new IllegalStateException("the vault changed while its passphrase was being changed; nothing was changed");
                }
            }
            Map<UUID, Map<SourceField, byte[]>> fresh = resealer.reseal(allSealed(c));
            try (PreparedStatement ps = c.prepareStatement("UPDATE source_sealed SET value=? WHERE source_id=? AND field=?")) {
                for (Map.Entry<UUID, Map<SourceField, byte[]>> e : fresh.entrySet()) {
                    for (Map.Entry<SourceField, byte[]> f : e.getValue().entrySet()) {
                        ps.setBytes(1, f.getValue());
                        ps.setString(2, e.getKey().toString());
                        ps.setString(3, f.getKey().key());
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE vault SET kdf=?, salt=?, verifier=?, changed_at=? WHERE id=1")) {
                ps.setString(1, next.kdf());
                ps.setBytes(2, next.salt());
                ps.setBytes(3, next.verifier());
                ps.setString(4, Rows.time(next.changedAt()));
                ps.executeUpdate();
            }
            return null;
        });
    }
}
