package app.dispatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Status;
import org.junit.jupiter.api.Test;

class SearchQueryTest {
    @Test
    void wordsAreQuotedAndJoinedWithAnd() {
        assertEquals("\"flood\" AND \"herat\"", SearchQuery.parse("flood herat").fts());
    }

    @Test
    void prefixPhraseExclusionAndOr() {
        assertEquals("\"elect\" *", SearchQuery.parse("elect*").fts());
        assertEquals("\"prime minister\"", SearchQuery.parse("\"prime minister\"").fts());
        assertEquals("(\"flood\") NOT (\"kabul\" OR \"herat\")", SearchQuery.parse("flood -kabul -herat").fts());
        assertEquals("(\"flood\" OR \"drought\") AND \"kabul\"", SearchQuery.parse("flood OR drought kabul").fts());
    }

    @Test
    void fieldFiltersBecomeColumnFiltersOrFilters() {
        assertEquals("headline : \"water\" AND tags : \"climate\" AND bylines : \"álvarez\"",
                SearchQuery.parse("headline:water tag:climate by:álvarez").fts());
        SearchQuery q = SearchQuery.parse("flood section:World status:approved");
        assertEquals("\"flood\"", q.fts());
        assertEquals("World", q.section());
        assertEquals(Status.APPROVED, q.status());
        assertEquals("\"foo:bar\"", SearchQuery.parse("foo:bar").fts());
    }

    @Test
    void ftsSyntaxTypedByTheUserIsOnlyText() {
        assertEquals("\"NEAR(\"", SearchQuery.parse("NEAR(").fts());
        assertEquals("\"DROP\" AND \"TABLE\"", SearchQuery.parse("'; DROP TABLE").fts());
        assertEquals("\"a\"\"b\"", SearchQuery.parse("a\"b").fts());
        assertEquals("\"AND\"", SearchQuery.parse("AND").fts());
        assertFalse(SearchQuery.parse("*").hasText());
        assertFalse(SearchQuery.parse("\" ( ) * -").hasText());
        assertEquals("\"e\"", SearchQuery.parse("e*").fts());
    }

    @Test
    void longPastesAreCappedInClauses() {
        String fts = SearchQuery.parse("word ".repeat(2_000)).fts();
        assertEquals(SearchQuery.MAX_CLAUSES, fts.split(" AND ").length);
        assertTrue(SearchQuery.parse("-kabul").onlyExclusions());
    }
}
