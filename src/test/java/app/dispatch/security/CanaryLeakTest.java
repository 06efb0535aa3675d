package app.dispatch.security;

import static app.dispatch.service.VaultTestSupport.CHEAP;
import static app.dispatch.service.VaultTestSupport.PASS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Attribution;
import app.dispatch.domain.RevisionKind;
import app.dispatch.domain.Source;
import app.dispatch.domain.SourceField;
import app.dispatch.domain.SourceKind;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.service.Library;
import app.dispatch.testutil.CanaryScan;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A confidential source's identity never reaches the disk in any encoding, nor lingers after deletion. */
class CanaryLeakTest {
    @TempDir
    Path dir;

    @Test
    void confidentialIdentityNeverReachesAnyFileInTheDataFolder() {
        String canary = CanaryScan.newCanary("Src");
        UUID sourceId;
        try (Library lib = Library.open(dir)) {
            lib.sources().vault().create(PASS, CHEAP);
            Story story = lib.stories().create(StoryContent.blank("en").withHeadline("Mining contracts")
                    .withBodyHtml("<p>\u201CThe contract was signed in secret,\u201D an official said.</p>"));
            Source s = lib.sources().add(Source.draft("Name " + canary, SourceKind.PERSON, Attribution.DEEP_BACKGROUND)
                    .withConfidential(true, "a senior official")
                    .withField(SourceField.PHONE, "+93 " + canary)
                    .withField(SourceField.EMAIL, canary + "@example.org")
                    .withField(SourceField.MESSENGER, "@" + canary)
                    .withField(SourceField.NOTES, "notes " + canary)
                    .withField(SourceField.ROLE, "role " + canary)
                    .withSensitive(Set.of(SourceField.ROLE)));
            sourceId = s.id();
            lib.sources().cite(story.id(), s.id(), "The contract was signed in secret");
            lib.sources().setSourceVerified(s.id(), true, "how " + canary);
            // edit the story, make revisions, read everything back while unlocked
            Story edited = lib.stories().saveContent(story.id(), story.content()
                    .withBodyHtml(story.content().bodyHtml() + "<p>More reporting followed.</p>"));
            lib.stories().snapshotIfChanged(edited.id(), RevisionKind.INTERVAL);
            assertEquals("Name " + canary, lib.sources().get(s.id()).name());
            lib.sources().list();
            lib.sources().search(canary);
            lib.sources().citations(story.id());
            lib.sources().warnings(story.id());
            // a passphrase change rewrites every sealed value
            lib.sources().vault().changePassphrase(PASS, "second long passphrase".toCharArray());
            lib.sources().vault().changePassphrase("second long passphrase".toCharArray(), PASS);
        }
        assertNoCanary(canary);

        try (Library lib = Library.open(dir)) {
            lib.sources().vault().unlock(PASS);
            assertEquals("notes " + canary, lib.sources().get(sourceId).field(SourceField.NOTES));
            lib.sources().delete(sourceId);
        }
        assertNoCanary(canary);
    }

    @Test
    void sourceMadeConfidentialLaterLeavesNoClearCopyBehind() {
        String canary = CanaryScan.newCanary("Later");
        try (Library lib = Library.open(dir)) {
            lib.sources().vault().create(PASS, CHEAP);
            Source open = lib.sources().add(Source.draft("Name " + canary, SourceKind.PERSON, Attribution.ON_THE_RECORD)
                    .withField(SourceField.NOTES, "notes " + canary));
            lib.sources().update(open.withConfidential(true, "Source L").withAccess(Source.Access.UNLOCKED));
            assertEquals("Name " + canary, lib.sources().get(open.id()).name());
        }
        assertNoCanary(canary);
    }

    @Test
    void scanFindsTheCanaryWhenItIsStoredInClear() {
        String canary = CanaryScan.newCanary("Open");
        try (Library lib = Library.open(dir)) {
            lib.sources().add(Source.draft("Name " + canary, SourceKind.PERSON, Attribution.ON_THE_RECORD));
        }
        assertFalse(CanaryScan.scan(dir, canary).isEmpty(), "the scan must be able to see a clear value");
    }

    private void assertNoCanary(String canary) {
        List<Path> files = CanaryScan.files(dir);
        assertTrue(files.stream().anyMatch(p -> p.getFileName().toString().equals("dispatch.db")), files.toString());
        List<CanaryScan.Hit> hits = CanaryScan.scan(dir, canary);
        assertTrue(hits.isEmpty(), "canary found: " + hits + " in " + files);
    }
}
