package app.dispatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Dateline;
import app.dispatch.domain.Languages;
import app.dispatch.domain.LibraryScope;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.text.BodyHtml;
import app.dispatch.text.TextStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleLibraryTest {
    @TempDir
    Path dir;

    @Test
    void anEmptyLibraryGetsThreeSampleStoriesWithAllTheirFields() {
        try (Library lib = Library.open(dir)) {
            List<Story> made = SampleLibrary.seedIfEmpty(lib);
            assertEquals(3, made.size());
            assertEquals(3, lib.stories().list(LibraryScope.ACTIVE, null).size());

            StoryContent news = lib.stories().find("ostervik-ferry-returns").content();
            assertEquals("Ferry service returns to Ostervik after two-year gap", news.headline());
            assertTrue(news.standfirst().startsWith("The island's only passenger link"), news.standfirst());
            assertEquals(List.of("Maren Holt", "Daniel Okafor"), news.bylines());
            assertEquals(new Dateline("OSTERVIK", LocalDate.of(2026, 11, 23)), news.dateline());
            assertEquals(List.of("transport", "islands", "local economy"), news.tags());
            assertEquals("Regional", news.section());
            assertEquals("en", news.language());
            assertEquals(4, news.urgency());
            assertTrue(news.editorsNote().contains("fictional"));
            assertTrue(news.bodyHtml().contains("<h2>What changes for passengers</h2>"), news.bodyHtml());
            assertTrue(news.bodyHtml().contains("<em>Sjøsvale</em>"));

            StoryContent persian = lib.stories().find("nikabad-library-late").content();
            assertEquals("fa", persian.language());
            assertTrue(Languages.isRightToLeft(persian.language()));
            assertEquals("کتابخانهٔ مرکزی نیک\u200Cآباد تا نیمه\u200Cشب باز می\u200Cماند", persian.headline());
            assertEquals(List.of("سارا محمدی"), persian.bylines());
            assertEquals("نیک\u200Cآباد", persian.dateline().place());
            assertTrue(persian.bodyHtml().contains("<blockquote>"));
            assertTrue(persian.bodyHtml().contains("<ul><li>"));

            StoryContent longForm = lib.stories().find("valley-courier-offline").content();
            assertTrue(TextStats.ofHtml(longForm.bodyHtml()).words() >= 2_500, "long-form sample has 2,500+ words");
            for (String tag : List.of("<h2>", "<blockquote>", "<ul>", "<ol>", "<em>")) {
                assertTrue(longForm.bodyHtml().contains(tag), tag);
            }
            for (Story s : made) {
                assertEquals(BodyHtml.sanitize(s.content().bodyHtml()), s.content().bodyHtml(), "samples are stored sanitized");
                assertEquals(1, lib.stories().revisionCount(s.id()));
            }
        }
    }

    @Test
    void seedingHappensOnlyOnceEvenAfterTheSamplesAreDeleted() {
        try (Library lib = Library.open(dir)) {
            assertEquals(3, SampleLibrary.seedIfEmpty(lib).size());
            assertEquals(0, SampleLibrary.seedIfEmpty(lib).size());
            lib.stories().list(LibraryScope.ALL, null).forEach(s -> lib.stories().trash(s.id()));
            lib.stories().emptyTrash();
        }
        try (Library lib = Library.open(dir)) {
            assertEquals(0, SampleLibrary.seedIfEmpty(lib).size());
            assertEquals(0, lib.stories().list(LibraryScope.ALL, null).size());
        }
    }

    @Test
    void aLibraryWithStoriesIsNotSeeded() {
        try (Library lib = Library.open(dir)) {
            Story mine = lib.stories().create(StoryContent.blank("en").withHeadline("My own story"));
            lib.stories().trash(mine.id());
            assertEquals(List.of(), SampleLibrary.seedIfEmpty(lib), "a story in the trash still counts");
            assertEquals(1, lib.stories().list(LibraryScope.ALL, null).size());
        }
    }

    @Test
    void everyFileInAssetsSamplesIsListedAndOnTheClasspath() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("assets", "samples"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().toList();
            assertEquals(SampleLibrary.FILES, names);
        }
        for (String f : SampleLibrary.FILES) {
            assertFalse(SampleLibrary.read(f).isBlank(), f);
        }
    }
}
