package app.dispatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.LibraryQuery;
import app.dispatch.domain.LibraryScope;
import app.dispatch.domain.SearchFilter;
import app.dispatch.domain.SearchHit;
import app.dispatch.domain.SearchSort;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.domain.StorySummary;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCrashTest {
    @TempDir
    Path dir;

    /** Also checks the typed filter's index (V9): indexAgreesWithStories covers both. */
    @Test
    void searchAgreesWithTheRowsAfterAKillMidSave() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SearchCrashChild.class.getName(), dir.toString()).redirectErrorStream(true).start();
        int lastSaved = -1;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("saved ")) {
                    lastSaved = Integer.parseInt(line.substring(6).strip());
                    if (lastSaved >= 40) {
                        break;
                    }
                }
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(lastSaved >= 40, "child saved " + lastSaved);

        try (Library lib = Library.open(dir)) {
            assertTrue(lib.search().store().indexAgreesWithStories());
            Map<Integer, UUID> roundsInRows = new HashMap<>();
            Pattern marker = Pattern.compile("marker w(\\d+)");
            for (StorySummary s : lib.stories().list(LibraryScope.ALL, null)) {
                Story story = lib.stories().get(s.id());
                Matcher m = marker.matcher(story.content().bodyHtml());
                if (m.find()) {
                    roundsInRows.put(Integer.parseInt(m.group(1)), s.id());
                }
            }
            assertFalse(roundsInRows.isEmpty());
            for (int round = 0; round <= lastSaved + 50; round++) {
                List<UUID> found = lib.search().search("w" + round, SearchFilter.NONE, SearchSort.RELEVANCE, 10, 0)
                        .hits().stream().map(SearchHit::id).toList();
                UUID expected = roundsInRows.get(round);
                assertEquals(expected == null ? List.of() : List.of(expected), found, "round " + round);
            }
            assertEquals(10, lib.search().search("floods elections", SearchFilter.NONE, SearchSort.RELEVANCE, 50, 0).total());

            // the library's typed filter has its own index (V9), written by the same triggers: it too
            // has every committed headline and none of the lost ones. Its words are prefixes of any word
            // of the headline, slug or byline ("round 4": a word starting "round" and one starting "4").
            Map<UUID, List<String>> wordsInRow = new HashMap<>();
            for (StorySummary s : lib.stories().list(LibraryScope.ALL, null)) {
                List<String> words = new ArrayList<>();
                Matcher w = Pattern.compile("[\\p{L}\\p{N}]+").matcher((s.headline() + " " + s.slug() + " " + String.join(" ", s.bylines()))
                        .toLowerCase(Locale.ROOT));
                while (w.find()) {
                    words.add(w.group());
                }
                wordsInRow.put(s.id(), words);
            }
            for (int round = 0; round <= lastSaved + 50; round++) {
                String prefix = String.valueOf(round);
                Set<UUID> expected = new HashSet<>();
                wordsInRow.forEach((id, words) -> {
                    if (words.stream().anyMatch(x -> x.startsWith("round")) && words.stream().anyMatch(x -> x.startsWith(prefix))) {
                        expected.add(id);
                    }
                });
                LibraryQuery q = new LibraryQuery(LibraryScope.ALL, null, "round " + prefix, LibraryQuery.Sort.UPDATED, false);
                Set<UUID> found = new HashSet<>();
                lib.stories().store().page(q, 50, 0).forEach(s -> found.add(s.id()));
                assertEquals(expected, found, "typed filter, round " + round);
                assertEquals(expected.size(), lib.stories().store().count(q), "typed filter count, round " + round);
            }
        }
    }

    @Test
    void integrityCheckNoticesAnIndexThatMissedAWrite() throws Exception {
        try (Library lib = Library.open(dir)) {
            lib.stories().create(StoryContent.blank("en").withHeadline("Budget").withBodyHtml("<p>approved</p>"));
            assertTrue(lib.search().store().indexAgreesWithStories());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("dispatch.db"));
             Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER story_search_au");
            s.execute("UPDATE story SET body_text = 'rejected'");
        }
        try (Library lib = Library.open(dir)) {
            assertFalse(lib.search().store().indexAgreesWithStories());
        }
    }
}
