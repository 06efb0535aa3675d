package app.dispatch.media;

import app.dispatch.domain.DispatchException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Untrusted pictures: the size limits are checked from the header before any pixel is decoded,
 * and a decode that warns (truncated, corrupt) is a failure. Every refusal is one clear line.
 */
public final class ImageProbe {
    public static final long MAX_BYTES = 200L * 1024 * 1024;
    public static final long MAX_PIXELS = 150_000_000L;

    static {
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins();
    }

    private ImageProbe() {
    }

    /** Reads format and dimensions from the header only; refuses empty, huge and foreign files. */
    public static ImageInfo probe(Path file) {
        String name = displayName(file);
        long size;
        try {
            if (Files.isDirectory(file)) {
                throw new DispatchException(name + " is a folder, not an image");
            }
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new DispatchException("no such file: " + file);
        } catch (IOException e) {
            throw new DispatchException("cannot read " + name + ": " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new DispatchException(name + " is empty (0 bytes), not an image");
        }
        if (size > MAX_BYTES) {
            throw new DispatchException(String.format(Locale.ROOT, "%s is too large: %.0f MB (the limit is %d MB)",
                    name, size / 1048576.0, MAX_BYTES / 1048576));
        }
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new DispatchException("cannot read " + name + ": " + e.getMessage(), e);
        }
        ImageFormat format = ImageFormat.detect(java.util.Arrays.copyOf(head, n));
        if (format == null) {
            throw new DispatchException(name + " is not an image Dispatch can use (JPEG, PNG, GIF, TIFF or WebP)");
        }
        int width;
        int height;
        ImageReader reader = reader(format, name);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw damaged(name, format, e);
        } finally {
            reader.dispose();
        }
        if (width <= 0 || height <= 0) {
            throw damaged(name, format, null);
        }
        ImageInfo info = new ImageInfo(format, width, height, size);
        if (info.pixels() > MAX_PIXELS) {
            throw new DispatchException(String.format(Locale.ROOT,
                    "%s is too large: %,d × %,d pixels is %.0f megapixels (the limit is %d)",
                    name, width, height, info.pixels() / 1e6, MAX_PIXELS / 1_000_000));
        }
        return info;
    }

    /**
     * Decodes the first frame, subsampled so that its longer side is at least {@code minSide}
     * (or full size when {@code minSide} is 0). Any decoder warning counts as damage.
     */
    public static BufferedImage decode(Path file, ImageInfo info, int minSide) {
        String name = displayName(file);
        ImageReader reader = reader(info.format(), name);
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener(new IIOReadWarningListener() {
                @Override
                public void warningOccurred(ImageReader source, String warning) {
                    warnings.add(warning);
                }
            });
            ImageReadParam param = reader.getDefaultReadParam();
            int longSide = Math.max(info.width(), info.height());
            int step = minSide <= 0 ? 1 : Math.max(1, longSide / minSide);
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            if (!warnings.isEmpty()) {
                throw new DispatchException(name + " is damaged or truncated (" + warnings.get(0) + ")");
            }
            return image;
        } catch (DispatchException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw damaged(name, info.format(), e);
        } catch (OutOfMemoryError e) {
            throw new DispatchException(name + " is too large to open in the memory available");
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader reader(ImageFormat format, String name) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName());
        if (!readers.hasNext()) {
            throw new DispatchException("cannot read " + name + ": no " + format + " decoder is installed");
        }
        return readers.next();
    }

    private static DispatchException damaged(String name, ImageFormat format, Exception cause) {
        String detail = cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")";
        return new DispatchException(name + " is damaged or truncated: not a readable " + format + " image" + detail, cause);
    }

    static String displayName(Path file) {
        Path n = file.getFileName();
        return n == null ? file.toString() : n.toString();
    }
}
