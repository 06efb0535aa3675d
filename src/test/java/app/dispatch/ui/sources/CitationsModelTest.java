package app.dispatch.ui.sources;

import static app.dispatch.service.VaultTestSupport.CHEAP;
import static app.dispatch.service.VaultTestSupport.PASS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Attribution;
import app.dispatch.domain.Source;
import app.dispatch.domain.SourceKind;
import app.dispatch.domain.SourceWarning;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.service.Library;
import app.dispatch.text.BodyHtml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The citations model as the editor drives it: cite a selection, see the entry and the warnings change, jump. */
class CitationsModelTest {
    @TempDir
    Path dir;

    @Test
    void citingASelectionListsItByAliasClearsTheQuoteWarningAndJumps() {
        try (Library lib = Library.open(dir)) {
            lib.sources().vault().create(PASS, CHEAP);
            Story story = lib.stories().create(StoryContent.blank("en").withHeadline("H")
                    .withBodyHtml("<p>Intro.</p><p>\u00ABWe were not told\u00BB, a resident said.</p>"));
            Source src = lib.sources().add(Source.draft("Real Name", SourceKind.PERSON, Attribution.ON_BACKGROUND)
                    .withConfidential(true, "a resident"));
            CitationsModel m = new CitationsModel(lib.sources(), Runnable::run, Runnable::run);
            List<int[]> jumps = new ArrayList<>();
            m.setOnJump((s, e) -> jumps.add(new int[] {s, e}));
            m.setStory(story.id());
            assertEquals(List.of(SourceWarning.Kind.UNSOURCED_QUOTE), m.warnings().stream().map(SourceWarning::kind).toList());
            String plain = BodyHtml.plainText(story.content().bodyHtml());
            int start = plain.indexOf("We were");
            m.cite(src.id(), start, start + "We were not told".length());
            assertEquals(1, m.entries().size());
            assertEquals("a resident", m.entries().get(0).sourceLabel());
            assertTrue(m.warnings().isEmpty(), m.warnings().toString());
            m.jump(m.entries().get(0));
            assertEquals("We were not told", plain.substring(jumps.get(0)[0], jumps.get(0)[1]));
            m.cite(src.id(), 3, 3);
            assertTrue(m.messageProperty().get().contains("select a passage"));
        }
    }
}
