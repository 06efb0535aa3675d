package app.dispatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Highlights;
import app.dispatch.domain.SearchFilter;
import app.dispatch.domain.SearchHit;
import app.dispatch.domain.SearchPage;
import app.dispatch.domain.SearchSort;
import app.dispatch.domain.Status;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.store.SearchStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchServiceTest {
    @TempDir
    Path dir;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T09:00:00Z"));
    private Library lib;
    private SearchService search;

    @BeforeEach
    void open() {
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        lib = Library.open(dir, clock);
        search = lib.search();
    }

    @AfterEach
    void close() {
        lib.close();
    }

    private Story story(String headline, String body) {
        return lib.stories().create(StoryContent.blank("en").withHeadline(headline).withBodyHtml("<p>" + body + "</p>"));
    }

    private List<String> headlines(String query) {
        return headlines(search.search(query, SearchFilter.NONE, SearchSort.RELEVANCE, 50, 0));
    }

    private static List<String> headlines(SearchPage page) {
        return page.hits().stream().map(SearchHit::headline).toList();
    }

    @Test
    void headlineHitRanksAboveBodyHit() {
        story("Council meets on budget", "The river flood was mentioned once by the mayor in passing.");
        story("Flood waters rise in Herat", "Residents moved to higher ground overnight as rain continued.");
        assertEquals(List.of("Flood waters rise in Herat", "Council meets on budget"), headlines("flood"));
    }

    @Test
    void snippetHighlightsTheMatchedWords() {
        story("Morning report", "Farmers said the river burst its banks after three days of rain near the old bridge.");
        SearchHit hit = search.search("river", SearchFilter.NONE, SearchSort.RELEVANCE, 10, 0).hits().get(0);
        assertTrue(hit.snippetMarked().contains(Highlights.START + "river" + Highlights.END), hit.snippetMarked());
        List<Highlights.Run> marked = Highlights.runs(hit.snippetMarked()).stream().filter(Highlights.Run::highlighted).toList();
        assertEquals(List.of("river"), marked.stream().map(Highlights.Run::text).toList());
    }

    @Test
    void whenTheBodyDoesNotMatchTheSnippetComesFromTheFieldThatDid() {
        Story caption = story("Market day", "Stalls opened early.");
        search.store().setExtra(caption.id(), "Photo: vendors at dawn. Credit: Lena Kowalska");
        lib.stories().create(StoryContent.blank("en").withHeadline("Budget talks").withBodyHtml("<p>Nothing here.</p>")
                .withTags(List.of("kowalska archive")));
        story("Kowalska wins", "The race ended in the rain.");
        story("Interview", "Lena Kowalska spoke to us about the harvest.");
        java.util.Map<String, SearchHit> hits = new java.util.HashMap<>();
        search.search("kowalska", SearchFilter.NONE, SearchSort.RELEVANCE, 10, 0).hits().forEach(h -> hits.put(h.headline(), h));
        assertEquals(Set.of("Market day", "Budget talks", "Kowalska wins", "Interview"), hits.keySet());
        String mark = Highlights.START + "Kowalska" + Highlights.END;
        assertTrue(hits.get("Interview").snippetMarked().contains(mark), "from the body");
        assertTrue(hits.get("Market day").snippetMarked().contains(mark), "from the caption: " + hits.get("Market day").snippetMarked());
        assertTrue(hits.get("Budget talks").snippetMarked().contains(Highlights.START + "kowalska" + Highlights.END), "from the tags");
        assertFalse(hits.get("Kowalska wins").snippetMarked().contains(mark), "not the headline a second time");
        assertEquals(mark + " wins", hits.get("Kowalska wins").headlineMarked());
    }

    @Test
    void headlineMatchesAreMarkedToo() {
        story("Election results delayed", "Counting continues.");
        SearchHit hit = search.search("election", SearchFilter.NONE, SearchSort.RELEVANCE, 10, 0).hits().get(0);
        assertEquals(Highlights.START + "Election" + Highlights.END + " results delayed", hit.headlineMarked());
    }

    @Test
    void prefixFindsLongerWords() {
        story("Election day", "Polls open.");
        story("Power cuts", "The electricity grid failed.");
        story("Harvest", "A good year for wheat.");
        assertEquals(Set.of("Election day", "Power cuts"), Set.copyOf(headlines("elect*")));
    }

    @Test
    void phraseNeedsTheWordsTogether() {
        story("Talks", "The prime minister arrived.");
        story("Other talks", "The minister said it was a prime example.");
        assertEquals(List.of("Talks"), headlines("\"prime minister\""));
        assertEquals(2, headlines("prime minister").size());
    }

    @Test
    void minusWordLeavesStoriesOut() {
        story("Flood in Herat", "Rain.");
        story("Flood in Kabul", "Rain.");
        assertEquals(List.of("Flood in Herat"), headlines("flood -kabul"));
        SearchPage onlyExcluded = search.search("-kabul", SearchFilter.NONE, SearchSort.RELEVANCE, 10, 0);
        assertTrue(onlyExcluded.hits().isEmpty());
        assertFalse(onlyExcluded.notice().isEmpty());
    }

    @Test
    void orMatchesEitherWord() {
        story("Flood in Herat", "Rain.");
        story("Drought in Kabul", "Dry.");
        story("Budget", "Money.");
        assertEquals(2, headlines("flood OR drought").size());
    }

    @Test
    void fieldFiltersLookOnlyInTheirField() {
        lib.stories().create(StoryContent.blank("en").withHeadline("Water prices").withBodyHtml("<p>Climate talk in the body.</p>")
                .withTags(List.of("economy")).withBylines(List.of("José Álvarez")));
        lib.stories().create(StoryContent.blank("en").withHeadline("Climate summit").withBodyHtml("<p>Water in the body.</p>")
                .withTags(List.of("climate")).withBylines(List.of("Amina Yusuf")).withSection("World"));
        assertEquals(List.of("Water prices"), headlines("headline:water"));
        assertEquals(List.of("Climate summit"), headlines("tag:climate"));
        assertEquals(List.of("Water prices"), headlines("by:alvarez"));
        assertEquals(List.of("Climate summit"), headlines("water section:world"));
        assertEquals(List.of("Climate summit"), headlines("headline:\"climate summit\""));
    }

    @Test
    void statusSectionTagAuthorAndDateFiltersNarrowResults() {
        now.set(Instant.parse("2026-01-10T10:00:00Z"));
        Story old = lib.stories().create(StoryContent.blank("en").withHeadline("Old flood").withTags(List.of("weather"))
                .withSection("Local").withBylines(List.of("Tom Baker")));
        now.set(Instant.parse("2026-02-10T10:00:00Z"));
        Story fresh = lib.stories().create(StoryContent.blank("en").withHeadline("New flood").withTags(List.of("climate change"))
                .withSection("World").withBylines(List.of("Priya Nair")).withEmbargo(Instant.parse("2026-02-11T00:00:00Z")));
        lib.stories().setStatus(fresh.id(), Status.APPROVED, "");
        SearchFilter f = SearchFilter.NONE;
        assertEquals(List.of("New flood"), headlines(search.search("flood", f.withStatuses(Set.of(Status.APPROVED)), SearchSort.RELEVANCE, 10, 0)));
        assertEquals(List.of("Old flood"), headlines(search.search("flood", f.withSection("local"), SearchSort.RELEVANCE, 10, 0)));
        assertEquals(List.of("New flood"), headlines(search.search("flood", f.withTag("climate change"), SearchSort.RELEVANCE, 10, 0)));
        assertEquals(List.of(), headlines(search.search("flood", f.withTag("climate"), SearchSort.RELEVANCE, 10, 0)));
        assertEquals(List.of("Old flood"), headlines(search.search("flood", f.withAuthor("baker"), SearchSort.RELEVANCE, 10, 0)));
        assertEquals(List.of("New flood"), headlines(search.search("flood", f.withSince(Instant.parse("2026-02-01T00:00:00Z")), SearchSort.RELEVANCE, 10, 0)));
        assertEquals(List.of("Old flood"), headlines(search.search("flood", f.withUntil(Instant.parse("2026-02-01T00:00:00Z")), SearchSort.RELEVANCE, 10, 0)));
        assertEquals(List.of("New flood"), headlines(search.search("flood", f.withHasEmbargo(true), SearchSort.RELEVANCE, 10, 0)));
        assertEquals(List.of("Old flood"), headlines(search.search("flood", f.withHasEmbargo(false), SearchSort.RELEVANCE, 10, 0)));
        assertEquals(List.of("New flood"), headlines(search.search("flood status:approved", f, SearchSort.RELEVANCE, 10, 0)));
        assertEquals(List.of("New flood", "Old flood"), headlines(search.search("flood", f, SearchSort.NEWEST, 10, 0)));
        assertTrue(old.id() != null);
    }

    @Test
    void hasMediaIsEmptyUntilTheMediaTableExists() {
        story("Flood", "Rain.");
        assertEquals(List.of(), headlines(search.search("flood", SearchFilter.NONE.withHasMedia(true), SearchSort.RELEVANCE, 10, 0)));
        assertEquals(List.of("Flood"), headlines(search.search("flood", SearchFilter.NONE.withHasMedia(false), SearchSort.RELEVANCE, 10, 0)));
    }

    @Test
    void hostileInputGivesResultsOrNothingNeverAnError() {
        story("Near the border", "Quotes \"and\" parentheses (like these) and stars * appear. DROP TABLE story.");
        String paste = "border ".repeat(300) + "x".repeat(1_000) + " (( \" NEAR( *";
        List<String> hostile = List.of("\"", "\"\"", "\"border", "border\"", "NEAR(", "NEAR(border", "NEAR(a b", "*", "**", "*border",
                "'; DROP TABLE story; --", "((border", "border))", ")(", "AND", "OR", "NOT", "border AND", "OR border",
                "NOT border", "-", "--", "- border", "^border", "headline:", "tag:", "by:\"", "headline:(", "{headline}: border",
                "border:", ":", "+border", "col:border", "\u0000border", "\ud800border", "😀", "border*\"", "NEAR(\"a\" \"b\", 2)",
                paste, "x".repeat(4_000), "(".repeat(4_000), "\"".repeat(4_001));
        for (String q : hostile) {
            SearchPage page = search.search(q, SearchFilter.NONE, SearchSort.RELEVANCE, 20, 0);
            assertTrue(page.hits().size() <= 20, q);
            search.search(q, SearchFilter.NONE, SearchSort.NEWEST, 20, 0);
        }
        assertEquals(List.of("Near the border"), headlines("'; DROP TABLE story; --"));
        assertEquals(List.of("Near the border"), headlines("NEAR("));
        assertEquals(List.of("Near the border"), headlines(paste));
        assertEquals(1, lib.stories().store().count(app.dispatch.domain.LibraryScope.ALL));
        assertTrue(search.store().indexAgreesWithStories());
    }

    @Test
    void persianAndArabicQueriesFindTheirStories() {
        lib.stories().create(StoryContent.blank("fa").withHeadline("سیل در کابل: ۱۲ کشته").withBodyHtml("<p>باران شدید در شهر کابل ادامه دارد.</p>"));
        lib.stories().create(StoryContent.blank("ar").withHeadline("الفيضانات في بغداد").withBodyHtml("<p>قال الوزير إن الأمطار مستمرة.</p>"));
        lib.stories().create(StoryContent.blank("en").withHeadline("Kabul flood toll rises"));
        assertEquals(List.of("سیل در کابل: ۱۲ کشته"), headlines("کابل"));
        assertEquals(List.of("الفيضانات في بغداد"), headlines("بغداد"));
        assertEquals(List.of("الفيضانات في بغداد"), headlines("\"قال الوزير\""));
        assertEquals(List.of("سیل در کابل: ۱۲ کشته"), headlines("باران -بغداد"));
        SearchHit hit = search.search("باران", SearchFilter.NONE, SearchSort.RELEVANCE, 5, 0).hits().get(0);
        assertTrue(hit.snippetMarked().contains(Highlights.START + "باران" + Highlights.END), hit.snippetMarked());
    }

    @Test
    void accentsAreIgnoredBothWays() {
        story("Le café de la gare", "Zoë Müller a parlé.");
        story("Cafe owners protest", "Prices.");
        assertEquals(2, headlines("cafe").size());
        assertEquals(2, headlines("café").size());
        assertEquals(List.of("Le café de la gare"), headlines("muller"));
        assertEquals(List.of("Le café de la gare"), headlines("ZOE"));
    }

    @Test
    void editingAStoryUpdatesTheIndex() {
        Story s = story("Budget vote", "The council approved the budget.");
        lib.stories().saveContent(s.id(), s.content().withHeadline("Budget vote postponed").withBodyHtml("<p>The council delayed the decision.</p>"));
        assertEquals(List.of(), headlines("approved"));
        assertEquals(List.of("Budget vote postponed"), headlines("delayed"));
        lib.stories().trash(s.id());
        assertEquals(List.of(), headlines("delayed"));
        lib.stories().emptyTrash();
        assertEquals(List.of(), headlines("delayed"));
        assertTrue(search.store().indexAgreesWithStories());
    }

    @Test
    void extraTextHookMakesCaptionsSearchable() {
        Story s = story("Market day", "Stalls.");
        search.store().setExtra(s.id(), "Photo: vendors at dawn. Credit: Lena Kowalska");
        assertEquals(List.of("Market day"), headlines("kowalska"));
        search.store().setExtra(s.id(), "");
        assertEquals(List.of(), headlines("kowalska"));
        lib.stories().saveContent(s.id(), s.content().withHeadline("Market day again"));
        assertTrue(search.store().indexAgreesWithStories());
    }

    @Test
    void commonWordsRankOnlyTheNewestCandidatesButStillPageAndFilter() {
        for (int i = 0; i < 30; i++) {
            now.set(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 3600L));
            Story s = story("Story " + i + (i == 3 ? " flood" : ""), "flood water " + i);
            if (i % 2 == 0) {
                lib.stories().setStatus(s.id(), Status.APPROVED, "");
            }
        }
        SearchService small = new SearchService(new SearchStore(lib.database(), 10));
        SearchPage best = small.search("flood", SearchFilter.NONE, SearchSort.RELEVANCE, 5, 0);
        assertEquals(5, best.hits().size());
        assertFalse(best.totalExact());
        SearchPage newest = small.search("flood", SearchFilter.NONE, SearchSort.NEWEST, 5, 5);
        assertEquals(List.of("Story 24", "Story 23", "Story 22", "Story 21", "Story 20"), headlines(newest));
        SearchPage filtered = small.search("flood", SearchFilter.NONE.withStatuses(Set.of(Status.APPROVED)), SearchSort.RELEVANCE, 15, 0);
        assertEquals(15, filtered.hits().size());
        assertTrue(filtered.hits().stream().allMatch(h -> h.status() == Status.APPROVED));
        SearchPage exact = new SearchService(new SearchStore(lib.database(), 100)).search("flood", SearchFilter.NONE, SearchSort.RELEVANCE, 5, 0);
        assertEquals("Story 3 flood", exact.hits().get(0).headline());
        assertEquals(30, exact.total());
    }

    @Test
    void blankQueryListsTheLibraryPagedWithATotal() {
        for (int i = 0; i < 12; i++) {
            now.set(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 60L));
            story("Story " + i, "Body.");
        }
        UUID trashed = lib.stories().list(app.dispatch.domain.LibraryScope.ACTIVE, null).get(0).id();
        lib.stories().trash(trashed);
        SearchPage page = search.list(SearchFilter.NONE, 5, 5);
        assertEquals(11, page.total());
        assertEquals(List.of("Story 5", "Story 4", "Story 3", "Story 2", "Story 1"), headlines(page));
        assertEquals(11, search.search("   ", SearchFilter.NONE, SearchSort.RELEVANCE, 50, 0).hits().size());
    }
}
