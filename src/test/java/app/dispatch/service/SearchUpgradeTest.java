package app.dispatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.LibraryQuery;
import app.dispatch.domain.LibraryScope;
import app.dispatch.domain.SearchFilter;
import app.dispatch.domain.SearchHit;
import app.dispatch.domain.SearchSort;
import app.dispatch.domain.Story;
import app.dispatch.domain.StorySummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A library made before V9 (search index without prefix indexes, no library filter index) opens and searches as a new one. */
class SearchUpgradeTest {
    @TempDir
    Path dir;

    @Test
    void aV8LibraryIsReindexedOnOpenAndFindsItsOldStories() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("dispatch.db").toAbsolutePath();
        Flyway.configure(getClass().getClassLoader()).dataSource(url, null, null).locations("classpath:db/migration")
                .mixed(true).outOfOrder(true).target("8").load().migrate();
        fillAndCheck(url);
    }

    /** A library made by a build that had every migration but V9 (later ones included) gets V9 out of order (decision 0006). */
    @Test
    void aLibraryWithLaterMigrationsButNotV9GetsItOutOfOrder() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations-without-v9"));
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path f : files.filter(f -> !f.getFileName().toString().startsWith("V9__")).toList()) {
                Files.copy(f, migrations.resolve(f.getFileName()));
            }
        }
        Path lib = Files.createDirectories(dir.resolve("lib"));
        String url = "jdbc:sqlite:" + lib.resolve("dispatch.db").toAbsolutePath();
        Flyway.configure(getClass().getClassLoader()).dataSource(url, null, null).locations("filesystem:" + migrations)
                .mixed(true).outOfOrder(true).load().migrate();
        dir = lib;
        fillAndCheck(url);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1"
                     + " AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            assertTrue(rs.next());
            assertEquals("9", rs.getString(1), "V9 ran last, after the later migrations");
        }
    }

    private void fillAndCheck(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            insert(c, "flood-herat", "Flood in Herat", "Rivers burst their banks after the election.", "Amina Yusuf", null);
            insert(c, "power", "Power cuts", "The electricity grid failed.", "Bo Lee", null);
            insert(c, "old-news", "Electoral roll", "Trashed before the upgrade.", "Bo Lee", "2026-01-02T00:00:00.000000000Z");
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE search_doc SET extra = 'Photo: Zephyrine Okafor' WHERE story_id = "
                        + "(SELECT id FROM story WHERE slug = 'power')");
            }
        }
        try (Library lib = Library.open(dir)) {
            assertTrue(lib.search().store().indexAgreesWithStories());
            assertEquals(Set.of("Flood in Herat"), found(lib, "rivers"));
            assertEquals(Set.of("Flood in Herat", "Power cuts"), found(lib, "elect*"), "long prefix, trash excluded");
            assertEquals(Set.of("Flood in Herat", "Power cuts"), found(lib, "ele*"), "short prefix from the prefix index");
            assertEquals(Set.of("Power cuts"), found(lib, "zephyr*"), "extra text (captions) is still indexed");
            assertEquals(Set.of("Power cuts"), filtered(lib, LibraryScope.ACTIVE, "bo"));
            assertEquals(Set.of("Electoral roll"), filtered(lib, LibraryScope.TRASH, "bo le"));
            assertEquals(Set.of("Flood in Herat"), filtered(lib, LibraryScope.ACTIVE, "flood-h"));

            StorySummary power = lib.stories().store().page(new LibraryQuery(LibraryScope.ACTIVE, null, "power", null, false), 5, 0).get(0);
            Story edited = lib.stories().saveContent(power.id(), lib.stories().get(power.id()).content().withHeadline("Blackout in Kabul"));
            assertEquals(Set.of("Blackout in Kabul"), found(lib, "blackout"));
            assertEquals(Set.of("Blackout in Kabul"), filtered(lib, LibraryScope.ACTIVE, "black"));
            assertEquals(Set.of(), filtered(lib, LibraryScope.ACTIVE, "power cuts"));
            assertEquals(edited.id(), power.id());
            assertTrue(lib.search().store().indexAgreesWithStories());
        }
    }

    private static void insert(Connection c, String slug, String headline, String body, String byline, String trashedAt)
            throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO story (id, slug, headline, body_html, body_text, bylines,"
                + " created_at, updated_at, trashed_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, slug);
            ps.setString(3, headline);
            ps.setString(4, "<p>" + body + "</p>");
            ps.setString(5, body);
            ps.setString(6, byline);
            ps.setString(7, "2026-01-01T00:00:00.000000000Z");
            ps.setString(8, "2026-01-01T00:00:00.000000000Z");
            ps.setString(9, trashedAt);
            ps.executeUpdate();
        }
    }

    private static Set<String> found(Library lib, String query) {
        List<SearchHit> hits = lib.search().search(query, SearchFilter.NONE, SearchSort.RELEVANCE, 50, 0).hits();
        Set<String> out = new TreeSet<>();
        hits.forEach(h -> out.add(h.headline()));
        return out;
    }

    private static Set<String> filtered(Library lib, LibraryScope scope, String text) {
        Set<String> out = new TreeSet<>();
        lib.stories().store().page(new LibraryQuery(scope, null, text, null, false), 50, 0).forEach(s -> out.add(s.headline()));
        return out;
    }
}
