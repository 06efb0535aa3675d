package app.dispatch.cli;

import static app.dispatch.media.MediaTestImages.jpeg;
import static app.dispatch.media.MediaTestImages.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.service.Library;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `dispatch revisions --json` gains "captions": what each revision recorded of its pictures' captions (decision 0812). */
class RevisionCaptionsCliTest {
    @TempDir
    Path dir;


    private CliRun run(String... args) {
        return CliRun.on(dir.resolve("lib"), args);
    }

    @Test
    void eachRevisionListsTheCaptionsItRecordedAndKeepsItsOtherFields() throws Exception {
        String slug;
        try (Library lib = Library.open(dir.resolve("lib"))) {
            Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Floods hit Kabul"));
            slug = s.content().slug();
        }
        CliRun attach = run("attach", slug, write(dir, "road.jpg", jpeg(60, 40, 1)).toString(), "--json");
        assertEquals(0, attach.code(), attach.err());
        String media = new ObjectMapper().readTree(attach.out()).get(0).get("id").asText();
        assertEquals(0, run("media-set", media, "--caption", "Villagers cross the flooded road").code());
        assertEquals(0, run("status", slug, "submitted").code());
        assertEquals(0, run("media-set", media, "--caption", "Villagers wade across the road").code());

        CliRun r = run("revisions", slug, "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode revs = new ObjectMapper().readTree(r.out());
        assertEquals(2, revs.size());
        JsonNode created = revs.get(0);
        assertEquals("created", created.get("kind").asText());
        assertTrue(created.get("captions").isArray() && created.get("captions").isEmpty(), "no pictures when it was made");
        JsonNode submitted = revs.get(1);
        assertEquals("Floods hit Kabul", submitted.get("headline").asText(), "existing fields unchanged");
        assertEquals(1, submitted.get("captions").size());
        assertEquals(media, submitted.get("captions").get(0).get("mediaId").asText());
        assertEquals("road.jpg", submitted.get("captions").get(0).get("fileName").asText());
        assertEquals("Villagers cross the flooded road", submitted.get("captions").get(0).get("caption").asText(),
                "the caption when the revision was made, not the one edited later");
    }
}
