package app.dispatch.cli;

import static app.dispatch.media.MediaTestImages.jpeg;
import static app.dispatch.media.MediaTestImages.withIptc;
import static app.dispatch.media.MediaTestImages.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.service.Library;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaCliTest {
    @TempDir
    Path dir;


    private CliRun run(String... args) {
        return CliRun.on(dir.resolve("lib"), args);
    }

    @Test
    void attachListAndEditFromTheCommandLine() throws Exception {
        String slug;
        try (Library lib = Library.open(dir.resolve("lib"))) {
            Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Quake"));
            slug = s.content().slug();
        }
        Path img = write(dir, "q.jpg", withIptc(jpeg(60, 40, 1), Map.of(IptcTypes.CAPTION_ABSTRACT, List.of("زلزله در هرات"))));
        CliRun attach = run("attach", slug, img.toString(), "--json");
        assertEquals(0, attach.code(), attach.err());
        JsonNode a = new ObjectMapper().readTree(attach.out());
        assertEquals(1, a.size());
        assertEquals("زلزله در هرات", a.get(0).get("caption").asText());
        assertEquals("caption", a.get(0).get("prefilled").get(0).asText());
        assertEquals("credit", a.get(0).get("missing").get(0).asText());
        String id = a.get(0).get("id").asText();

        CliRun set = run("media-set", id.substring(0, 8), "--credit", "AFP", "--alt", "Rubble in a street", "--lead");
        assertEquals(0, set.code(), set.err());
        assertTrue(set.out().contains("credit:     AFP"), set.out());

        CliRun list = run("media", slug, "--json");
        assertEquals(0, list.code(), list.err());
        JsonNode l = new ObjectMapper().readTree(list.out());
        assertEquals("AFP", l.get(0).get("credit").asText());
        assertEquals(0, l.get(0).get("missing").size());
        assertTrue(l.get(0).get("lead").asBoolean());

        CliRun text = run("media", slug);
        assertTrue(text.out().contains("زلزله در هرات  (from file)"), text.out());
    }

    @Test
    void refusedFileExitsOneWithOneLineAndBadUsageExitsTwo() throws Exception {
        String slug;
        try (Library lib = Library.open(dir.resolve("lib"))) {
            slug = lib.stories().create(StoryContent.blank("en").withHeadline("Fire")).content().slug();
        }
        Path empty = write(dir, "empty.jpg", new byte[0]);
        CliRun r = run("attach", slug, empty.toString());
        assertEquals(1, r.code());
        assertEquals("dispatch: empty.jpg is empty (0 bytes), not an image", r.err().strip());
        assertEquals(2, run("attach", slug).code());
        assertEquals(1, run("media-set", "00000000-0000", "--caption", "x").code());
        assertEquals(0, run("media", "--help").code());
    }
}
