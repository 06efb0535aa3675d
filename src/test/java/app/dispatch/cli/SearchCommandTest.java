package app.dispatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return DispatchCommand.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all);
    }

    @Test
    void generatedLibraryIsSearchableAsJson() throws Exception {
        assertEquals(0, run("generate", "--stories", "300", "--seed", "5"));
        assertEquals(0, run("search", "minister", "--json", "--limit", "3"));
        JsonNode root = LibraryCommand.JSON.readTree(out.toString());
        assertTrue(root.get("total").asInt() > 0);
        JsonNode first = root.get("results").get(0);
        for (String field : new String[] {"id", "slug", "headline", "status", "updatedAt", "rank", "snippet", "highlights"}) {
            assertTrue(first.has(field), field);
        }
        assertEquals(3, root.get("results").size());
        JsonNode span = first.get("highlights").get(0);
        String snippet = first.get("snippet").asText();
        int start = snippet.offsetByCodePoints(0, span.get("start").asInt());
        int end = snippet.offsetByCodePoints(0, span.get("end").asInt());
        assertEquals("minister", snippet.substring(start, end).toLowerCase());
        assertEquals(0, run("search", "minister", "--json", "--status", "approved", "--since", "2016-01-01"));
        for (JsonNode hit : LibraryCommand.JSON.readTree(out.toString()).get("results")) {
            assertEquals("approved", hit.get("status").asText());
        }
    }

    @Test
    void hostileQueryPrintsNothingFoundAndBadOptionsAreUsageErrors() {
        assertEquals(0, run("search", "NEAR(", "\"", "'; DROP TABLE story; --"));
        assertTrue(out.toString().contains("nothing found"), out.toString());
        assertEquals(2, run("search", "x", "--status", "bogus"));
        assertEquals(2, run("search", "x", "--since", "yesterday"));
        assertEquals(2, run("search", "x", "--limit", "0"));
        assertEquals(0, run("generate", "--stories", "5", "--seed", "9"));
        assertEquals(1, run("generate", "--stories", "5", "--seed", "9"));
        assertTrue(err.toString().contains("already in this library"), err.toString());
    }
}
