package app.dispatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Highlights;
import app.dispatch.domain.SearchFilter;
import app.dispatch.domain.SearchHit;
import app.dispatch.domain.SearchPage;
import app.dispatch.domain.SearchSort;
import app.dispatch.domain.Status;
import app.dispatch.domain.StoryContent;
import app.dispatch.store.SearchStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prefix search (V9): 2- and 3-letter prefixes come from the prefix index, longer ones are spelled out
 * by the store as the indexed words they stand for. Either way a prefix finds exactly the stories
 * with a word starting with it, and marks those words.
 */
class SearchPrefixTest {
    @TempDir
    Path dir;

    private Library lib;
    private final List<String> bodies = new ArrayList<>();
    private final List<String> headlines = new ArrayList<>();

    @BeforeEach
    void open() {
        lib = Library.open(dir);
    }

    @AfterEach
    void close() {
        lib.close();
    }

    private void story(String headline, String body) {
        lib.stories().create(StoryContent.blank("en").withHeadline(headline).withBodyHtml("<p>" + body + "</p>"));
        headlines.add(headline);
        bodies.add(headline + " " + body);
    }

    private Set<String> found(String query, SearchSort sort) {
        SearchPage page = lib.search().search(query, SearchFilter.NONE, sort, 500, 0);
        Set<String> out = new TreeSet<>();
        page.hits().forEach(h -> out.add(h.headline()));
        return out;
    }

    /** The stories with a word starting with {@code prefix}, worked out here from the text. */
    private Set<String> expected(String prefix) {
        Set<String> out = new TreeSet<>();
        Pattern word = Pattern.compile("(?U)[\\p{L}\\p{N}]+");
        for (int i = 0; i < bodies.size(); i++) {
            var m = word.matcher(bodies.get(i));
            while (m.find()) {
                if (m.group().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    out.add(headlines.get(i));
                    break;
                }
            }
        }
        return out;
    }

    private void library() {
        story("Election day", "Polls open at dawn.");
        story("Power cuts", "The electricity grid failed again.");
        story("Mayor elected", "The electoral board confirmed it.");
        story("Elect the council", "Voters elect twelve members.");
        story("Harvest", "A good year for wheat and barley.");
        story("Elephants at the river", "Herds seen near the village.");
        story("Eleven dead", "An earthquake struck at night.");
        story("Parliament sits", "Members of parliament met.");
        story("Parlour games", "An old tradition returns.");
    }

    @Test
    void everyPrefixLengthFindsExactlyTheStoriesWithSuchAWord() {
        library();
        for (String prefix : List.of("el", "ele", "elec", "elect", "electi", "electo", "electr", "eleph", "parl", "parli", "pa",
                "zzz", "zzzz")) {
            for (SearchSort sort : SearchSort.values()) {
                assertEquals(expected(prefix), found(prefix + "*", sort), prefix + "* by " + sort);
            }
        }
        assertEquals(Set.of("Election day", "Power cuts", "Mayor elected", "Elect the council"), found("elect*", SearchSort.RELEVANCE));
    }

    @Test
    void aLongPrefixIsRunAsTheWordsItStandsFor() {
        library();
        SearchStore store = lib.search().store();
        assertEquals("(\"elect\" OR \"elected\" OR \"election\" OR \"electoral\" OR \"electricity\")", store.expanded("\"elect\" *"));
        assertEquals("headline : (\"parliament\" OR \"parlour\") AND \"members\"", store.expanded("headline : \"parl\" * AND \"members\""));
        assertEquals("\"el\" *", store.expanded("\"el\" *"), "short prefixes use the prefix index");
        assertEquals("\"zzzz\" *", store.expanded("\"zzzz\" *"), "a prefix of no word stays as it is");
        assertEquals("\"elect\"", store.expanded("\"elect\""), "a word without * is left alone");
        assertEquals("\"mazar i sh\" *", store.expanded("\"mazar i sh\" *"), "prefixes of several tokens stay prefixes");
    }

    @Test
    void prefixesCombineWithColumnsExclusionsAndFilters() {
        library();
        assertEquals(Set.of("Election day", "Mayor elected", "Elect the council"), found("headline:elect*", SearchSort.RELEVANCE));
        assertEquals(Set.of("Power cuts", "Mayor elected", "Elect the council"), found("elect* -day", SearchSort.RELEVANCE));
        assertEquals(Set.of("Election day", "Power cuts", "Mayor elected"), found("elect* -\"elect the\"", SearchSort.RELEVANCE));
        assertEquals(Set.of("Parliament sits", "Parlour games", "Power cuts"), found("parl* OR electri*", SearchSort.RELEVANCE));
        assertEquals(Set.of(), found("elect* harvest", SearchSort.RELEVANCE));
        app.dispatch.domain.Story approved = lib.stories().create(StoryContent.blank("en").withHeadline("Electors approve"));
        lib.stories().setStatus(approved.id(), Status.APPROVED, "");
        assertEquals(Set.of("Electors approve"), found("elect* status:approved", SearchSort.RELEVANCE));
        assertEquals(Set.of("Electors approve"), found("electo*", SearchSort.NEWEST).stream().filter(h -> h.startsWith("Electors"))
                .collect(java.util.stream.Collectors.toSet()));
        lib.stories().trash(approved.id());
        assertEquals(Set.of(), found("electors*", SearchSort.RELEVANCE), "trashed stories are never found");
    }

    @Test
    void theWordsAPrefixStandsForAreMarked() {
        story("Power cuts", "Engineers said the electricity grid failed after the storm.");
        SearchHit hit = lib.search().search("electr*", SearchFilter.NONE, SearchSort.RELEVANCE, 5, 0).hits().get(0);
        assertTrue(hit.snippetMarked().contains(Highlights.START + "electricity" + Highlights.END), hit.snippetMarked());
        story("Electoral reform", "A bill.");
        SearchHit headline = lib.search().search("electo*", SearchFilter.NONE, SearchSort.RELEVANCE, 5, 0).hits().get(0);
        assertEquals(Highlights.START + "Electoral" + Highlights.END + " reform", headline.headlineMarked());
    }

    @Test
    void aPrefixOfMoreWordsThanAreSpelledOutStillFindsThemAll() {
        for (int i = 0; i < 40; i++) {
            String w = "zorb" + (char) ('a' + i / 26) + (char) ('a' + i % 26);
            story("Story " + w, "About " + w + ".");
        }
        story("Other", "zor is a word of its own.");
        assertEquals("\"zorb\" *", lib.search().store().expanded("\"zorb\" *"), "40 words: left to FTS5");
        assertEquals(40, found("zorb*", SearchSort.RELEVANCE).size());
        assertEquals(41, found("zor*", SearchSort.NEWEST).size());
    }

    @Test
    void accentedAndOtherScriptPrefixes() {
        story("Élection présidentielle", "Le vote a eu lieu.");
        story("Electoral roll", "Names.");
        lib.stories().create(StoryContent.blank("fa").withHeadline("انتخابات مجلس").withBodyHtml("<p>رأی‌گیری امروز.</p>"));
        lib.stories().create(StoryContent.blank("fa").withHeadline("انتقال آب").withBodyHtml("<p>گزارش.</p>"));
        assertEquals(Set.of("Élection présidentielle", "Electoral roll"), found("élec*", SearchSort.RELEVANCE));
        assertEquals(Set.of("Élection présidentielle", "Electoral roll"), found("ELEC*", SearchSort.RELEVANCE));
        assertEquals(Set.of("Élection présidentielle"), found("electi*", SearchSort.RELEVANCE));
        assertEquals(Set.of("Élection présidentielle"), found("électi*", SearchSort.RELEVANCE));
        assertEquals(Set.of("انتخابات مجلس"), found("انتخ*", SearchSort.RELEVANCE));
        assertEquals(Set.of("انتخابات مجلس", "انتقال آب"), found("انت*", SearchSort.RELEVANCE));
        assertEquals("(\"انتخابات\")", lib.search().store().expanded("\"انتخ\" *"));
    }
}
