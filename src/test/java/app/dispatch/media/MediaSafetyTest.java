package app.dispatch.media;

import static app.dispatch.media.MediaTestImages.jpeg;
import static app.dispatch.media.MediaTestImages.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.DispatchException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaSafetyTest {
    @TempDir
    Path dir;

    /** A PNG header that declares w × h pixels, followed by a tiny IDAT and IEND. */
    static byte[] pngDeclaring(int w, int h) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(w);
        d.writeInt(h);
        d.write(new byte[] {8, 2, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws Exception {
        out.writeInt(data.length);
        byte[] t = type.getBytes("ISO-8859-1");
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    private String refusal(Path file) {
        DispatchException e = assertThrows(DispatchException.class, () -> {
            ImageInfo info = ImageProbe.probe(file);
            ImageProbe.decode(file, info, 256);
        });
        assertTrue(e.getMessage().startsWith(file.getFileName().toString()), e.getMessage());
        return e.getMessage();
    }

    @Test
    void zeroByteFileIsRefusedAsEmpty() throws Exception {
        assertTrue(refusal(write(dir, "empty.jpg", new byte[0])).contains("empty"));
    }

    @Test
    void textFileIsRefusedAsNotAnImage() throws Exception {
        assertTrue(refusal(write(dir, "notes.jpg", "hello, this is text".getBytes())).contains("not an image"));
    }

    @Test
    void truncatedJpegIsRefusedAsDamaged() throws Exception {
        byte[] full = jpeg(400, 300, 9);
        assertTrue(refusal(write(dir, "cut.jpg", Arrays.copyOf(full, full.length / 2))).contains("damaged"));
    }

    @Test
    void jpegCutInsideItsHeaderIsRefusedAsDamaged() throws Exception {
        assertTrue(refusal(write(dir, "head.jpg", Arrays.copyOf(jpeg(400, 300, 9), 40))).contains("damaged"));
    }

    @Test
    void corruptPngIsRefusedAsDamaged() throws Exception {
        byte[] png = MediaTestImages.png(50, 50);
        for (int i = 40; i < png.length - 12; i++) {
            png[i] ^= 0x5A;
        }
        assertTrue(refusal(write(dir, "corrupt.png", png)).contains("damaged"));
    }

    @Test
    void pngDeclaring20000By20000IsRefusedBeforeDecoding() throws Exception {
        String msg = refusal(write(dir, "bomb.png", pngDeclaring(20_000, 20_000)));
        assertTrue(msg.contains("too large") && msg.contains("400 megapixels") && msg.contains("150"), msg);
    }

    @Test
    void fileOver200MegabytesIsRefusedBySize() throws Exception {
        Path big = dir.resolve("huge.jpg");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.write(jpeg(10, 10, 1));
            f.setLength(ImageProbe.MAX_BYTES + 1);
        }
        String msg = refusal(big);
        assertTrue(msg.contains("too large") && msg.contains("200 MB"), msg);
    }

    @Test
    void missingFileIsRefused() {
        Path nowhere = dir.resolve("nowhere.jpg");
        DispatchException e = assertThrows(DispatchException.class, () -> ImageProbe.probe(nowhere));
        assertTrue(e.getMessage().contains("no such file"));
    }

    @Test
    void goodJpegIsProbedFromItsHeader() throws Exception {
        ImageInfo info = ImageProbe.probe(write(dir, "ok.jpg", jpeg(400, 300, 9)));
        assertEquals(ImageFormat.JPEG, info.format());
        assertEquals(400, info.width());
        assertEquals(300, info.height());
    }

    @Test
    void gifTiffAndWebpHeadersAreRecognised() throws Exception {
        var img = new java.awt.image.BufferedImage(30, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (String f : new String[] {"gif", "tiff"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertTrue(javax.imageio.ImageIO.write(img, f, out));
            Path p = write(dir, "x." + f, out.toByteArray());
            ImageInfo info = ImageProbe.probe(p);
            assertEquals(30, info.width());
            ImageProbe.decode(p, info, 0);
        }
        byte[] webpHead = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '};
        assertEquals(ImageFormat.WEBP, ImageFormat.detect(webpHead));
    }
}
