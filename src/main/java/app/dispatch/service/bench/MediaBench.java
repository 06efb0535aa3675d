package app.dispatch.service.bench;

import app.dispatch.domain.MediaItem;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.service.Library;
import app.dispatch.service.MediaService;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * bench media: attaching 100 photos of about 5 MB, making thumbnails, and opening a story with 50
 * pictures (list = first paint with placeholders; all thumbnails read and decoded).
 */
final class MediaBench {
    private final Path dir;
    private final boolean quick;
    private final PrintWriter out;

    MediaBench(Path dir, boolean quick, PrintWriter out) {
        this.dir = dir;
        this.quick = quick;
        this.out = out;
    }

    void run() throws Exception {
        int photos = quick ? 12 : 100;
        int openCount = quick ? 10 : 50;
        out.println("bench media (" + (quick ? "quick" : "full") + ") in " + dir);
        Path src = Files.createDirectories(dir.resolve("photos"));
        List<byte[]> bases = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            bases.add(noisyJpeg(quick ? 1600 : 3800, quick ? 1200 : 2500, i));
        }
        List<Path> files = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < photos; i++) {
            byte[] b = withComment(bases.get(i % bases.size()), "photo " + i);
            Path p = src.resolve(String.format(Locale.ROOT, "photo-%03d.jpg", i));
            Files.write(p, b);
            files.add(p);
            total += b.length;
        }
        out.printf(Locale.ROOT, "made %d noisy JPEGs, %.1f MB each on average (%d×%d), in %.1f s%n", photos,
                total / (double) photos / 1048576, quick ? 1600 : 3800, quick ? 1200 : 2500, (System.nanoTime() - t0) / 1e9);
        try (Library lib = Library.open(dir.resolve("lib"))) {
            MediaService media = lib.media();
            Story s = lib.stories().create(StoryContent.blank("en").withHeadline("Bench pictures"));
            long[] attach = new long[photos];
            for (int i = 0; i < photos; i++) {
                long a = System.nanoTime();
                media.attach(s.id(), files.get(i));
                attach[i] = System.nanoTime() - a;
            }
            out.println("attach one ~5 MB photo          " + Benchmarks.stats(attach));

            List<MediaItem> items = media.list(s.id());
            int n = Math.min(20, items.size());
            long[] thumb = new long[n];
            for (int i = 0; i < n; i++) {
                long a = System.nanoTime();
                media.thumbnail(items.get(i), 320);
                thumb[i] = System.nanoTime() - a;
            }
            out.println("thumbnail 320 px, not cached    " + Benchmarks.stats(thumb));
            long[] cached = new long[n];
            for (int i = 0; i < n; i++) {
                long a = System.nanoTime();
                media.thumbnail(items.get(i), 320);
                cached[i] = System.nanoTime() - a;
            }
            out.println("thumbnail 320 px, cached        " + Benchmarks.stats(cached));

            Story fifty = lib.stories().create(StoryContent.blank("en").withHeadline("Fifty pictures"));
            for (int i = 0; i < openCount; i++) {
                media.attach(fifty.id(), files.get(i % files.size()));
            }
            int rounds = quick ? 5 : 10;
            long[] firstPaint = new long[rounds];
            long[] allThumbs = new long[rounds];
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int r = 0; r < rounds; r++) {
                    long a = System.nanoTime();
                    List<MediaItem> list = media.list(fifty.id());
                    firstPaint[r] = System.nanoTime() - a;
                    List<Future<BufferedImage>> loads = new ArrayList<>();
                    for (MediaItem m : list) {
                        loads.add(pool.submit(() -> ImageIO.read(new ByteArrayInputStream(media.thumbnail(m, MediaService.THUMB_SIZE)))));
                    }
                    for (Future<BufferedImage> f : loads) {
                        f.get();
                    }
                    allThumbs[r] = System.nanoTime() - a;
                }
                out.println("open " + openCount + "-picture story, list    " + Benchmarks.stats(firstPaint));
                out.println("open " + openCount + "-picture story, all thumbs " + Benchmarks.stats(allThumbs) + " (cached, decoded)");
                Benchmarks.deleteTree(lib.dataDir().resolve("thumbs"));
                long a = System.nanoTime();
                List<Future<BufferedImage>> loads = new ArrayList<>();
                for (MediaItem m : media.list(fifty.id())) {
                    loads.add(pool.submit(() -> ImageIO.read(new ByteArrayInputStream(media.thumbnail(m, MediaService.THUMB_SIZE)))));
                }
                for (Future<BufferedImage> f : loads) {
                    f.get();
                }
                out.printf(Locale.ROOT, "open %d-picture story, cold thumbnail cache (2 threads): %.0f ms%n", openCount,
                        (System.nanoTime() - a) / 1e6);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** A JPEG of random noise (it compresses badly, like a detailed photo at high quality). */
    private static byte[] noisyJpeg(int w, int h, long seed) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int base = (x * 255 / w) << 16 | (y * 255 / h) << 8 | 128;
                row[x] = base ^ (r.nextInt() & 0x3F3F3F);
            }
            img.setRGB(0, y, w, 1, row, 0, w);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream o = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(o);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.92f);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The same picture with a COM segment after SOI, so each file has its own SHA-256. */
    private static byte[] withComment(byte[] jpeg, String text) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        int len = t.length + 2;
        byte[] out = new byte[jpeg.length + 2 + len];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xD8;
        out[2] = (byte) 0xFF;
        out[3] = (byte) 0xFE;
        out[4] = (byte) (len >> 8);
        out[5] = (byte) len;
        System.arraycopy(t, 0, out, 6, t.length);
        System.arraycopy(jpeg, 2, out, 6 + t.length, jpeg.length - 2);
        return out;
    }
}
