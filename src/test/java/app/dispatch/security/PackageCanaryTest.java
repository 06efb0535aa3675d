package app.dispatch.security;

import static app.dispatch.service.VaultTestSupport.CHEAP;
import static app.dispatch.service.VaultTestSupport.PASS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Attribution;
import app.dispatch.domain.ExportOptions;
import app.dispatch.domain.PackageKind;
import app.dispatch.domain.Source;
import app.dispatch.domain.SourceField;
import app.dispatch.domain.SourceKind;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.service.Library;
import app.dispatch.service.PackageService;
import app.dispatch.testutil.CanaryScan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A confidential source cited in a story never reaches a package, of either kind, in any encoding, raw or inflated. */
class PackageCanaryTest {
    @TempDir
    Path dir;

    @Test
    void confidentialIdentityIsInNoByteOfAnyExportedPackage() throws Exception {
        String canary = CanaryScan.newCanary("Pkg");
        String openCanary = CanaryScan.newCanary("Open");
        Path pub = dir.resolve("pub.zip");
        Path review = dir.resolve("review.zip");
        try (Library lib = Library.open(dir.resolve("lib"))) {
            lib.sources().vault().create(PASS, CHEAP);
            Story story = lib.stories().create(StoryContent.blank("en").withHeadline("Mining contracts").withSlug("mining")
                    .withBylines(List.of("Amina Rahimi")).withDateline(new app.dispatch.domain.Dateline("Kabul", null))
                    .withBodyHtml("<p>\u201CThe contract was signed in secret,\u201D an official said. The ministry published the figures.</p>"));
            Source secret = lib.sources().add(Source.draft("Name " + canary, SourceKind.PERSON, Attribution.DEEP_BACKGROUND)
                    .withConfidential(true, "a senior official")
                    .withField(SourceField.PHONE, "+93 " + canary)
                    .withField(SourceField.EMAIL, canary + "@example.org")
                    .withField(SourceField.MESSENGER, "@" + canary)
                    .withField(SourceField.NOTES, "notes " + canary)
                    .withField(SourceField.ROLE, "role " + canary)
                    .withSensitive(Set.of(SourceField.ROLE)));
            Source open = lib.sources().add(Source.draft("Ministry report " + openCanary, SourceKind.DOCUMENT, Attribution.ON_THE_RECORD)
                    .withField(SourceField.ORGANISATION, "Ministry of Mines"));
            lib.sources().cite(story.id(), secret.id(), "The contract was signed in secret");
            lib.sources().cite(story.id(), open.id(), "The ministry published the figures");
            lib.sources().setSourceVerified(secret.id(), true, "how " + canary);
            lib.packages().export(List.of(story.id()), pub, ExportOptions.DEFAULTS.withForce(true));
            lib.packages().export(List.of(story.id()), review, ExportOptions.DEFAULTS.withKind(PackageKind.REVIEW));
        }
        app.dispatch.pack.Standards.assertValidPackage(pub, app.dispatch.domain.NinjsVersion.V3_1);
        app.dispatch.pack.Standards.assertValidPackage(review, app.dispatch.domain.NinjsVersion.V3_1);

        for (Path zip : List.of(pub, review)) {
            List<Path> scanned = inflate(zip);
            scanned.add(zip);
            List<CanaryScan.Hit> hits = new ArrayList<>();
            for (Path p : scanned) {
                hits.addAll(CanaryScan.scanFile(p, canary));
            }
            assertTrue(hits.isEmpty(), "canary found in " + zip.getFileName() + ": " + hits);
        }
        String sources = entry(review, "review/sources.json");
        assertTrue(sources.contains("Ministry report"), "open sources travel in review packages: " + sources);
        assertFalse(sources.contains("a senior official"), "a confidential source does not travel, not even by alias");
        List<Path> reviewEntries = inflate(review);
        assertTrue(reviewEntries.stream().anyMatch(p -> !CanaryScan.scanFile(p, openCanary).isEmpty()),
                "the scan sees text inside deflated entries");
        assertTrue(CanaryScan.scanFile(review, openCanary).isEmpty(), "so scanning the raw ZIP alone would not be enough");
    }

    @Test
    void importedOpenSourcesJoinTheBookOnceAndAreLinkedToTheStory() throws Exception {
        Path review = dir.resolve("review.zip");
        UUID sourceId;
        try (Library lib = Library.open(dir.resolve("a"))) {
            Story story = lib.stories().create(StoryContent.blank("en").withHeadline("Floods").withSlug("floods")
                    .withBodyHtml("<p>The UN counted 4,000 homes lost.</p>"));
            Source open = lib.sources().add(Source.draft("UN flood report", SourceKind.DOCUMENT, Attribution.ON_THE_RECORD)
                    .withField(SourceField.ORGANISATION, "OCHA").withField(SourceField.URL, "https://example.org/r")
                    .withField(SourceField.PHONE, "+41 555 0100").withField(SourceField.NOTES, "private working note"));
            sourceId = open.id();
            lib.sources().cite(story.id(), open.id(), "The UN counted 4,000 homes lost");
            lib.packages().export(List.of(story.id()), review, ExportOptions.DEFAULTS.withKind(PackageKind.REVIEW));
        }
        String sources = entry(review, "review/sources.json");
        assertFalse(sources.contains("555 0100") || sources.contains("private working note"), "contacts and notes stay home");
        try (Library b = Library.open(dir.resolve("b"))) {
            PackageService.ImportResult one = b.packages().importFile(review, PackageService.OnConflict.ASK, "en");
            Source back = b.sources().get(sourceId);
            assertEquals("UN flood report", back.name());
            assertFalse(back.confidential());
            assertEquals(SourceKind.DOCUMENT, back.kind());
            assertEquals("OCHA, https://example.org/r", back.field(SourceField.ROLE));
            assertEquals(List.of(sourceId), b.sources().sourcesOf(one.storyId()).stream().map(Source::id).toList());
            PackageService.ImportResult two = b.packages().importFile(review, PackageService.OnConflict.KEEP_BOTH, "en");
            assertEquals(1, b.sources().count(), "matched by id, not duplicated");
            assertEquals(List.of(sourceId), b.sources().sourcesOf(two.storyId()).stream().map(Source::id).toList());
            assertTrue(one.notes().isEmpty(), one.notes().toString());
        }
    }

    /** Every entry of the ZIP, inflated into its own file beside it. */
    private List<Path> inflate(Path zip) throws IOException {
        Path out = Files.createDirectories(dir.resolve("inflated-" + zip.getFileName() + "-" + UUID.randomUUID()));
        List<Path> files = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = z.entries();
            int i = 0;
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                Path f = out.resolve((i++) + ".bin");
                try (InputStream in = z.getInputStream(e)) {
                    Files.write(f, in.readAllBytes());
                }
                files.add(f);
            }
        }
        assertTrue(files.size() >= 5, "entries inflated: " + files.size());
        return files;
    }

    private static String entry(Path zip, String name) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile()); InputStream in = z.getInputStream(z.getEntry(name))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
