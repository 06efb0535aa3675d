package app.dispatch.service;

import static app.dispatch.media.MediaTestImages.jpeg;
import static app.dispatch.media.MediaTestImages.withExif;
import static app.dispatch.media.MediaTestImages.withIptc;
import static app.dispatch.media.MediaTestImages.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.DispatchException;
import app.dispatch.domain.MediaItem;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.GpsDirectory;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaServiceTest {
    @TempDir
    Path dir;

    private Library open() {
        return Library.open(dir.resolve("lib"));
    }

    private Story story(Library lib) {
        return lib.stories().create(StoryContent.blank("en").withHeadline("Floods"));
    }

    private long storedFiles() throws Exception {
        Path media = dir.resolve("lib").resolve("media");
        if (!Files.exists(media)) {
            return 0;
        }
        try (Stream<Path> w = Files.walk(media)) {
            return w.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}")).count();
        }
    }

    @Test
    void attachReorderLeadEditRemoveRestore() throws Exception {
        Path a = write(dir, "a.jpg", withIptc(jpeg(120, 80, 1),
                Map.of(IptcTypes.CAPTION_ABSTRACT, List.of("سیل در کابل"), IptcTypes.CREDIT, List.of("AP"))));
        Path b = write(dir, "b.jpg", jpeg(80, 120, 2));
        Path c = write(dir, "c.png", app.dispatch.media.MediaTestImages.png(40, 30));
        try (Library lib = open()) {
            Story s = story(lib);
            MediaService media = lib.media();
            List<MediaItem> attached = media.attach(s.id(), a, b, c);
            assertEquals(3, attached.size());
            MediaItem first = attached.get(0);
            assertEquals("سیل در کابل", first.caption());
            assertEquals("AP", first.credit());
            assertEquals(Set.of("caption", "credit"), first.prefilled());
            assertTrue(first.lead(), "the first picture becomes the lead");
            assertEquals("image/png", attached.get(2).mimeType());
            assertEquals(120, first.width());

            List<java.util.UUID> order = List.of(attached.get(2).id(), attached.get(0).id(), attached.get(1).id());
            media.reorder(s.id(), order);
            assertEquals(order, media.list(s.id()).stream().map(MediaItem::id).toList());

            media.setLead(attached.get(1).id());
            assertEquals(List.of(false, false, true), media.list(s.id()).stream().map(MediaItem::lead).toList());

            MediaItem edited = media.update(first.id(), MediaEdit.NONE.withCaption("Floodwater in Kabul")
                    .withAltText("A street under brown water").withUsageTerms("Editorial use only"));
            assertEquals("Floodwater in Kabul", edited.caption());
            assertEquals(Set.of("credit"), edited.prefilled(), "an edited field no longer counts as from the file");
            assertEquals("A street under brown water", media.get(first.id()).altText());
            assertFalse(media.get(first.id()).missingAltText());

            media.trash(attached.get(1).id());
            List<MediaItem> left = media.list(s.id());
            assertEquals(2, left.size());
            assertEquals(1, left.stream().filter(MediaItem::lead).count(), "the lead passes on when the lead is removed");
            assertTrue(media.get(attached.get(1).id()).isTrashed());

            media.restore(attached.get(1).id());
            List<MediaItem> back = media.list(s.id());
            assertEquals(3, back.size());
            assertEquals(attached.get(1).id(), back.get(2).id(), "a restored picture goes to the end");
        }
        try (Library lib = open()) {
            Story s = lib.stories().list(app.dispatch.domain.LibraryScope.ACTIVE, null).stream().findFirst()
                    .map(x -> lib.stories().get(x.id())).orElseThrow();
            assertEquals(3, lib.media().list(s.id()).size(), "everything survives a reopen");
        }
    }

    @Test
    void sameImageAttachedTwiceIsStoredOnce() throws Exception {
        byte[] bytes = jpeg(100, 100, 5);
        Path one = write(dir, "one.jpg", bytes);
        Path two = write(dir, "copy-of-one.jpg", bytes);
        try (Library lib = open()) {
            Story s = story(lib);
            Story other = story(lib);
            MediaItem x = lib.media().attach(s.id(), one).get(0);
            MediaItem y = lib.media().attach(s.id(), two).get(0);
            MediaItem z = lib.media().attach(other.id(), one).get(0);
            assertEquals(x.sha256(), y.sha256());
            assertEquals(x.sha256(), z.sha256());
            assertEquals(1, storedFiles());
            assertArrayEquals(bytes, Files.readAllBytes(lib.media().file(x.id())));

            lib.media().trash(x.id());
            lib.media().trash(y.id());
            lib.media().emptyTrash();
            assertEquals(1, storedFiles(), "still used by the other story");

            lib.media().trash(z.id());
            assertEquals(1, lib.media().emptyTrash());
            assertEquals(0, storedFiles(), "the last reference is gone, so is the file");
        }
    }

    @Test
    void emptyingStoryTrashThenMediaTrashRemovesTheFiles() throws Exception {
        try (Library lib = open()) {
            Story s = story(lib);
            lib.media().attach(s.id(), write(dir, "p.jpg", jpeg(50, 50, 8)));
            lib.stories().trash(s.id());
            lib.stories().emptyTrash();
            assertEquals(1, storedFiles());
            lib.media().emptyTrash();
            assertEquals(0, storedFiles());
        }
    }

    @Test
    void aBadFileAmongGoodOnesLeavesTheStoryUnchanged() throws Exception {
        byte[] good = jpeg(300, 200, 3);
        Path ok = write(dir, "ok.jpg", good);
        Path cut = write(dir, "cut.jpg", Arrays.copyOf(jpeg(400, 300, 4), 3000));
        Path empty = write(dir, "empty.jpg", new byte[0]);
        Path text = write(dir, "text.png", "not a picture".getBytes());
        Path bomb = write(dir, "bomb.png", app.dispatch.media.MediaSafetyTestAccess.pngDeclaring(20_000, 20_000));
        try (Library lib = open()) {
            Story s = story(lib);
            var before = lib.stories().get(s.id());
            for (Path bad : List.of(cut, empty, text, bomb)) {
                DispatchException e = assertThrows(DispatchException.class, () -> lib.media().attach(s.id(), ok, bad));
                assertTrue(e.getMessage().contains(bad.getFileName().toString()), e.getMessage());
                assertTrue(lib.media().list(s.id()).isEmpty());
                assertEquals(0, storedFiles(), "nothing half-written for " + bad);
            }
            assertEquals(before.updatedAt(), lib.stories().get(s.id()).updatedAt());
        }
    }

    @Test
    void exportCopyDropsGpsUnlessTheStoryKeepsLocation() throws Exception {
        byte[] withGps = withExif(jpeg(200, 100, 6), null, null, null, null, null, new double[] {69.2, 34.5}, "SN-42");
        try (Library lib = open()) {
            Story s = story(lib);
            MediaItem m = lib.media().attach(s.id(), write(dir, "gps.jpg", withGps)).get(0);
            byte[] stripped = lib.media().exportCopy(m.id());
            var gps = ImageMetadataReader.readMetadata(new ByteArrayInputStream(stripped)).getFirstDirectoryOfType(GpsDirectory.class);
            assertTrue(gps == null || gps.getGeoLocation() == null);
            assertArrayEquals(withGps, Files.readAllBytes(lib.media().file(m.id())), "the library keeps the original");
            lib.media().setKeepLocation(s.id(), true);
            assertArrayEquals(withGps, lib.media().exportCopy(m.id()));
        }
    }

    @Test
    void thumbnailsAreCachedUnderThumbs() throws Exception {
        try (Library lib = open()) {
            Story s = story(lib);
            MediaItem m = lib.media().attach(s.id(), write(dir, "big.jpg", jpeg(1600, 1200, 7))).get(0);
            byte[] t = lib.media().thumbnail(m.id(), 128);
            var img = javax.imageio.ImageIO.read(new ByteArrayInputStream(t));
            assertEquals(128, img.getWidth());
            assertTrue(Files.exists(dir.resolve("lib/thumbs").resolve(m.sha256().substring(0, 2)).resolve(m.sha256() + "-128.jpg")));
            assertArrayEquals(t, lib.media().thumbnail(m.id(), 128));
        }
    }
}
