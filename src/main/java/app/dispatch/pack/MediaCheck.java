package app.dispatch.pack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decides whether a picture staged from a package may enter the library. The media layer plugs in
 * its full check (decoder limits, metadata) here; {@link #BASIC} checks size, magic bytes against
 * the declared type, and the pixel count from the header without decoding the picture.
 */
@FunctionalInterface
public interface MediaCheck {
    long MAX_PIXELS = 100_000_000L;

    /** Throws PackageException with a clear message when the file must not be imported. */
    void check(String entryName, String declaredMimeType, Path stagedFile);

    MediaCheck BASIC = (name, mime, file) -> {
        try {
            long size = Files.size(file);
            if (size == 0 || size > PackageLimits.MAX_MEDIA_BYTES) {
                throw new PackageException(name + " is empty or larger than " + SafeZip.mb(PackageLimits.MAX_MEDIA_BYTES));
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(16);
            }
            String actual = sniff(head);
            if (actual == null) {
                throw new PackageException(name + " is not a JPEG, PNG, GIF, WebP or TIFF picture");
            }
            if (mime != null && !mime.isBlank() && !mime.equals(actual)) {
                throw new PackageException(name + " claims to be " + mime + " but is " + actual);
            }
            try (ImageInputStream iis = ImageIO.createImageInputStream(file.toFile())) {
                Iterator<ImageReader> readers = iis == null ? null : ImageIO.getImageReaders(iis);
                if (readers != null && readers.hasNext()) {
                    ImageReader r = readers.next();
                    try {
                        r.setInput(iis, true, true);
                        long pixels = (long) r.getWidth(0) * r.getHeight(0);
                        if (pixels <= 0 || pixels > MAX_PIXELS) {
                            throw new PackageException(name + " declares " + r.getWidth(0) + "×" + r.getHeight(0)
                                    + " pixels; the limit is " + MAX_PIXELS / 1_000_000 + " megapixels");
                        }
                    } finally {
                        r.dispose();
                    }
                }
            }
        } catch (IOException e) {
            throw new PackageException(name + " is not a readable picture: " + e.getMessage(), e);
        }
    };

    static String sniff(byte[] h) {
        if (h.length >= 3 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xD8 && (h[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (h.length >= 8 && (h[0] & 0xFF) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G') {
            return "image/png";
        }
        if (h.length >= 6 && h[0] == 'G' && h[1] == 'I' && h[2] == 'F' && h[3] == '8') {
            return "image/gif";
        }
        if (h.length >= 12 && h[0] == 'R' && h[1] == 'I' && h[2] == 'F' && h[3] == 'F' && h[8] == 'W' && h[9] == 'E' && h[10] == 'B' && h[11] == 'P') {
            return "image/webp";
        }
        if (h.length >= 4 && ((h[0] == 'I' && h[1] == 'I' && h[2] == 42 && h[3] == 0) || (h[0] == 'M' && h[1] == 'M' && h[2] == 0 && h[3] == 42))) {
            return "image/tiff";
        }
        return null;
    }
}
