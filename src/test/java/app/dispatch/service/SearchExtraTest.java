package app.dispatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Attribution;
import app.dispatch.domain.SearchHit;
import app.dispatch.domain.Source;
import app.dispatch.domain.SourceKind;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search covers picture captions and credits and open source names, never confidential identities. */
class SearchExtraTest {
    @TempDir
    Path dir;

    private List<SearchHit> search(Library lib, String q) {
        return lib.search().search(q, app.dispatch.domain.SearchFilter.NONE, app.dispatch.domain.SearchSort.RELEVANCE, 20, 0).hits();
    }

    @Test
    void openSourceNamesAreFoundAndFollowTheirChanges() {
        try (Library lib = Library.open(dir)) {
            Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Bridge closed").withBodyHtml("<p>The bridge is shut.</p>"));
            assertTrue(search(lib, "Zephyrine").isEmpty());
            Source src = lib.sources().add(Source.draft("Zephyrine Okafor", SourceKind.PERSON, Attribution.ON_THE_RECORD));
            lib.sources().addToStory(s.id(), src.id());
            List<SearchHit> hits = search(lib, "Zephyrine");
            assertEquals(1, hits.size());
            assertEquals(s.id(), hits.get(0).id());
            lib.sources().removeFromStory(s.id(), src.id());
            assertTrue(search(lib, "Zephyrine").isEmpty());
        }
    }
}
