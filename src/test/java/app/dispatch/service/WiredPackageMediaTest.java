package app.dispatch.service;

import static app.dispatch.media.MediaTestImages.jpeg;
import static app.dispatch.media.MediaTestImages.withExif;
import static app.dispatch.media.MediaTestImages.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Comment;
import app.dispatch.domain.DispatchException;
import app.dispatch.domain.ExportOptions;
import app.dispatch.domain.LibraryScope;
import app.dispatch.domain.MediaItem;
import app.dispatch.domain.NinjsVersion;
import app.dispatch.domain.PackageKind;
import app.dispatch.domain.PackageSource;
import app.dispatch.domain.Story;
import app.dispatch.pack.Fixtures;
import app.dispatch.pack.PackageContent;
import app.dispatch.pack.PackageWriter;
import app.dispatch.pack.Standards;
import app.dispatch.store.Database;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packages in a real library: pictures come from and go to the media store, checked and stripped as the media feature does. */
class WiredPackageMediaTest {
    static final ExportOptions FORCE = ExportOptions.DEFAULTS.withForce(true);
    static final ExportOptions FORCE_KEEP = new ExportOptions(PackageKind.PUBLICATION, NinjsVersion.V3_1, true, true);
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path dir;

    /** A story with two GPS-tagged JPEGs with captions and credits; the second is the lead and comes first. */
    Story storyWithTwoPictures(Library lib) throws Exception {
        Story s = lib.stories().create(Fixtures.content());
        Path a = write(dir, "a.jpg", withExif(jpeg(160, 120, 1), "desc", "A. Rahimi", "(c) 2026", "2026:11:24 08:00:00", null,
                new double[] {69.2, 34.5}, "SN-1"));
        Path b = write(dir, "b.jpg", withExif(jpeg(120, 160, 2), null, null, null, null, null, new double[] {69.3, 34.6}, "SN-2"));
        List<MediaItem> m = lib.media().attach(s.id(), a, b);
        lib.media().update(m.get(0).id(), MediaEdit.NONE.withCaption("Villagers cross the flooded road").withCredit("Reuters/A. Rahimi")
                .withCreator("A. Rahimi").withCopyrightNotice("© 2026 Reuters").withUsageTerms("Editorial use only")
                .withAltText("A road under brown water"));
        lib.media().update(m.get(1).id(), MediaEdit.NONE.withCaption("سیل در کابل").withCredit("AP"));
        lib.media().reorder(s.id(), List.of(m.get(1).id(), m.get(0).id()));
        lib.media().setLead(m.get(1).id());
        return lib.stories().get(s.id());
    }

    @Test
    void exportedPicturesLoseGpsAndSerialsUnlessLocationIsKept() throws Exception {
        Path zip = dir.resolve("pub.zip");
        Path kept = dir.resolve("kept.zip");
        try (Library lib = Library.open(dir.resolve("a"))) {
            Story s = storyWithTwoPictures(lib);
            lib.packages().export(List.of(s.id()), zip, FORCE);
            lib.packages().export(List.of(s.id()), kept, FORCE_KEEP);
            for (MediaItem m : lib.media().list(s.id())) {
                assertArrayEquals(Files.readAllBytes(lib.media().file(m.id())), entryBytes(kept, PackageContent.mediaEntryName(m)),
                        "keep location exports the original");
            }
        }
        Standards.assertValidPackage(zip, NinjsVersion.V3_1);
        Standards.assertValidPackage(kept, NinjsVersion.V3_1);
        List<String> pictures = mediaEntries(zip);
        assertEquals(2, pictures.size());
        for (String name : pictures) {
            byte[] bytes = entryBytes(zip, name);
            Metadata md = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
            GpsDirectory gps = md.getFirstDirectoryOfType(GpsDirectory.class);
            assertTrue(gps == null || gps.getGeoLocation() == null, name + " has no GPS");
            ExifSubIFDDirectory exif = md.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            assertTrue(exif == null || !exif.containsTag(ExifSubIFDDirectory.TAG_BODY_SERIAL_NUMBER), name + " has no serial");
            String ninjs = PackageRoundTripTest.entry(zip, PackageWriter.NINJS);
            assertTrue(ninjs.contains("\"sizeInBytes\" : " + bytes.length), "ninjs describes the stripped copy");
            GpsDirectory keptGps = ImageMetadataReader.readMetadata(new ByteArrayInputStream(entryBytes(kept, name)))
                    .getFirstDirectoryOfType(GpsDirectory.class);
            assertNotNull(keptGps.getGeoLocation(), name + " keeps GPS when asked");
        }
    }

    @Test
    void importBringsBackPicturesCaptionsCreditsOrderAndLeadAndReexportsIdentically() throws Exception {
        Path first = dir.resolve("first.zip");
        Path second = dir.resolve("second.zip");
        List<MediaItem> original;
        UUID id;
        try (Library a = Library.open(dir.resolve("a"))) {
            Story s = storyWithTwoPictures(a);
            id = s.id();
            original = a.media().list(id);
            a.packages().export(List.of(id), first, FORCE);
        }
        try (Library b = Library.open(dir.resolve("b"))) {
            PackageService.ImportResult r = b.packages().importFile(first, PackageService.OnConflict.ASK, "en");
            assertEquals(PackageService.Outcome.CREATED, r.outcome());
            List<MediaItem> back = b.media().list(id);
            assertEquals(original.stream().map(MediaItem::id).toList(), back.stream().map(MediaItem::id).toList(), "order");
            assertEquals(original.stream().map(MediaItem::lead).toList(), back.stream().map(MediaItem::lead).toList(), "lead");
            for (int i = 0; i < 2; i++) {
                MediaItem o = original.get(i);
                MediaItem n = back.get(i);
                assertEquals(o.caption(), n.caption());
                assertEquals(o.credit(), n.credit());
                assertEquals(o.creator(), n.creator());
                assertEquals(o.copyrightNotice(), n.copyrightNotice());
                assertEquals(o.usageTerms(), n.usageTerms());
                assertEquals(o.altText(), n.altText());
                assertEquals(o.width(), n.width());
                assertEquals(o.mimeType(), n.mimeType());
                Path stored = b.media().file(n.id());
                assertTrue(Files.isRegularFile(stored), "file placed content-addressed");
                assertEquals(n.bytes(), Files.size(stored));
                GpsDirectory gps = ImageMetadataReader.readMetadata(stored.toFile()).getFirstDirectoryOfType(GpsDirectory.class);
                assertTrue(gps == null || gps.getGeoLocation() == null, "the library receives the stripped copy");
                assertTrue(b.media().thumbnail(n.id(), 64).length > 0);
            }
            assertEquals(0, b.media().collectGarbage(), "every placed file is referenced");
            Thread.sleep(5);
            b.packages().export(List.of(id), second, FORCE);
        }
        Standards.assertValidPackage(second, NinjsVersion.V3_1);
        // the pictures came after the story's first revision, so the export recorded the published version (decision 0505):
        // two revisions in the first library, of which the second library received the head only
        String ninjs = PackageRoundTripTest.entry(first, PackageWriter.NINJS);
        assertTrue(ninjs.contains("\"version\" : \"2\""), ninjs);
        assertEquals(ninjs.replace("\"version\" : \"2\"", "\"version\" : \"1\""), PackageRoundTripTest.entry(second, PackageWriter.NINJS));
        assertEquals(PackageRoundTripTest.withoutSent(PackageRoundTripTest.entry(first, PackageWriter.NEWSML)).replaceAll("(?<!\\w)version=\"2\"", "version=\"1\""),
                PackageRoundTripTest.withoutSent(PackageRoundTripTest.entry(second, PackageWriter.NEWSML)));
        for (String name : mediaEntries(first)) {
            assertArrayEquals(entryBytes(first, name), entryBytes(second, name), name);
        }
    }

    @Test
    void theSamePictureImportedTwiceIsStoredOnce() throws Exception {
        Path zip = dir.resolve("pub.zip");
        try (Library a = Library.open(dir.resolve("a"))) {
            a.packages().export(List.of(storyWithTwoPictures(a).id()), zip, FORCE);
        }
        try (Library b = Library.open(dir.resolve("b"))) {
            Story local = b.stories().create(Fixtures.content().withSlug("local"));
            List<Path> copies = new ArrayList<>();
            for (String name : mediaEntries(zip)) {
                copies.add(write(dir, name.substring("media/".length()), entryBytes(zip, name)));
            }
            b.media().attach(local.id(), copies);
            List<Path> files = storedFiles(dir.resolve("b"));
            assertEquals(2, files.size());
            PackageService.ImportResult r = b.packages().importFile(zip, PackageService.OnConflict.ASK, "en");
            assertEquals(PackageService.Outcome.CREATED, r.outcome());
            assertEquals(files, storedFiles(dir.resolve("b")), "no second copy of any file");
            assertEquals(b.media().list(local.id()).stream().map(MediaItem::sha256).sorted().toList(),
                    b.media().list(r.storyId()).stream().map(MediaItem::sha256).sorted().toList());
            assertEquals(0, b.media().collectGarbage());
        }
    }

    @Test
    void truncatedJpegInAPackageIsRefusedAndNothingIsStored() throws Exception {
        byte[] whole = jpeg(400, 300, 9);
        refusedWithPicture(Arrays.copyOf(whole, whole.length / 2), false, "truncated");
    }

    @Test
    void pngDeclaringTwentyThousandSquaredPixelsIsRefusedAndNothingIsStored() throws Exception {
        refusedWithPicture(HostilePackageTest.pngHeader(20_000, 20_000), true, "megapixels");
    }

    @Test
    void aFailedImportTransactionRemovesThePicturesItPlaced() throws Exception {
        Path zip = dir.resolve("review.zip");
        try (Library a = Library.open(dir.resolve("a"))) {
            a.packages().export(List.of(storyWithTwoPictures(a).id()), zip, ExportOptions.DEFAULTS.withKind(PackageKind.REVIEW));
        }
        try (Library b = Library.open(dir.resolve("b"))) {
            b.packages().useReview(new PackageService.Review() {
                @Override
                public List<Comment> comments(UUID storyId) {
                    return List.of();
                }

                @Override
                public List<PackageSource> shareableSources(UUID storyId) {
                    return List.of();
                }

                @Override
                public Database.Work<?> importReview(UUID storyId, List<Comment> comments, List<PackageSource> sources) {
                    return c -> {
                        throw new DispatchException("the review store failed");
                    };
                }
            });
            DispatchException e = assertThrows(DispatchException.class,
                    () -> b.packages().importFile(zip, PackageService.OnConflict.ASK, "en"));
            assertTrue(e.getMessage().contains("the review store failed"), e.getMessage());
            assertEquals(0, b.stories().list(LibraryScope.ALL, null).size());
            assertEquals(List.of(), storedFiles(dir.resolve("b")), "the placed pictures were removed");
        }
    }

    /** Writes a package whose only picture is {@code bytes}, imports it into a library with one story, expects a refusal. */
    void refusedWithPicture(byte[] bytes, boolean png, String expected) throws Exception {
        PackageContent text = Fixtures.textStory(Fixtures.content());
        MediaItem m = Fixtures.picture(text.story().id(), png ? 1 : 0, bytes, png, true);
        PackageContent p = new PackageContent(text.story(), text.revisions(), List.of(m), x -> new ByteArrayInputStream(bytes),
                List.of(), List.of(), List.of());
        Path file = dir.resolve("hostile.zip");
        new PackageWriter("test").write(p, ExportOptions.DEFAULTS, file, NOW, PackageWriter.Progress.NONE, () -> false);
        Path libDir = dir.resolve("lib");
        try (Library lib = Library.open(libDir)) {
            Story existing = storyWithTwoPictures(lib);
            List<Path> filesBefore = storedFiles(libDir);
            DispatchException e = assertThrows(DispatchException.class,
                    () -> lib.packages().importFile(file, PackageService.OnConflict.ASK, "en"));
            assertTrue(e.getMessage().toLowerCase().contains(expected), "message was: " + e.getMessage());
            assertTrue(e.getMessage().contains("media/" + m.id()), "names the picture: " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            assertFalse(e.getMessage().contains(".staged"), "no internal file names: " + e.getMessage());
            assertEquals(1, lib.stories().list(LibraryScope.ALL, null).size(), "library unchanged");
            assertEquals(existing, lib.stories().get(existing.id()));
            assertEquals(filesBefore, storedFiles(libDir), "no new files under media/");
            assertEquals(List.of(), allFiles(libDir.resolve("media/tmp")), "no temp files left");
            assertEquals(List.of(), allFiles(libDir.resolve("import-staging")), "nothing left staged");
        }
    }

    static List<Path> storedFiles(Path libDir) throws IOException {
        return allFiles(libDir.resolve("media")).stream().filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}")).toList();
    }

    static List<Path> allFiles(Path d) throws IOException {
        if (!Files.exists(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(d)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static List<String> mediaEntries(Path zip) throws IOException {
        List<String> out = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            z.stream().map(ZipEntry::getName).filter(n -> n.startsWith("media/")).sorted().forEach(out::add);
        }
        return out;
    }

    static byte[] entryBytes(Path zip, String name) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile()); var in = z.getInputStream(z.getEntry(name))) {
            return in.readAllBytes();
        }
    }
}
