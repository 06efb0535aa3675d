package app.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Dateline;
import app.dispatch.domain.LibraryScope;
import app.dispatch.domain.Revision;
import app.dispatch.domain.Status;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.domain.StorySummary;
import app.dispatch.service.Library;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryStoreTest {
    @TempDir
    Path dir;

    @Test
    void createdStoryReadsBackWithRtlTextByteExact() {
        String headline = "سیل در کابل: ۱۲ کشته";
        try (Library lib = Library.open(dir)) {
            Story s = lib.stories().create(StoryContent.blank("fa").withHeadline(headline).withBodyHtml("<p>متن خبر</p>"));
            assertEquals(headline, lib.stories().get(s.id()).content().headline());
            assertEquals("<p>متن خبر</p>", lib.stories().get(s.id()).content().bodyHtml());
            assertEquals(1, lib.stories().revisions(s.id()).size());
        }
    }

    @Test
    void migrationsRunFromAnEmptyFolderAndOnlyOnce() throws Exception {
        Path lib = dir.resolve("does/not/exist/yet");
        try (Library l = Library.open(lib)) {
            assertTrue(l.createdNow());
        }
        assertTrue(Files.isRegularFile(lib.resolve(Database.FILE_NAME)));
        List<String> tables = query(lib, "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name");
        assertTrue(tables.containsAll(List.of("story", "revision", "status_change", "setting")), tables.toString());
        List<String> applied = query(lib, "SELECT version FROM flyway_schema_history WHERE success=1 AND version IS NOT NULL ORDER BY installed_rank");
        assertEquals("1", applied.get(0));
        try (Library l = Library.open(lib)) {
            assertFalse(l.createdNow());
        }
        assertEquals(applied, query(lib, "SELECT version FROM flyway_schema_history WHERE success=1 AND version IS NOT NULL ORDER BY installed_rank"));
        assertEquals(List.of("wal"), query(lib, "PRAGMA journal_mode"));
    }

    @Test
    void connectionsUseWalFullSyncAndForeignKeys() {
        try (Library lib = Library.open(dir)) {
            List<String> pragmas = lib.database().read(c -> List.of(one(c, "PRAGMA journal_mode"), one(c, "PRAGMA synchronous"),
                    one(c, "PRAGMA foreign_keys"), one(c, "PRAGMA busy_timeout")));
            assertEquals(List.of("wal", "2", "1", "5000"), pragmas);
            List<String> writer = lib.database().write(c -> List.of(one(c, "PRAGMA synchronous"), one(c, "PRAGMA foreign_keys")));
            assertEquals(List.of("2", "1"), writer);
        }
    }

    @Test
    void updatedContentIsStoredAndSurvivesReopen() {
        Story s;
        try (Library lib = Library.open(dir)) {
            s = lib.stories().create(StoryContent.blank("en").withHeadline("Floods in the valley"));
            StoryContent edited = s.content().withStandfirst("Rivers burst their banks overnight.")
                    .withBylines(List.of("Ada Reporter", "Ben Writer"))
                    .withDateline(new Dateline("KABUL", LocalDate.of(2026, 11, 24)))
                    .withBodyHtml("<p>One two three four.</p><h2>Aid</h2><p>Five six.</p>")
                    .withTags(List.of("floods", "weather")).withSection("World").withUrgency(3)
                    .withEmbargo(Instant.parse("2026-11-25T06:00:00Z")).withEditorsNote("check casualty figure");
            lib.stories().saveContent(s.id(), edited);
        }
        try (Library lib = Library.open(dir)) {
            Story back = lib.stories().get(s.id());
            StoryContent c = back.content();
            assertEquals("Rivers burst their banks overnight.", c.standfirst());
            assertEquals(List.of("Ada Reporter", "Ben Writer"), c.bylines());
            assertEquals(new Dateline("KABUL", LocalDate.of(2026, 11, 24)), c.dateline());
            assertEquals("<p>One two three four.</p><h2>Aid</h2><p>Five six.</p>", c.bodyHtml());
            assertEquals(List.of("floods", "weather"), c.tags());
            assertEquals("World", c.section());
            assertEquals(3, c.urgency());
            assertEquals(Instant.parse("2026-11-25T06:00:00Z"), c.embargo());
            assertEquals("check casualty figure", c.editorsNote());
            assertEquals("floods-in-the-valley", c.slug());
            assertFalse(back.updatedAt().isBefore(back.createdAt()));
            StorySummary row = lib.stories().list(LibraryScope.ACTIVE, null).get(0);
            assertEquals(7, row.wordCount());
            assertEquals(List.of("Ada Reporter", "Ben Writer"), row.bylines());
        }
    }

    @Test
    void listIsNewestFirstAndFiltersByStatusAndScope() {
        try (Library lib = Library.open(dir)) {
            Story a = lib.stories().create(StoryContent.blank("en").withHeadline("First"));
            Story b = lib.stories().create(StoryContent.blank("en").withHeadline("Second"));
            Story c = lib.stories().create(StoryContent.blank("en").withHeadline("Third"));
            lib.stories().saveContent(a.id(), a.content().withStandfirst("touched last"));
            lib.stories().setStatus(b.id(), Status.SUBMITTED, "ready");
            lib.stories().trash(c.id());

            List<StorySummary> active = lib.stories().list(LibraryScope.ACTIVE, null);
            assertEquals(2, active.size());
            assertTrue(active.stream().noneMatch(StorySummary::trashed));
            assertEquals(List.of(b.id()), lib.stories().list(LibraryScope.ACTIVE, Status.SUBMITTED).stream().map(StorySummary::id).toList());
            assertEquals(List.of(a.id()), lib.stories().list(LibraryScope.ACTIVE, Status.DRAFT).stream().map(StorySummary::id).toList());
            assertEquals(List.of(c.id()), lib.stories().list(LibraryScope.TRASH, null).stream().map(StorySummary::id).toList());
            assertEquals(3, lib.stories().list(LibraryScope.ALL, null).size());
            assertEquals(2, lib.stories().store().count(LibraryScope.ACTIVE));
            List<Instant> times = lib.stories().list(LibraryScope.ALL, null).stream().map(StorySummary::updatedAt).toList();
            List<Instant> sorted = new ArrayList<>(times);
            sorted.sort(java.util.Comparator.reverseOrder());
            assertEquals(sorted, times);
        }
    }

    @Test
    void trashRestoreAndEmptyTrashDeleteOnlyTrashedStoriesWithTheirRevisions() throws Exception {
        Story keep;
        Story gone;
        try (Library lib = Library.open(dir)) {
            keep = lib.stories().create(StoryContent.blank("en").withHeadline("Keep me"));
            gone = lib.stories().create(StoryContent.blank("en").withHeadline("Throw me away"));
            lib.stories().trash(keep.id());
            assertTrue(lib.stories().get(keep.id()).isTrashed());
            lib.stories().restoreFromTrash(keep.id());
            assertFalse(lib.stories().get(keep.id()).isTrashed());
            lib.stories().trash(gone.id());
            lib.stories().setStatus(gone.id(), Status.SUBMITTED, "");
            assertEquals(1, lib.stories().emptyTrash());
            assertTrue(lib.stories().store().get(gone.id()).isEmpty());
            assertTrue(lib.stories().revisions(gone.id()).isEmpty());
            assertEquals(List.of(keep.id()), lib.stories().list(LibraryScope.ALL, null).stream().map(StorySummary::id).toList());
            assertEquals(0, lib.stories().emptyTrash());
        }
        assertEquals(List.of("0"), query(dir, "SELECT count(*) FROM status_change WHERE story_id='" + gone.id() + "'"));
        assertTrue(query(dir, "PRAGMA foreign_key_check").isEmpty());
    }

    @Test
    void revisionRowsRefuseUpdatesThroughTheTrigger() throws Exception {
        Story s;
        try (Library lib = Library.open(dir)) {
            s = lib.stories().create(StoryContent.blank("en").withHeadline("Original"));
            StoreException e = assertThrows(StoreException.class, () -> lib.database().write(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("UPDATE revision SET headline='Rewritten history'");
                }
            }));
            assertTrue(e.getMessage().contains("revisions are immutable"), e.getMessage());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME));
                Statement st = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> st.executeUpdate("UPDATE revision SET label='x'"));
            assertTrue(e.getMessage().contains("revisions are immutable"), e.getMessage());
        }
        try (Library lib = Library.open(dir)) {
            Revision r = lib.stories().revisions(s.id()).get(0);
            assertEquals("Original", r.content().headline());
            assertEquals("", r.label());
        }
    }

    @Test
    void nonLatinTextRoundTripsByteExactThroughEveryField() {
        String persian = "گزارش\u200Cهای تازه از هرات — «بازار» ۱۴۰۵";
        String arabic = "مُراسِلُنا في القُدس يَكتُبُ";
        String cjk = "东京的雨 · 서울의 밤 · 日本語のテキスト";
        String emoji = "👩🏽‍💻 reporter 🇦🇫 ❤️ e\u0301";
        String body = "<p>" + persian + "</p><h2>" + arabic + "</h2><blockquote>" + cjk + "</blockquote><ul><li>" + emoji + "</li></ul>";
        StoryContent content = StoryContent.blank("fa").withHeadline(persian).withStandfirst(arabic)
                .withBylines(List.of(cjk, emoji)).withDateline(new Dateline("هرات", LocalDate.of(2026, 3, 21)))
                .withBodyHtml(body).withTags(List.of(persian, cjk)).withSection(arabic).withEditorsNote(emoji);
        Story s;
        try (Library lib = Library.open(dir)) {
            s = lib.stories().create(content);
            lib.stories().snapshot(s.id(), app.dispatch.domain.RevisionKind.SNAPSHOT, emoji);
        }
        try (Library lib = Library.open(dir)) {
            StoryContent back = lib.stories().get(s.id()).content();
            assertBytes(persian, back.headline());
            assertBytes(arabic, back.standfirst());
            assertBytes(cjk, back.bylines().get(0));
            assertBytes(emoji, back.bylines().get(1));
            assertBytes("هرات", back.dateline().place());
            assertBytes(body, back.bodyHtml());
            assertBytes(persian, back.tags().get(0));
            assertBytes(arabic, back.section());
            assertBytes(emoji, back.editorsNote());
            List<Revision> revs = lib.stories().revisions(s.id());
            assertBytes(emoji, revs.get(1).label());
            assertBytes(body, revs.get(1).content().bodyHtml());
            assertBytes(persian, lib.stories().list(LibraryScope.ACTIVE, null).get(0).headline());
            assertEquals(s.id(), lib.stories().find(s.content().slug()).id());
        }
    }

    @Test
    void sameHeadlineGetsDistinctSlugs() {
        try (Library lib = Library.open(dir)) {
            Story a = lib.stories().create(StoryContent.blank("en").withHeadline("Budget vote"));
            Story b = lib.stories().create(StoryContent.blank("en").withHeadline("Budget vote"));
            Story fa = lib.stories().create(StoryContent.blank("fa").withHeadline("بودجه"));
            assertEquals("budget-vote", a.content().slug());
            assertEquals("budget-vote-2", b.content().slug());
            assertEquals("story", fa.content().slug());
            lib.stories().saveContent(b.id(), b.content().withSlug("budget-vote"));
            assertEquals("budget-vote-2", lib.stories().get(b.id()).content().slug(), "a colliding slug is not saved");
        }
    }

    private static void assertBytes(String expected, String actual) {
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8),
                () -> "expected <" + expected + "> but was <" + actual + ">");
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static List<String> query(Path dataDir, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(Database.FILE_NAME));
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    @Test
    void libraryRowsAgreeWithTheStoriesWhateverTheirTextHolds() {
        try (Library lib = Library.open(dir)) {
            List<Story> made = new ArrayList<>();
            made.add(lib.stories().create(StoryContent.blank("fa").withHeadline("سیل در کابل: ۱۲ کشته")
                    .withBylines(List.of("مریم احمدی", "Sam Oké"))));
            made.add(lib.stories().create(StoryContent.blank("en").withHeadline("Unit\u001fseparator in the headline")));
            made.add(lib.stories().create(StoryContent.blank("en").withHeadline("Separator in a byline")
                    .withBylines(List.of("Ana\u001fRuiz", "Lee"))));
            made.add(lib.stories().create(StoryContent.blank("de-CH").withHeadline("")));
            made.add(lib.stories().create(StoryContent.blank("en").withHeadline("Emoji 🌊 and \u0000 nul")));
            lib.stories().trash(made.get(3).id());
            for (LibraryScope scope : LibraryScope.values()) {
                for (StorySummary row : lib.stories().list(scope, null)) {
                    Story s = lib.stories().get(row.id());
                    assertEquals(s.content().slug(), row.slug());
                    assertEquals(s.content().headline(), row.headline());
                    assertEquals(s.content().bylines(), row.bylines());
                    assertEquals(s.content().language(), row.language());
                    assertEquals(s.status(), row.status());
                    assertEquals(s.createdAt(), row.createdAt());
                    assertEquals(s.updatedAt(), row.updatedAt());
                    assertEquals(s.trashedAt() != null, row.trashed());
                }
            }
            assertEquals(4, lib.stories().list(LibraryScope.ACTIVE, null).size());
            assertEquals(1, lib.stories().list(LibraryScope.TRASH, null).size());
        }
        // Only the rows whose byline or headline hold the separator are read the slow way; the rest,
        // right-to-left text, an emoji and a NUL among them, come from the packed column.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + SummaryRows.COLUMNS + " FROM story")) {
            SummaryRows reader = new SummaryRows(c);
            int rows = 0;
            while (rs.next()) {
                reader.read(rs);
                rows++;
            }
            assertEquals(5, rows);
            assertEquals(2, reader.rowsReadAlone());
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everySortOfTheLibraryTablePagesLikeSortingTheWholeList() {
        try (Library lib = Library.open(dir)) {
            java.util.Random rnd = new java.util.Random(3);
            String[] heads = {"Budget", "budget", "Ärzte streiken", "ferry", "Ferry returns", "سیل در کابل", "zebra", "", "Apple"};
            String[] names = {"Ana Ruiz", "ana ruiz", "Zoë Müller", "", "Lee"};
            Status[] statuses = {Status.DRAFT, Status.SUBMITTED, Status.APPROVED};
            List<Story> made = new ArrayList<>();
            for (int i = 0; i < 45; i++) {
                Story st = lib.stories().create(StoryContent.blank("en").withHeadline(heads[rnd.nextInt(heads.length)])
                        .withSlug("s-" + rnd.nextInt(1000) + "-" + i).withBylines(List.of(names[rnd.nextInt(names.length)]))
                        .withBodyHtml("<p>" + "word ".repeat(rnd.nextInt(6)) + "</p>"));
                Status want = statuses[rnd.nextInt(statuses.length)];
                if (want != Status.DRAFT) {
                    lib.stories().setStatus(st.id(), want, "");
                }
                made.add(st);
                if (i % 9 == 4) {
                    lib.stories().trash(st.id());
                }
            }
            List<StorySummary> all = lib.stories().list(LibraryScope.ACTIVE, null);
            for (app.dispatch.domain.LibraryQuery.Sort sort : app.dispatch.domain.LibraryQuery.Sort.values()) {
                for (boolean asc : new boolean[] {true, false}) {
                    for (Status filter : new Status[] {null, Status.SUBMITTED}) {
                        var q = new app.dispatch.domain.LibraryQuery(LibraryScope.ACTIVE, filter, "", sort, asc);
                        List<StorySummary> paged = new ArrayList<>();
                        for (int off = 0; off < 60; off += 7) {
                            paged.addAll(lib.stories().page(q, 7, off));
                        }
                        java.util.Comparator<StorySummary> key = switch (sort) {
                            case HEADLINE -> java.util.Comparator.comparing(r -> nocase(r.headline()), StoryStoreTest::bytes);
                            case SLUG -> java.util.Comparator.comparing(r -> r.slug(), StoryStoreTest::bytes);
                            case STATUS -> java.util.Comparator.comparing(r -> r.status().name(), StoryStoreTest::bytes);
                            case BYLINE -> java.util.Comparator.comparing(r -> nocase(String.join("\n", r.bylines())), StoryStoreTest::bytes);
                            case UPDATED -> java.util.Comparator.comparing(StorySummary::updatedAt);
                            case WORDS -> java.util.Comparator.comparingInt(StorySummary::wordCount);
                        };
                        key = key.thenComparing(r -> r.id().toString());
                        List<StorySummary> expected = all.stream().filter(r -> filter == null || r.status() == filter)
                                .sorted(asc ? key : key.reversed()).toList();
                        assertEquals(expected.stream().map(StorySummary::id).toList(), paged.stream().map(StorySummary::id).toList(),
                                sort + (asc ? " ascending" : " descending") + (filter == null ? "" : " of " + filter));
                        assertEquals(lib.stories().count(q), expected.size());
                    }
                }
            }
        }
    }

    /** SQLite's NOCASE: only ASCII letters fold. */
    private static String nocase(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            b.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
        }
        return b.toString();
    }

    /** Compares as SQLite's BINARY collation does: the UTF-8 bytes, unsigned. */
    private static int bytes(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
