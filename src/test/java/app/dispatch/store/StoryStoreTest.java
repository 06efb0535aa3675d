package app.dispatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.StoryContent;
import app.dispatch.domain.Story;
import app.dispatch.service.Library;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryStoreTest {
    @TempDir
    Path dir;

    @Test
    void createdStoryReadsBackWithRtlTextByteExact() {
        String headline = "سیل در کابل: ۱۲ کشته";
        try (Library lib = Library.open(dir)) {
            Story s = lib.stories().create(StoryContent.blank("fa").withHeadline(headline).withBodyHtml("<p>متن خبر</p>"));
            assertEquals(headline, lib.stories().get(s.id()).content().headline());
            assertEquals("<p>متن خبر</p>", lib.stories().get(s.id()).content().bodyHtml());
            assertTrue(lib.stories().revisions(s.id()).size() == 1);
        }
    }
}
