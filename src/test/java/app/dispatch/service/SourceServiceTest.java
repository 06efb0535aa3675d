package app.dispatch.service;

import static app.dispatch.service.VaultTestSupport.CHEAP;
import static app.dispatch.service.VaultTestSupport.PASS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Attribution;
import app.dispatch.domain.Citation;
import app.dispatch.domain.CitationEntry;
import app.dispatch.domain.DispatchException;
import app.dispatch.domain.Source;
import app.dispatch.domain.SourceField;
import app.dispatch.domain.SourceKind;
import app.dispatch.domain.SourceWarning;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.domain.VaultException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceServiceTest {
    @TempDir
    Path dir;

    static Source confidential(String name, String alias) {
        return Source.draft(name, SourceKind.PERSON, Attribution.DEEP_BACKGROUND).withConfidential(true, alias)
                .withField(SourceField.PHONE, "+93 700 000 000").withField(SourceField.NOTES, "met at the ministry")
                .withField(SourceField.ROLE, "deputy minister");
    }

    @Test
    void sourceBookIsSearchedAsYouTypeAcrossNamesAndAliasesButNeverSealedFields() {
        try (Library lib = Library.open(dir)) {
            SourceService s = lib.sources();
            s.vault().create(PASS, CHEAP);
            s.add(Source.draft("Amina Rahimi", SourceKind.PERSON, Attribution.ON_THE_RECORD).withField(SourceField.ORGANISATION, "Red Crescent"));
            s.add(Source.draft("Ministry of Water", SourceKind.ORGANISATION, Attribution.ON_THE_RECORD));
            s.add(confidential("Hamid Karimi", "a senior official"));
            assertEquals(List.of("Amina Rahimi"), s.search("ami").stream().map(Source::displayName).toList());
            assertEquals(List.of("Amina Rahimi"), s.search("red cresc").stream().map(Source::displayName).toList());
            assertEquals(List.of("a senior official"), s.search("senior").stream().map(Source::displayName).toList());
            assertTrue(s.search("karimi").isEmpty(), "a confidential name is never searchable");
            assertTrue(s.search("deputy").isEmpty(), "a confidential source is found by alias only");
            assertEquals(3, s.search("").size());
            assertTrue(s.search("100%_").isEmpty());
        }
    }

    @Test
    void confidentialSourceIsReadableOnlyWhileUnlockedAndShowsAliasWhenLocked() {
        try (Library lib = Library.open(dir)) {
            SourceService s = lib.sources();
            assertThrows(VaultException.class, () -> s.add(confidential("Hamid Karimi", "Source A")));
            s.vault().create(PASS, CHEAP);
            Source added = s.add(confidential("Hamid Karimi", "Source A"));
            assertEquals(Source.Access.UNLOCKED, added.access());
            assertEquals("Hamid Karimi", added.name());
            assertEquals("Source A", added.displayName());
            s.vault().lock();
            Source locked = s.get(added.id());
            assertEquals(Source.Access.LOCKED, locked.access());
            assertEquals("", locked.name());
            assertTrue(locked.fields().isEmpty(), "nothing but the alias while locked");
            assertEquals("Source A", locked.displayName());
            assertThrows(VaultException.class, () -> s.update(locked.withAttribution(Attribution.ON_BACKGROUND)));
            s.vault().unlock(PASS);
            assertEquals("met at the ministry", s.get(added.id()).field(SourceField.NOTES));
        }
        try (Library lib = Library.open(dir)) {
            assertFalse(lib.sources().vault().isUnlocked(), "a reopened library starts locked");
            assertEquals(Source.Access.LOCKED, lib.sources().list().get(0).access());
        }
    }

    @Test
    void confidentialNeedsAnAliasAndOpenSourceNeedsAName() {
        try (Library lib = Library.open(dir)) {
            lib.sources().vault().create(PASS, CHEAP);
            assertThrows(DispatchException.class, () -> lib.sources().add(confidential("X Y", " ")));
            assertThrows(DispatchException.class, () -> lib.sources().add(Source.draft(" ", SourceKind.PERSON, null)));
        }
    }

    @Test
    void userMarkedSensitiveFieldIsSealedAndOthersStayClear() {
        try (Library lib = Library.open(dir)) {
            SourceService s = lib.sources();
            s.vault().create(PASS, CHEAP);
            Source a = s.add(confidential("Hamid Karimi", "Source A").withField(SourceField.ORGANISATION, "Ministry of Mines")
                    .withSensitive(Set.of(SourceField.ROLE)));
            var row = s.store().get(a.id()).orElseThrow();
            assertTrue(row.sealed().keySet().containsAll(Set.of(SourceField.NAME, SourceField.PHONE, SourceField.NOTES, SourceField.ROLE)));
            assertEquals("Ministry of Mines", row.clear().get(SourceField.ORGANISATION));
            assertFalse(row.clear().containsKey(SourceField.NAME));
            assertEquals("deputy minister", s.get(a.id()).field(SourceField.ROLE));
        }
    }

    @Test
    void citeFailsClearlyWhenThePassageIsNotInTheBody() {
        try (Library lib = Library.open(dir)) {
            Story story = lib.stories().create(StoryContent.blank("en").withHeadline("Flood").withBodyHtml("<p>The river rose two metres.</p>"));
            Source src = lib.sources().add(Source.draft("Amina Rahimi", SourceKind.PERSON, Attribution.ON_THE_RECORD));
            DispatchException e = assertThrows(DispatchException.class, () -> lib.sources().cite(story.id(), src.id(), "three metres"));
            assertTrue(e.getMessage().contains("is not in the body"), e.getMessage());
            assertTrue(lib.sources().citations(story.id()).isEmpty());
        }
    }

    @Test
    void citationsListShowsAliasOfConfidentialSourceEvenWhenUnlocked() {
        try (Library lib = Library.open(dir)) {
            SourceService s = lib.sources();
            s.vault().create(PASS, CHEAP);
            Story story = lib.stories().create(StoryContent.blank("en").withHeadline("Mines")
                    .withBodyHtml("<p>Intro.</p><p>The contract was signed in secret, an official said.</p>"));
            Source a = s.add(confidential("Hamid Karimi", "a senior official"));
            Source b = s.add(Source.draft("Amina Rahimi", SourceKind.PERSON, Attribution.ON_THE_RECORD));
            Citation c1 = s.cite(story.id(), a.id(), "signed in secret");
            s.cite(story.id(), b.id(), "Intro.");
            List<CitationEntry> list = s.citations(story.id());
            assertEquals(List.of("Amina Rahimi", "a senior official"), list.stream().map(CitationEntry::sourceLabel).toList());
            CitationEntry e = list.get(1);
            assertEquals("signed in secret", "Intro.\nThe contract was signed in secret, an official said.".substring(e.start(), e.end()));
            assertTrue(e.found());
            assertEquals(2, s.sourcesOf(story.id()).size(), "citing links the source to the story");
            s.setCitationVerified(c1.id(), true, "checked the contract copy");
            assertTrue(s.citations(story.id()).get(1).citation().verification().verified());
        }
    }

    @Test
    void citationFollowsItsPassageWhenTextIsInsertedBeforeIt() {
        try (Library lib = Library.open(dir)) {
            Story story = lib.stories().create(StoryContent.blank("en").withHeadline("H").withBodyHtml("<p>Prices rose 40 percent.</p>"));
            Source b = lib.sources().add(Source.draft("Central Statistics Office", SourceKind.DATASET, Attribution.ON_THE_RECORD));
            lib.sources().cite(story.id(), b.id(), "rose 40 percent");
            lib.stories().saveContent(story.id(), story.content().withBodyHtml("<p>New lead.</p><p>Prices rose 40 percent.</p>"));
            CitationEntry e = lib.sources().citations(story.id()).get(0);
            assertTrue(e.found());
            assertEquals("rose 40 percent", "New lead.\nPrices rose 40 percent.".substring(e.start(), e.end()));
            lib.stories().saveContent(story.id(), story.content().withBodyHtml("<p>Prices fell.</p>"));
            assertFalse(lib.sources().citations(story.id()).get(0).found());
        }
    }

    @Test
    void warnsAboutUnsourcedQuotesAndNamedProtectedSources() {
        try (Library lib = Library.open(dir)) {
            SourceService s = lib.sources();
            s.vault().create(PASS, CHEAP);
            Story story = lib.stories().create(StoryContent.blank("en").withHeadline("Q").withBodyHtml(
                    "<p>\u201CWe will rebuild,\u201D the mayor said. \u00ABNo comment\u00BB, said another. "
                            + "\"It was bad,\" said Hamid Karimi. Jan Berg spoke too.</p>"));
            Source conf = s.add(confidential("Hamid Karimi", "Source A"));
            Source offRecord = s.add(Source.draft("Jan Berg", SourceKind.PERSON, Attribution.OFF_THE_RECORD));
            Source mayor = s.add(Source.draft("The Mayor", SourceKind.PERSON, Attribution.ON_THE_RECORD));
            s.cite(story.id(), mayor.id(), "We will rebuild");
            s.cite(story.id(), conf.id(), "It was bad");
            s.cite(story.id(), offRecord.id(), "spoke too");
            List<SourceWarning> w = s.warnings(story.id());
            assertEquals(1, w.stream().filter(x -> x.kind() == SourceWarning.Kind.UNSOURCED_QUOTE).count(), w.toString());
            assertTrue(w.stream().anyMatch(x -> x.kind() == SourceWarning.Kind.UNSOURCED_QUOTE && x.message().contains("No comment")));
            List<SourceWarning> named = w.stream().filter(x -> x.kind() == SourceWarning.Kind.PROTECTED_SOURCE_NAMED).toList();
            assertEquals(2, named.size(), w.toString());
            assertTrue(named.stream().noneMatch(x -> x.message().contains("Karimi")), "warnings name the alias, never the real name");
            s.vault().lock();
            assertEquals(1, s.warnings(story.id()).stream().filter(x -> x.kind() == SourceWarning.Kind.PROTECTED_SOURCE_NAMED).count(),
                    "while locked only non-confidential names can be checked");
        }
    }

    @Test
    void sourceVerificationRecordsWhoWhenAndHow() {
        try (Library lib = Library.open(dir)) {
            SourceService s = lib.sources();
            s.vault().create(PASS, CHEAP);
            Source a = s.add(confidential("Hamid Karimi", "Source A"));
            Source v = s.setSourceVerified(a.id(), true, "met in person, saw ID");
            assertTrue(v.verification().verified());
            assertEquals("met in person, saw ID", v.verification().how());
            assertEquals(lib.profile().name(), v.verification().by());
            s.vault().lock();
            assertTrue(s.get(a.id()).verification().verified());
        }
    }

    @Test
    void deletingACitedSourceRemovesItsCitations() {
        try (Library lib = Library.open(dir)) {
            Story story = lib.stories().create(StoryContent.blank("en").withHeadline("H").withBodyHtml("<p>Some claim.</p>"));
            Source b = lib.sources().add(Source.draft("Someone", SourceKind.PERSON, Attribution.ON_THE_RECORD));
            lib.sources().cite(story.id(), b.id(), "Some claim");
            lib.sources().delete(b.id());
            assertTrue(lib.sources().citations(story.id()).isEmpty());
            assertTrue(lib.sources().list().isEmpty());
        }
    }

    @Test
    void vaultLocksAfterIdleTime() {
        try (Library lib = Library.open(dir)) {
            long[] now = {0};
            SourceVault v = new SourceVault(lib.sources().store(), java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(5), () -> now[0]);
            v.create(PASS, CHEAP);
            now[0] = java.time.Duration.ofMinutes(4).toNanos();
            assertFalse(v.lockIfIdle());
            assertTrue(v.isUnlocked());
            now[0] = java.time.Duration.ofMinutes(10).toNanos();
            assertTrue(v.lockIfIdle());
            assertFalse(v.isUnlocked());
            v.close();
        }
    }
}
