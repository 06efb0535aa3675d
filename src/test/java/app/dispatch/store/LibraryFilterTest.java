package app.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Dateline;
import app.dispatch.domain.LibraryQuery;
import app.dispatch.domain.LibraryScope;
import app.dispatch.domain.Status;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.domain.StorySummary;
import app.dispatch.service.Library;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library table's typed filter (LibraryQuery.text), answered from library_fts (V9). */
class LibraryFilterTest {
    @TempDir
    Path dir;

    private Library lib;
    private final Instant t0 = Instant.parse("2026-03-01T08:00:00Z");
    private int made;

    @BeforeEach
    void open() {
        lib = Library.open(dir);
    }

    @AfterEach
    void close() {
        lib.close();
    }

    private Story add(String slug, String headline, String byline) {
        Instant t = t0.plusSeconds(60L * made++);
        StoryContent c = new StoryContent(slug, headline, "", byline.isEmpty() ? List.of() : List.of(byline), Dateline.EMPTY,
                "<p>The body mentions drought and Kabul.</p>", List.of(), "", "en", 5, null, "");
        Story s = new Story(UUID.randomUUID(), c, Status.DRAFT, t, t, null, false, null);
        lib.stories().store().insertAll(List.of(s));
        return s;
    }

    private Set<String> headlines(String text) {
        return headlines(new LibraryQuery(LibraryScope.ACTIVE, null, text, LibraryQuery.Sort.UPDATED, false));
    }

    private Set<String> headlines(LibraryQuery q) {
        StoryStore store = lib.stories().store();
        List<StorySummary> page = store.page(q, 500, 0);
        assertEquals(page.size(), store.count(q), "count and page agree for '" + q.text() + "'");
        Set<String> out = new TreeSet<>();
        page.forEach(s -> out.add(s.headline()));
        return out;
    }

    private void sample() {
        add("flood-herat", "Flood in Herat", "Amina Yusuf");
        add("untitled-2026-03-01", "Prices rise again", "José Álvarez");
        add("bridge", "Bridge reopens", "Bo Lee");
        add("houses", "50 houses lost", "Bo Lee");
        add("flood-50", "Flood_50% of the valley", "Ana Ruiz");
        add("electric", "Electricity cut in the north", "Ana Ruiz");
    }

    @Test
    void everyWordMustBeginAWordOfTheHeadlineSlugOrByline() {
        sample();
        assertEquals(Set.of("Flood in Herat", "Flood_50% of the valley"), headlines("flo"));
        assertEquals(Set.of("Flood in Herat", "Flood_50% of the valley"), headlines("FLOOD"));
        assertEquals(Set.of("Flood in Herat"), headlines("flood amina"), "words may be in different fields");
        assertEquals(Set.of("Flood in Herat"), headlines("herat flood"), "in any order");
        assertEquals(Set.of("Bridge reopens", "50 houses lost"), headlines("bo lee"));
        assertEquals(Set.of("Bridge reopens", "50 houses lost"), headlines("bo l"), "the last word half typed");
        assertEquals(Set.of(), headlines("lood"), "the middle of a word is not matched");
        assertEquals(Set.of(), headlines("flood kabul"), "the body is not part of the filter");
    }

    @Test
    void accentsAndCaseAreIgnoredBothWays() {
        sample();
        assertEquals(Set.of("Prices rise again"), headlines("jose alvarez"));
        assertEquals(Set.of("Prices rise again"), headlines("JOSÉ Álv"));
        add("cafe", "Le café de la gare", "");
        assertEquals(Set.of("Le café de la gare"), headlines("cafe"));
        assertEquals(Set.of("Le café de la gare"), headlines("CAFÉ"));
    }

    @Test
    void slugPartsAndDigitsAreWordsToo() {
        sample();
        assertEquals(Set.of("Prices rise again"), headlines("2026-03"));
        assertEquals(Set.of("Prices rise again"), headlines("untitled-2026"));
        assertEquals(Set.of("Flood in Herat"), headlines("flood-h"));
        assertEquals(Set.of("50 houses lost", "Flood_50% of the valley"), headlines("50"));
    }

    @Test
    void punctuationInsideAWordMustBeThereAsTyped() {
        sample();
        assertEquals(Set.of("Flood_50% of the valley"), headlines("50%"), "% is a literal, not a wildcard");
        assertEquals(Set.of("Flood_50% of the valley"), headlines("%"), "punctuation alone matches anywhere");
        assertEquals(Set.of("Flood_50% of the valley"), headlines("flood_5"));
        assertEquals(Set.of(), headlines("flood_herat"));
    }

    @Test
    void quotesBracketsAndStarsAroundAWordAreIgnored() {
        sample();
        add("near", "Near the border", "");
        assertEquals(Set.of("Bridge reopens", "50 houses lost"), headlines("\"bo lee\""));
        assertEquals(Set.of("Flood in Herat", "Flood_50% of the valley"), headlines("flo*"));
        assertEquals(Set.of("Near the border"), headlines("NEAR("));
        assertEquals(Set.of("Near the border"), headlines("(near border)"));
        assertEquals(headlines(""), headlines("*"), "a lone * filters nothing");
    }

    @Test
    void hostileInputNeverFailsAndNeverLeaksSyntax() {
        sample();
        add("odd", "Quotes \"and\" parentheses (like these) and stars * appear", "");
        List<String> hostile = List.of("\"", "\"\"", "\"flood", "flood\"", "NEAR(", "NEAR(flood", "NEAR(a b", "NEAR(\"a\" \"b\", 2)",
                "*", "**", "*flood", "flood*\"", "(", ")", ")(", "((flood", "flood))", "(((", ")))", "AND", "OR", "NOT",
                "flood AND", "OR flood", "NOT flood", "flood NOT herat", "-", "--", "-flood", "^flood", "+flood",
                "headline:", "headline:flood", "{headline}: flood", "{headline bylines}:flood", "col:flood", ":", "'",
                "'; DROP TABLE story; --", "%", "_", "\\", "\\%", "flood%", "\u0000flood", "\ud800flood", "😀", "٪",
                "x".repeat(4_000), "(".repeat(4_000), "\"".repeat(4_001), "flo ".repeat(300), "a b c d e f g h i j k l m n o p");
        for (String text : hostile) {
            for (LibraryScope scope : LibraryScope.values()) {
                for (LibraryQuery.Sort sort : LibraryQuery.Sort.values()) {
                    LibraryQuery q = new LibraryQuery(scope, null, text, sort, sort.ordinal() % 2 == 0);
                    assertDoesNotThrow(() -> headlines(q), text);
                }
            }
        }
        assertEquals(Set.of(), headlines("'; DROP TABLE story; --"));
        assertEquals(Set.of("Quotes \"and\" parentheses (like these) and stars * appear"), headlines("\"and\""));
        assertEquals(Set.of("Quotes \"and\" parentheses (like these) and stars * appear"), headlines("(like these)"));
        assertEquals(Set.of("Quotes \"and\" parentheses (like these) and stars * appear"), headlines("AND"),
                "AND is a word to match, like any other");
        assertEquals(Set.of("Electricity cut in the north"), headlines("NOR"));
        assertEquals(Set.of(), headlines("NOT flood"));
        assertEquals(7, lib.stories().store().count(LibraryQuery.NEWEST), "nothing was dropped");
        assertTrue(lib.search().store().indexAgreesWithStories());
    }

    @Test
    void filterFollowsEditsTrashStatusAndDeletes() {
        sample();
        Story s = add("budget-vote", "Budget vote", "Tom Baker");
        assertEquals(Set.of("Budget vote"), headlines("budg"));
        lib.stories().saveContent(s.id(), lib.stories().get(s.id()).content().withHeadline("Council spending vote").withSlug("council"));
        assertEquals(Set.of(), headlines("budg"));
        assertEquals(Set.of("Council spending vote"), headlines("spend"));
        assertEquals(Set.of("Council spending vote"), headlines("council"));
        lib.stories().saveContent(s.id(), lib.stories().get(s.id()).content().withBylines(List.of("Priya Nair")));
        assertEquals(Set.of(), headlines("baker"));
        assertEquals(Set.of("Council spending vote"), headlines("priya"));
        lib.stories().saveContent(s.id(), lib.stories().get(s.id()).content().withBodyHtml("<p>Only the body changed.</p>"));
        assertEquals(Set.of("Council spending vote"), headlines("spend"));

        lib.stories().setStatus(s.id(), Status.SUBMITTED, "");
        assertEquals(Set.of("Council spending vote"),
                headlines(new LibraryQuery(LibraryScope.ACTIVE, Status.SUBMITTED, "vote", LibraryQuery.Sort.HEADLINE, true)));
        assertEquals(Set.of(),
                headlines(new LibraryQuery(LibraryScope.ACTIVE, Status.DRAFT, "vote", LibraryQuery.Sort.HEADLINE, true)));

        lib.stories().trash(s.id());
        assertEquals(Set.of(), headlines("spend"), "trashed stories leave the library view");
        assertEquals(Set.of("Council spending vote"),
                headlines(new LibraryQuery(LibraryScope.TRASH, null, "spend", LibraryQuery.Sort.UPDATED, false)));
        assertEquals(Set.of("Council spending vote"),
                headlines(new LibraryQuery(LibraryScope.ALL, null, "spend", LibraryQuery.Sort.UPDATED, false)));
        lib.stories().emptyTrash();
        assertEquals(Set.of(), headlines(new LibraryQuery(LibraryScope.ALL, null, "spend", LibraryQuery.Sort.UPDATED, false)));
        assertTrue(lib.search().store().indexAgreesWithStories());
    }

    @Test
    void pagesAreTheSameWhetherTheMatchesAreLookedUpOrTheListIsWalked() {
        List<Story> batch = new ArrayList<>();
        String[] words = {"flood", "election", "market", "bridge"};
        for (int i = 0; i < 900; i++) {
            Instant t = t0.plusSeconds(i % 300 * 60L); // equal times, so the id breaks ties
            StoryContent c = new StoryContent("s-" + i, words[i % 4] + " report " + i, "", List.of(i % 3 == 0 ? "Ana Ruiz" : "Bo Lee"),
                    Dateline.EMPTY, "<p>text</p>", List.of(), "", "en", 5, null, "");
            batch.add(new Story(UUID.randomUUID(), c, i % 5 == 0 ? Status.APPROVED : Status.DRAFT, t, t, null, false, null));
        }
        lib.stories().store().insertAll(batch);
        for (int i = 0; i < 900; i += 7) {
            lib.stories().trash(batch.get(i).id());
        }
        StoryStore lookUp = new StoryStore(lib.database(), Integer.MAX_VALUE);
        StoryStore walk = new StoryStore(lib.database(), 0);
        for (String text : List.of("flood", "r", "report 1", "bo", "ana fl", "s-1", "%", "50%", "nothing")) {
            for (LibraryScope scope : LibraryScope.values()) {
                for (Status status : new Status[] {null, Status.APPROVED}) {
                    for (boolean asc : new boolean[] {false, true}) {
                        LibraryQuery q = new LibraryQuery(scope, status, text, LibraryQuery.Sort.UPDATED, asc);
                        for (int offset : new int[] {0, 150}) {
                            assertEquals(ids(lookUp.page(q, 100, offset)), ids(walk.page(q, 100, offset)), q + " @" + offset);
                        }
                        assertEquals(lookUp.count(q), walk.count(q), q.toString());
                    }
                }
            }
        }
        LibraryQuery active = new LibraryQuery(LibraryScope.ACTIVE, null, "r", LibraryQuery.Sort.UPDATED, false);
        assertEquals(900 - 129, walk.count(active));
        assertEquals(100, walk.page(active, 100, 0).size());
    }

    private static List<UUID> ids(List<StorySummary> page) {
        return page.stream().map(StorySummary::id).toList();
    }
}
