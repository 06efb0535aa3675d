package app.dispatch.ui.sources;

import static app.dispatch.service.VaultTestSupport.CHEAP;
import static app.dispatch.service.VaultTestSupport.PASS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Attribution;
import app.dispatch.domain.Source;
import app.dispatch.domain.SourceKind;
import app.dispatch.service.Library;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source book model without a JavaFX toolkit: executors run inline. */
class SourceBookModelTest {
    @TempDir
    Path dir;

    @Test
    void savedConfidentialSourceIsOpenedDecryptedAndForgottenOnLock() {
        try (Library lib = Library.open(dir)) {
            lib.sources().vault().create(PASS, CHEAP);
            SourceBookModel m = new SourceBookModel(lib.sources(), Runnable::run, Runnable::run);
            assertTrue(m.unlockedProperty().get());
            m.save(Source.draft("Hamid Karimi", SourceKind.PERSON, Attribution.OFF_THE_RECORD).withConfidential(true, "Source A"), null);
            assertEquals("Hamid Karimi", m.selectedProperty().get().name());
            assertEquals(1, m.results().size());
            m.lock();
            assertFalse(m.unlockedProperty().get());
            assertEquals("", m.selectedProperty().get().name(), "the open form drops the identity on lock");
            assertEquals(Source.Access.LOCKED, m.results().get(0).access());
            m.close();
        }
    }

    @Test
    void wrongPassphraseReportsPlainlyAndClearsTheTypedPassphrase() {
        try (Library lib = Library.open(dir)) {
            lib.sources().vault().create(PASS, CHEAP);
            lib.sources().vault().lock();
            SourceBookModel m = new SourceBookModel(lib.sources(), Runnable::run, Runnable::run);
            List<String> errors = new ArrayList<>();
            char[] typed = "definitely wrong".toCharArray();
            m.unlock(typed, () -> errors.add("ok?"), errors::add);
            assertEquals(1, errors.size());
            assertTrue(errors.get(0).startsWith("wrong passphrase"), errors.get(0));
            assertArrayEquals(new char[typed.length], typed);
            assertFalse(m.unlockedProperty().get());
            m.close();
        }
    }

    @Test
    void searchAsYouTypeNarrowsTheList() {
        try (Library lib = Library.open(dir)) {
            SourceBookModel m = new SourceBookModel(lib.sources(), Runnable::run, Runnable::run);
            m.save(Source.draft("Amina Rahimi", SourceKind.PERSON, Attribution.ON_THE_RECORD), null);
            m.save(Source.draft("Ministry of Water", SourceKind.ORGANISATION, Attribution.ON_THE_RECORD), null);
            assertEquals(2, m.results().size());
            m.queryProperty().set("wat");
            assertEquals(List.of("Ministry of Water"), m.results().stream().map(Source::displayName).toList());
            m.close();
        }
    }
}
