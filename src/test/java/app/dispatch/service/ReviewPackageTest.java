package app.dispatch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Comment;
import app.dispatch.domain.DispatchException;
import app.dispatch.domain.ExportOptions;
import app.dispatch.domain.LibraryScope;
import app.dispatch.domain.PackageKind;
import app.dispatch.domain.PackageSource;
import app.dispatch.domain.Status;
import app.dispatch.domain.Story;
import app.dispatch.pack.Fixtures;
import app.dispatch.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewPackageTest {
    @TempDir
    Path dir;

    /** Comments and sources as their features will provide them; only shareable sources are handed out. */
    static final class FakeReview implements PackageService.Review {
        final List<Comment> comments = new ArrayList<>();
        final List<PackageSource> sources = new ArrayList<>();
        final List<Comment> imported = new ArrayList<>();
        boolean failImport;

        @Override
        public List<Comment> comments(UUID storyId) {
            return comments;
        }

        @Override
        public List<PackageSource> shareableSources(UUID storyId) {
            return sources;
        }

        @Override
        public Database.Work<?> importReview(UUID storyId, List<Comment> c, List<PackageSource> s) {
            return conn -> {
                if (failImport) {
                    throw new DispatchException("comment store is full");
                }
                imported.addAll(c);
                return null;
            };
        }
    }

    @Test
    void reviewPackageCarriesStatusCommentsRevisionsHistoryAndShareableSourcesOnly() throws Exception {
        Path zip = dir.resolve("review.zip");
        Path pub = dir.resolve("pub.zip");
        try (Library lib = Library.open(dir.resolve("a"))) {
            FakeReview review = new FakeReview();
            lib.packages().useReview(review);
            Story s = lib.stories().create(Fixtures.content());
            lib.stories().setStatus(s.id(), Status.SUBMITTED, "for the desk");
            review.comments.add(new Comment(UUID.randomUUID(), s.id(), null, "Editor", "Source for this?", "The road is gone",
                    10, 26, false, Instant.parse("2026-11-25T09:00:00Z"), null));
            review.sources.add(new PackageSource(UUID.randomUUID(), "DOCUMENT", "UN flood report", "ON_THE_RECORD", ""));
            lib.packages().export(List.of(s.id()), zip, ExportOptions.DEFAULTS.withKind(PackageKind.REVIEW));
            lib.packages().export(List.of(s.id()), pub, ExportOptions.DEFAULTS.withForce(true));
        }
        app.dispatch.pack.Standards.assertValidPackage(zip, app.dispatch.domain.NinjsVersion.V3_1);
        app.dispatch.pack.Standards.assertValidPackage(pub, app.dispatch.domain.NinjsVersion.V3_1);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertTrue(text(z, "review/status.json").contains("\"submitted\""));
            assertTrue(text(z, "review/comments.json").contains("Source for this?"));
            assertTrue(text(z, "review/sources.json").contains("UN flood report"));
            assertTrue(text(z, "review/status-history.json").contains("for the desk"));
            assertTrue(text(z, "review/revisions.json").contains("status_change"));
        }
        try (ZipFile z = new ZipFile(pub.toFile())) {
            assertNull(z.getEntry("review/comments.json"), "publication packages carry no review data");
            assertFalse(text(z, "dispatch.json").contains("Source for this?"));
            assertFalse(text(z, "dispatch.json").contains("UN flood report"));
        }
        try (Library other = Library.open(dir.resolve("b"))) {
            FakeReview review = new FakeReview();
            other.packages().useReview(review);
            PackageService.ImportResult r = other.packages().importFile(zip, PackageService.OnConflict.ASK, "en");
            assertEquals(1, review.imported.size());
            assertEquals(Status.SUBMITTED, other.stories().get(r.storyId()).status());
            assertEquals(1, other.stories().statusHistory(r.storyId()).size());
        }
    }

    @Test
    void aFailureInsideTheImportTransactionLeavesTheLibraryUnchanged() throws Exception {
        Path zip = dir.resolve("review.zip");
        try (Library lib = Library.open(dir.resolve("a"))) {
            FakeReview review = new FakeReview();
            review.comments.add(new Comment(UUID.randomUUID(), UUID.randomUUID(), null, "Editor", "x", "", 0, 0, false,
                    Instant.parse("2026-11-25T09:00:00Z"), null));
            lib.packages().useReview(review);
            Story s = lib.stories().create(Fixtures.content());
            lib.packages().export(List.of(s.id()), zip, ExportOptions.DEFAULTS.withKind(PackageKind.REVIEW));
        }
        try (Library other = Library.open(dir.resolve("b"))) {
            FakeReview review = new FakeReview();
            review.failImport = true;
            other.packages().useReview(review);
            MemoryMedia media = new MemoryMedia();
            other.packages().useMedia(media);
            DispatchException e = assertThrows(DispatchException.class,
                    () -> other.packages().importFile(zip, PackageService.OnConflict.ASK, "en"));
            assertTrue(e.getMessage().contains("comment store is full"));
            assertEquals(0, other.stories().list(LibraryScope.ALL, null).size());
        }
    }

    static String text(ZipFile z, String name) throws Exception {
        try (var in = z.getInputStream(z.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
