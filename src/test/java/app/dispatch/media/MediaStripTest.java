package app.dispatch.media;

import static app.dispatch.media.MediaTestImages.alt;
import static app.dispatch.media.MediaTestImages.jpeg;
import static app.dispatch.media.MediaTestImages.withExif;
import static app.dispatch.media.MediaTestImages.withXmp;
import static app.dispatch.media.MediaTestImages.write;
import static app.dispatch.media.MediaTestImages.xmp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaStripTest {
    @TempDir
    Path dir;

    /** The entropy-coded picture data: from the first SOS marker to the end. */
    static byte[] scanData(byte[] jpeg) {
        for (int i = 2; i < jpeg.length - 1; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
                return Arrays.copyOfRange(jpeg, i, jpeg.length);
            }
        }
        throw new AssertionError("no SOS marker");
    }

    private static boolean contains(byte[] hay, String needle) {
        return new String(hay, StandardCharsets.ISO_8859_1).contains(needle);
    }

    @Test
    void gpsAndSerialsAreRemovedAndPictureBytesAreIdentical() throws Exception {
        byte[] original = withExif(jpeg(320, 240, 7), "Caption stays", null, "(c) Someone", "2024:01:02 03:04:05", 6,
                new double[] {51.4231, 35.6997}, "SN-8675309");
        original = withXmp(original, xmp(alt("dc:description", "Caption stays")
                + "<exif:GPSLatitude>35,41.982N</exif:GPSLatitude><exif:GPSLongitude>51,25.386E</exif:GPSLongitude>"
                + "<aux:SerialNumber>SN-8675309</aux:SerialNumber>"));
        Path file = write(dir, "gps.jpg", original);
        Metadata before = ImageMetadataReader.readMetadata(file.toFile());
        assertNotNull(before.getFirstDirectoryOfType(GpsDirectory.class));
        assertTrue(contains(original, "SN-8675309"));

        byte[] stripped = LocationStripper.strip(file, ImageFormat.JPEG);

        assertArrayEquals(scanData(original), scanData(stripped));
        Metadata after = ImageMetadataReader.readMetadata(new ByteArrayInputStream(stripped));
        GpsDirectory gps = after.getFirstDirectoryOfType(GpsDirectory.class);
        assertTrue(gps == null || gps.getGeoLocation() == null);
        assertFalse(contains(stripped, "SN-8675309"), "serial number left in the copy");
        assertFalse(contains(stripped, "GPSLatitude"), "XMP GPS left in the copy");
        assertFalse(contains(stripped, "GPSLongitude"));
        ExifSubIFDDirectory sub = after.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        assertNull(sub.getString(ExifSubIFDDirectory.TAG_BODY_SERIAL_NUMBER));
        assertEquals("2024:01:02 03:04:05", sub.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL));
        ExifIFD0Directory ifd0 = after.getFirstDirectoryOfType(ExifIFD0Directory.class);
        assertEquals("Caption stays", ifd0.getString(ExifIFD0Directory.TAG_IMAGE_DESCRIPTION));
        assertEquals(6, ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION));
        assertEquals("Caption stays", MetadataReader.read(write(dir, "copy.jpg", stripped)).caption());
        assertArrayEquals(original, Files.readAllBytes(file), "the original must be untouched");
    }

    @Test
    void jpegWithoutMetadataComesBackIdentical() throws Exception {
        byte[] plain = jpeg(100, 80, 3);
        assertArrayEquals(plain, LocationStripper.strip(write(dir, "plain.jpg", plain), ImageFormat.JPEG));
    }

    @Test
    void pngLosesExifChunkAndKeepsImageData() throws Exception {
        byte[] png = MediaTestImages.png(20, 10);
        // insert an eXIf chunk after IHDR (8 + 25 bytes)
        byte[] exif = {0, 0, 0, 4, 'e', 'X', 'I', 'f', 'M', 'M', 0, 42, 0, 0, 0, 0};
        byte[] withExif = new byte[png.length + exif.length];
        System.arraycopy(png, 0, withExif, 0, 33);
        System.arraycopy(exif, 0, withExif, 33, exif.length);
        System.arraycopy(png, 33, withExif, 33 + exif.length, png.length - 33);
        byte[] out = LocationStripper.strip(write(dir, "x.png", withExif), ImageFormat.PNG);
        assertArrayEquals(png, out);
    }

    @Test
    void thumbnailHonoursExifOrientation() throws Exception {
        // stored 200 × 100, left red / right blue; orientation 6 = rotate 90° clockwise → 100 × 200, top red
        Path file = write(dir, "rot.jpg", withExif(jpeg(200, 100, 1), null, null, null, null, 6, null, null));
        ImageInfo info = ImageProbe.probe(file);
        EmbeddedMetadata md = MetadataReader.read(file);
        byte[] thumb = Thumbnails.thumbnail(file, info, md.orientation(), 64);
        BufferedImage t = javax.imageio.ImageIO.read(new ByteArrayInputStream(thumb));
        assertEquals(32, t.getWidth());
        assertEquals(64, t.getHeight());
        int top = t.getRGB(16, 4);
        int bottom = t.getRGB(16, 60);
        assertTrue(((top >> 16) & 0xFF) > 180 && (top & 0xFF) < 80, "top should be red");
        assertTrue((bottom & 0xFF) > 180 && ((bottom >> 16) & 0xFF) < 80, "bottom should be blue");
    }

    @Test
    void gifLosesItsXmpExtensionAndKeepsEverythingElse() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_INDEXED), "gif", out);
        byte[] gif = out.toByteArray();
        int flags = gif[10] & 0xFF;
        int at = 13 + ((flags & 0x80) != 0 ? 3 * (1 << ((flags & 7) + 1)) : 0);
        byte[] xmpExt = concat(new byte[] {0x21, (byte) 0xFF, 11}, "XMP DataXMP".getBytes(StandardCharsets.ISO_8859_1),
                new byte[] {5, 'G', 'P', 'S', '!', '!', 0});
        byte[] withXmp = concat(Arrays.copyOfRange(gif, 0, at), xmpExt, Arrays.copyOfRange(gif, at, gif.length));
        assertArrayEquals(gif, LocationStripper.strip(write(dir, "x.gif", withXmp), ImageFormat.GIF));
    }

    @Test
    void webpLosesExifAndXmpChunksAndTheirFlags() throws Exception {
        byte[] vp8x = {'V', 'P', '8', 'X', 10, 0, 0, 0, 0x0C, 0, 0, 0, 7, 0, 0, 7, 0, 0};
        byte[] exif = {'E', 'X', 'I', 'F', 3, 0, 0, 0, 'G', 'P', 'S', 0};
        byte[] image = {'V', 'P', '8', 'L', 4, 0, 0, 0, 1, 2, 3, 4};
        byte[] xmpChunk = {'X', 'M', 'P', ' ', 2, 0, 0, 0, 'x', 'y'};
        byte[] body = concat("WEBP".getBytes(StandardCharsets.ISO_8859_1), vp8x, exif, image, xmpChunk);
        byte[] file = concat("RIFF".getBytes(StandardCharsets.ISO_8859_1), le(body.length), body);
        byte[] out = LocationStripper.strip(write(dir, "x.webp", file), ImageFormat.WEBP);
        byte[] vp8xClean = vp8x.clone();
        vp8xClean[8] = 0;
        byte[] expectedBody = concat("WEBP".getBytes(StandardCharsets.ISO_8859_1), vp8xClean, image);
        assertArrayEquals(concat("RIFF".getBytes(StandardCharsets.ISO_8859_1), le(expectedBody.length), expectedBody), out);
    }

    private static byte[] le(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
