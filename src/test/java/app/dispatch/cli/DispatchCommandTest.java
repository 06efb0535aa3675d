package app.dispatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Story;
import app.dispatch.service.Library;
import app.dispatch.store.Database;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as scripts and acceptance tests use it: output, --json shapes, exit codes. */
class DispatchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private Result dispatch(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--data-dir", dir.resolve("lib").toString()));
        all.addAll(List.of(args));
        int code = DispatchCommand.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private String newStory(String... args) {
        List<String> all = new ArrayList<>(List.of("new"));
        all.addAll(List.of(args));
        Result r = dispatch(all.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return r.out().strip();
    }

    @Test
    void newPrintsTheIdOfADraftThatShowFinds() {
        String id = newStory("--headline", "Floods hit the valley");
        assertEquals(id, UUID.fromString(id).toString());
        Result show = dispatch("show", id);
        assertEquals(0, show.code());
        assertTrue(show.out().startsWith("Floods hit the valley\n"), show.out());
        assertTrue(show.out().contains("slug:      floods-hit-the-valley"), show.out());
        assertTrue(show.out().contains("status:    draft"), show.out());
        assertEquals("", show.err());
        assertEquals(0, dispatch("show", "floods-hit-the-valley").code());
        assertEquals(0, dispatch("show", id.substring(0, 8)).code());
    }

    @Test
    void showJsonHasEveryDocumentedField() throws Exception {
        Path body = Files.writeString(dir.resolve("body.md"), "Para with **bold**.\n\n## Sub\n\n- one\n- two\n");
        String id = newStory("--headline", "All fields", "--slug", "all-fields", "--body-file", body.toString(), "--language", "en-GB");
        JsonNode j = dispatch("show", "all-fields", "--json").json();
        assertEquals(new TreeSet<>(Set.of("id", "slug", "headline", "standfirst", "bylines", "dateline", "body", "tags", "section",
                "language", "urgency", "embargo", "editorsNote", "status", "createdAt", "updatedAt", "trashed", "keepLocation",
                "counts", "revisionCount", "headRevisionId")), fieldNames(j));
        assertEquals(Set.of("place", "date"), fieldNames(j.get("dateline")));
        assertEquals(Set.of("words", "characters", "readingMinutes", "headlineCharacters"), fieldNames(j.get("counts")));
        assertEquals(id, j.get("id").asText());
        assertEquals("all-fields", j.get("slug").asText());
        assertEquals("All fields", j.get("headline").asText());
        assertEquals("<p>Para with <strong>bold</strong>.</p><h2>Sub</h2><ul><li>one</li><li>two</li></ul>", j.get("body").asText());
        assertEquals("en-GB", j.get("language").asText());
        assertEquals("draft", j.get("status").asText());
        assertEquals(5, j.get("urgency").asInt());
        assertTrue(j.get("embargo").isNull());
        assertTrue(j.get("dateline").get("date").isNull());
        assertTrue(j.get("bylines").isArray());
        assertFalse(j.get("trashed").asBoolean());
        assertEquals(6, j.get("counts").get("words").asInt());
        assertEquals(1, j.get("counts").get("readingMinutes").asInt());
        assertEquals(10, j.get("counts").get("headlineCharacters").asInt());
        assertEquals(1, j.get("revisionCount").asInt());
        assertEquals(UUID.fromString(j.get("headRevisionId").asText()).toString(), j.get("headRevisionId").asText());
        assertTrue(j.get("createdAt").asText().endsWith("Z"));
    }

    @Test
    void persianStoryComesOutOfJsonByteExact() throws Exception {
        String headline = "باران تند در شیراز؛ خیابان\u200Cها بسته شد";
        Path body = Files.writeString(dir.resolve("fa.txt"), "مردم از صبح در خانه ماندند.\n\nشهرداری هشدار داد.", StandardCharsets.UTF_8);
        String id = newStory("--headline", headline, "--language", "fa", "--body-file", body.toString());
        JsonNode j = dispatch("show", id, "--json").json();
        assertEquals(headline, j.get("headline").asText());
        assertEquals("<p>مردم از صبح در خانه ماندند.</p><p>شهرداری هشدار داد.</p>", j.get("body").asText());
        assertEquals("fa", j.get("language").asText());
        assertEquals("story", j.get("slug").asText());
    }

    @Test
    void listShowsActiveStoriesAndFiltersByStatus() throws Exception {
        newStory("--headline", "One");
        String two = newStory("--headline", "Two");
        try (Library lib = Library.open(dir.resolve("lib"))) {
            lib.stories().setStatus(UUID.fromString(two), app.dispatch.domain.Status.SUBMITTED, "");
        }
        Result text = dispatch("list");
        assertEquals(0, text.code());
        assertEquals(2, text.out().lines().count());
        assertTrue(text.out().contains(two.substring(0, 8)));

        JsonNode all = dispatch("list", "--json").json();
        assertEquals(2, all.size());
        assertEquals(Set.of("id", "slug", "headline", "status", "bylines", "language", "createdAt", "updatedAt", "wordCount", "trashed"),
                fieldNames(all.get(0)));
        JsonNode submitted = dispatch("list", "--json", "--status", "submitted").json();
        assertEquals(1, submitted.size());
        assertEquals(two, submitted.get(0).get("id").asText());
        assertEquals("Two", submitted.get(0).get("headline").asText());
        assertEquals(1, dispatch("list", "--status", "DRAFT", "--json").json().size());
        assertEquals(0, dispatch("list", "--status", "approved", "--json").json().size());
    }

    @Test
    void emptyLibraryListsNothing() throws Exception {
        Result r = dispatch("list");
        assertEquals(0, r.code());
        assertEquals("", r.out());
        assertEquals(0, dispatch("list", "--json").json().size());
    }

    @Test
    void importMakesOneDraftPerFileWithTheFirstLineOrHeadingAsHeadline() throws Exception {
        Path txt = Files.writeString(dir.resolve("note.txt"), "\nCouncil approves budget\nThe council voted 7-2.\n\nDebate lasted hours.\n");
        Path md = Files.writeString(dir.resolve("story.md"), "# Storm *warning* issued\n\nWinds of **120 km/h** expected.\n\n> Stay inside\n\n1. Close windows\n2. Charge phones\n");
        Result r = dispatch("import", txt.toString(), md.toString());
        assertEquals(0, r.code(), r.err());
        List<String> ids = r.out().lines().toList();
        assertEquals(2, ids.size());

        JsonNode a = dispatch("show", ids.get(0), "--json").json();
        assertEquals("Council approves budget", a.get("headline").asText());
        assertEquals("<p>The council voted 7-2.</p><p>Debate lasted hours.</p>", a.get("body").asText());
        JsonNode b = dispatch("show", ids.get(1), "--json").json();
        assertEquals("Storm warning issued", b.get("headline").asText());
        assertEquals("<p>Winds of <strong>120 km/h</strong> expected.</p><blockquote><p>Stay inside</p></blockquote>"
                + "<ol><li>Close windows</li><li>Charge phones</li></ol>", b.get("body").asText());
        JsonNode revs = dispatch("revisions", ids.get(1), "--json").json();
        assertEquals("import", revs.get(0).get("kind").asText());
    }

    @Test
    void importOfBadFilesFailsClearlyAndKeepsTheGoodOnes() throws Exception {
        Path good = Files.writeString(dir.resolve("good.txt"), "Good headline\nbody");
        Path latin1 = Files.write(dir.resolve("latin1.txt"), "Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Path pdf = Files.writeString(dir.resolve("file.pdf"), "%PDF");
        Result r = dispatch("import", latin1.toString(), good.toString(), pdf.toString(), dir.resolve("missing.txt").toString());
        assertEquals(1, r.code());
        assertEquals(1, r.out().lines().count());
        List<String> errors = r.err().lines().toList();
        assertEquals(List.of("dispatch: " + latin1 + " is not valid UTF-8 text; save it as UTF-8 and import again",
                "dispatch: " + pdf + ": not a .zip package, .json ninjs, .txt or .md file",
                "dispatch: no such file: " + dir.resolve("missing.txt")), errors);
        assertEquals(1, dispatch("list", "--json").json().size());
    }

    @Test
    void revisionsAndRestoreMakeANewRevision() throws Exception {
        String id = newStory("--headline", "First version");
        try (Library lib = Library.open(dir.resolve("lib"))) {
            Story s = lib.stories().get(UUID.fromString(id));
            lib.stories().saveContent(s.id(), s.content().withHeadline("Second version"));
            lib.stories().snapshot(s.id(), app.dispatch.domain.RevisionKind.SNAPSHOT, "after edit");
        }
        Result text = dispatch("revisions", id);
        assertEquals(0, text.code());
        assertEquals(2, text.out().lines().count());
        assertTrue(text.out().contains("\"after edit\""), text.out());

        JsonNode revs = dispatch("revisions", id, "--json").json();
        // "captions" was added by decision 0812; every earlier field keeps its name
        assertEquals(Set.of("id", "storyId", "parentId", "createdAt", "author", "kind", "label", "status", "headline", "wordCount",
                "captions"), fieldNames(revs.get(0)));
        String firstRev = revs.get(0).get("id").asText();
        assertEquals("First version", revs.get(0).get("headline").asText());
        assertEquals(firstRev, revs.get(1).get("parentId").asText());

        Result restore = dispatch("restore", id, firstRev.substring(0, 8));
        assertEquals(0, restore.code(), restore.err());
        String newHead = restore.out().strip();
        JsonNode after = dispatch("show", id, "--json").json();
        assertEquals("First version", after.get("headline").asText());
        assertEquals(3, after.get("revisionCount").asInt());
        assertEquals(newHead, after.get("headRevisionId").asText());
        JsonNode revs3 = dispatch("revisions", id, "--json").json();
        assertEquals("restore", revs3.get(2).get("kind").asText());
        assertEquals(revs.get(1).get("id").asText(), revs3.get(2).get("parentId").asText());

        Result badRev = dispatch("restore", id, "ffffffff");
        assertEquals(1, badRev.code());
        assertEquals("dispatch: no revision ffffffff in this story\n", badRev.err());
    }

    @Test
    void trashRestoreAndEmpty() throws Exception {
        String keep = newStory("--headline", "Keep");
        String drop = newStory("--headline", "Drop");
        assertEquals(0, dispatch("trash", "drop").code());
        assertEquals(1, dispatch("list", "--json").json().size());
        JsonNode trash = dispatch("list", "--trash", "--json").json();
        assertEquals(drop, trash.get(0).get("id").asText());
        assertTrue(trash.get(0).get("trashed").asBoolean());
        assertTrue(dispatch("show", drop, "--json").json().get("trashed").asBoolean());

        assertEquals(0, dispatch("trash", "--restore", drop).code());
        assertEquals(2, dispatch("list", "--json").json().size());

        dispatch("trash", keep);
        Result empty = dispatch("trash", "--empty");
        assertEquals(0, empty.code());
        assertEquals("1 stories deleted\n0 pictures deleted\n", empty.out());
        assertEquals(1, dispatch("show", keep).code());
        assertEquals(0, dispatch("show", drop).code());
        assertEquals(2, dispatch("trash").code(), "naming no story is bad usage");
    }

    @Test
    void unknownStoryIsAFailureWithOneClearLine() {
        for (String[] args : List.of(new String[] {"show", "no-such-story"}, new String[] {"revisions", "no-such-story"},
                new String[] {"restore", "no-such-story", "abc"}, new String[] {"trash", "no-such-story"})) {
            Result r = dispatch(args);
            assertEquals(1, r.code(), String.join(" ", args));
            assertEquals("dispatch: no story with id or slug no-such-story\n", r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void badUsageExitsWithTwo() {
        assertEquals(2, dispatch().code(), "no command");
        assertEquals(2, dispatch("frobnicate").code());
        assertEquals(2, dispatch("new").code(), "--headline is required");
        assertEquals(2, dispatch("list", "--status", "bogus").code());
        assertEquals(2, dispatch("new", "--headline", "x", "--language", "not a tag").code());
        assertEquals(2, dispatch("new", "--headline", "x", "--slug", "Bad Slug!").code());
        assertEquals(2, dispatch("show").code());
        assertEquals(2, dispatch("import").code(), "no files");
        assertEquals(2, dispatch("import", "--language", "not a tag", "x.txt").code());
        Result r = dispatch("list", "--nope");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("dispatch: Unknown option: '--nope'"), r.err());
        assertTrue(r.err().contains("Try 'dispatch list --help'"), r.err());
    }

    @Test
    void takenSlugIsRefused() {
        newStory("--headline", "First", "--slug", "mine");
        Result r = dispatch("new", "--headline", "Second", "--slug", "mine");
        assertEquals(2, r.code());
        assertEquals("dispatch: slug mine is already used by another story", r.err().lines().findFirst().orElseThrow());
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : List.of("list", "new", "show", "import", "revisions", "restore", "trash", "bench")) {
            Result r = dispatch(cmd, "--help");
            assertEquals(0, r.code(), cmd);
            assertTrue(r.out().contains("Usage: dispatch " + cmd), r.out());
        }
        Result root = dispatch("--help");
        assertEquals(0, root.code());
        assertTrue(root.out().contains("--data-dir"));
    }

    @Test
    void dataDirWorksAfterTheCommandToo() throws Exception {
        Path other = dir.resolve("other");
        StringWriter out = new StringWriter();
        int code = DispatchCommand.create(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
                .execute("new", "--headline", "Elsewhere", "--data-dir", other.toString());
        assertEquals(0, code);
        assertTrue(Files.exists(other.resolve(Database.FILE_NAME)));
        assertFalse(Files.exists(dir.resolve("lib").resolve(Database.FILE_NAME)));
    }

    @Test
    void unusableLibrariesFailWithOneClearLine() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        StringWriter err = new StringWriter();
        int code = DispatchCommand.create(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("--data-dir", file.resolve("lib").toString(), "list");
        assertEquals(1, code);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("dispatch: cannot create the library folder"), err.toString());

        Files.createDirectories(dir.resolve("lib"));
        byte[] junk = "not a database".repeat(50).getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("lib").resolve(Database.FILE_NAME), junk);
        Result r = dispatch("list");
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("is damaged or is not a Dispatch library; it was left untouched"), r.err());
        assertTrue(java.util.Arrays.equals(junk, Files.readAllBytes(dir.resolve("lib").resolve(Database.FILE_NAME))));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
