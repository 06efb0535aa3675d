package app.dispatch.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.service.Library;
import app.dispatch.ui.common.UiExecutors;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new story's slug follows its headline until the reporter types one; a typed slug that is taken says so. */
class EditorModelSlugTest {
    @TempDir
    Path dir;

    private Library lib;
    private ScheduledExecutorService scheduler;

    @BeforeEach
    void open() {
        lib = Library.open(dir);
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void close() {
        scheduler.shutdownNow();
        lib.close();
    }

    /** A model whose background and FX work run on the calling thread (the saves on the scheduler). */
    private EditorModel editor(UUID id) {
        EditorModel m = new EditorModel(lib.stories(), new UiExecutors(Runnable::run, Runnable::run, scheduler), ZoneOffset.UTC);
        m.onError(e -> {
            throw new AssertionError(e);
        });
        m.open(id, null);
        return m;
    }

    /** What Ctrl+N makes: an empty draft called untitled-<date>. */
    private UUID newStory() {
        return lib.stories().create(StoryContent.blank("en").withSlug(lib.stories().uniqueSlug("untitled-2026-12-01", null))).id();
    }

    private void saved(EditorModel m) {
        m.flush(null);
    }

    private String storedSlug(UUID id) {
        return lib.stories().get(id).content().slug();
    }

    @Test
    void newStorySlugFollowsTheHeadlineAsItIsTyped() {
        UUID id = newStory();
        EditorModel m = editor(id);
        assertTrue(m.slugFollowsHeadlineProperty().get());
        m.headline.set("Floods");
        m.headline.set("Floods cut off Kabul valley");
        assertEquals("floods-cut-off-kabul", m.slug.get());
        saved(m);
        assertEquals("floods-cut-off-kabul", storedSlug(id));
        assertEquals("", m.slugMessageProperty().get());

        m.headline.set("");
        assertEquals("floods-cut-off-kabul", m.slug.get(), "a cleared headline leaves the slug as it was");
    }

    @Test
    void followedSlugThatIsTakenGetsANumberAndTheFieldShowsIt() {
        UUID first = newStory();
        EditorModel a = editor(first);
        a.headline.set("Budget vote delayed");
        saved(a);
        a.closeBlocking();

        UUID second = newStory();
        EditorModel b = editor(second);
        b.headline.set("Budget vote delayed");
        saved(b);
        assertEquals("budget-vote-delayed-2", storedSlug(second));
        assertEquals("budget-vote-delayed-2", b.slug.get());
        assertEquals("", b.slugMessageProperty().get());
        assertTrue(b.slugFollowsHeadlineProperty().get());

        b.closeBlocking();
        EditorModel reopened = editor(second);
        assertTrue(reopened.slugFollowsHeadlineProperty().get(), "a numbered headline slug still follows the headline");
    }

    @Test
    void typedSlugStopsFollowingAndATakenOneIsRefusedVisibly() {
        Story other = lib.stories().create(StoryContent.blank("en").withHeadline("Other").withSlug("kabul-floods"));
        UUID id = newStory();
        EditorModel m = editor(id);
        m.headline.set("Floods in the capital");
        saved(m);
        String before = storedSlug(id);
        assertEquals("floods-in-the-capital", before);

        m.slug.set("kabul-floods");
        assertFalse(m.slugFollowsHeadlineProperty().get());
        saved(m);
        assertEquals(before, storedSlug(id), "a taken slug is never stored");
        assertTrue(m.slugMessageProperty().get().contains("kabul-floods is already used"), m.slugMessageProperty().get());
        assertEquals("kabul-floods", m.slug.get(), "the field keeps what was typed so it can be corrected");
        assertEquals("kabul-floods", storedSlug(other.id()));

        m.slug.set("Kabul floods!");
        saved(m);
        assertEquals(before, storedSlug(id));
        assertTrue(m.slugMessageProperty().get().contains("letters and digits"), m.slugMessageProperty().get());

        m.slug.set("capital-floods");
        saved(m);
        assertEquals("capital-floods", storedSlug(id));
        assertEquals("", m.slugMessageProperty().get());

        m.headline.set("Floods in the capital: toll rises");
        assertEquals("capital-floods", m.slug.get(), "a typed slug does not follow the headline");
        m.closeBlocking();
        assertFalse(editor(id).slugFollowsHeadlineProperty().get(), "still typed after reopening");
    }

    @Test
    void clearingTheSlugHandsItBackToTheHeadline() {
        UUID id = lib.stories().create(StoryContent.blank("en").withHeadline("Harvest lost").withSlug("my-own-slug")).id();
        EditorModel m = editor(id);
        assertFalse(m.slugFollowsHeadlineProperty().get());
        m.slug.set("");
        assertTrue(m.slugFollowsHeadlineProperty().get());
        saved(m);
        assertEquals("harvest-lost", storedSlug(id));
        assertEquals("harvest-lost", m.slug.get());
        m.headline.set("Harvest lost to drought");
        assertEquals("harvest-lost-to-drought", m.slug.get());
    }
}
