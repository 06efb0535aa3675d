package app.dispatch.service.bench;

import app.dispatch.domain.Dateline;
import app.dispatch.domain.ExportOptions;
import app.dispatch.domain.MediaItem;
import app.dispatch.domain.RevisionKind;
import app.dispatch.domain.Story;
import app.dispatch.domain.StoryContent;
import app.dispatch.service.Library;
import app.dispatch.service.PackageService;
import app.dispatch.store.Database;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * bench export: one story with 40 photos of 5 MB exported, against `zip -0 -r` of the same files
 * in the same run; importing that package; exporting 1,000 text-only stories in one batch.
 */
final class ExportBench {
    private final Path dir;
    private final boolean quick;
    private final PrintWriter out;

    ExportBench(Path dir, boolean quick, PrintWriter out) {
        this.dir = dir;
        this.quick = quick;
        this.out = out;
    }

    void run() throws Exception {
        int photos = quick ? 8 : 40;
        int photoBytes = 5 * 1024 * 1024;
        int runs = quick ? 2 : 5;
        out.println("bench export (" + (quick ? "quick" : "full") + ") in " + dir);
        Path files = Files.createDirectories(dir.resolve("photos"));
        FolderMedia media = new FolderMedia(files);
        Path pkg = dir.resolve("story.zip");
        try (Library lib = Library.open(dir.resolve("lib"))) {
            lib.packages().useMedia(media);
            Story s = lib.stories().create(content(0, new Random(1)));
            lib.stories().snapshot(s.id(), RevisionKind.SNAPSHOT, "ready");
            Random rnd = new Random(7);
            for (int i = 0; i < photos; i++) {
                byte[] jpeg = paddedJpeg(photoBytes, rnd);
                Path f = files.resolve(String.format("photo%02d.jpg", i));
                Files.write(f, jpeg);
                media.add(new MediaItem(UUID.randomUUID(), s.id(), sha256(jpeg), f.getFileName().toString(), "image/jpeg", 64, 48,
                        jpeg.length, i, i == 0, "Caption " + i, "Reuters", "A. Photographer", "© 2026", "Editorial use only",
                        "Alt " + i, null, "Kabul", "Afghanistan", List.of(), Set.of(), lib.stories().now(), null), f);
            }
            out.printf("%d photos of %.1f MB, %.0f MB in all%n", photos, photoBytes / 1048576.0, photos * (double) photoBytes / 1048576.0);
            long[] export = new long[runs];
            long[] zip = new long[runs];
            long[] zipSynced = new long[runs];
            boolean haveZip = hasZip();
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                lib.packages().export(List.of(s.id()), pkg, ExportOptions.DEFAULTS.withForce(true));
                export[r] = System.nanoTime() - t0;
                if (haveZip) {
                    Path z = dir.resolve("zip0.zip");
                    Files.deleteIfExists(z);
                    long t1 = System.nanoTime();
                    Process p = new ProcessBuilder("zip", "-0", "-r", "-q", z.toString(), "photos").directory(dir.toFile())
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                        throw new IOException("zip failed");
                    }
                    zip[r] = System.nanoTime() - t1;
                    long t2 = System.nanoTime();
                    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(z, java.nio.file.StandardOpenOption.WRITE)) {
                        ch.force(true);
                    }
                    zipSynced[r] = zip[r] + System.nanoTime() - t2;
                }
            }
            out.println("export story package          " + Benchmarks.stats(export) + "   (" + Files.size(pkg) / 1048576 + " MB)");
            if (haveZip) {
                out.println("zip -0 -r of the same photos  " + Benchmarks.stats(zip));
                out.println("zip -0 -r, then fsync the zip " + Benchmarks.stats(zipSynced));
                out.printf("ratio export / zip -0 (median) %.2f×  (target ≤ 1.3×; the export also fsyncs)%n", median(export) / median(zip));
                out.printf("ratio export / (zip -0 + fsync) %.2f×%n", median(export) / median(zipSynced));
            } else {
                out.println("zip -0 -r: `zip` not found on PATH, no comparison");
            }
            long[] importing = new long[runs];
            for (int r = 0; r < runs; r++) {
                try (Library empty = Library.open(dir.resolve("import" + r))) {
                    FolderMedia target = new FolderMedia(Files.createDirectories(dir.resolve("imported" + r)));
                    empty.packages().useMedia(target);
                    long t0 = System.nanoTime();
                    empty.packages().importFile(pkg, PackageService.OnConflict.ASK, "en");
                    importing[r] = System.nanoTime() - t0;
                }
                Benchmarks.deleteTree(dir.resolve("imported" + r));
            }
            out.println("import that package           " + Benchmarks.stats(importing));
        }
        Benchmarks.deleteTree(files);
        int count = quick ? 200 : 1_000;
        try (Library lib = Library.open(dir.resolve("many"))) {
            Random rnd = new Random(3);
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add(lib.stories().create(content(i, rnd)).id());
            }
            Path folder = Files.createDirectories(dir.resolve("many-out"));
            long t0 = System.nanoTime();
            lib.packages().export(ids, folder, ExportOptions.DEFAULTS.withForce(true));
            long took = System.nanoTime() - t0;
            out.printf("export %,d text-only stories  %.1f s   %.0f stories/s%n", count, took / 1e9, count / (took / 1e9));
        }
    }

    private static double median(long[] nanos) {
        long[] s = nanos.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    private static boolean hasZip() {
        try {
            Process p = new ProcessBuilder("zip", "-v").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static StoryContent content(int i, Random rnd) {
        return new StoryContent("bench-" + i, "Headline number " + i, "A standfirst", List.of("Reporter " + (i % 17)),
                new Dateline("Kabul", LocalDate.of(2026, 1, 1)), StoreBench.longBody(600 + rnd.nextInt(600), rnd),
                List.of("politics"), "World", "en", 5, null, "");
    }

    /** A real small JPEG padded with random APP15 segments to {@code size} bytes: incompressible, like a photo. */
    static byte[] paddedJpeg(int size, Random rnd) throws IOException {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream base = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", base);
        byte[] jpeg = base.toByteArray();
        ByteArrayOutputStream o = new ByteArrayOutputStream(size + 70_000);
        o.write(jpeg, 0, 2);
        byte[] chunk = new byte[65_533];
        while (o.size() + jpeg.length - 2 + 4 < size) {
            int len = Math.min(chunk.length, size - (o.size() + jpeg.length - 2) - 4);
            if (len <= 0) {
                break;
            }
            rnd.nextBytes(chunk);
            o.write(0xFF);
            o.write(0xEF);
            o.write(((len + 2) >> 8) & 0xFF);
            o.write((len + 2) & 0xFF);
            o.write(chunk, 0, len);
        }
        o.write(jpeg, 2, jpeg.length - 2);
        return o.toByteArray();
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** Pictures as files in a folder: what the media store will look like to export. */
    static final class FolderMedia implements PackageService.Media {
        private final Path folder;
        private final Map<UUID, List<MediaItem>> items = new ConcurrentHashMap<>();
        private final Map<UUID, Path> files = new ConcurrentHashMap<>();

        FolderMedia(Path folder) {
            this.folder = folder;
        }

        void add(MediaItem m, Path file) {
            items.computeIfAbsent(m.storyId(), k -> new ArrayList<>()).add(m);
            files.put(m.id(), file);
        }

        @Override
        public List<MediaItem> mediaOf(UUID storyId) {
            return List.copyOf(items.getOrDefault(storyId, List.of()));
        }

        @Override
        public InputStream openExportCopy(MediaItem item, boolean keepLocation) throws IOException {
            return Files.newInputStream(files.get(item.id()));
        }

        @Override
        public Staged importPictures(UUID storyId, List<MediaItem> pictures, Map<UUID, Path> staged) {
            List<Path> placed = new ArrayList<>();
            try {
                for (MediaItem m : pictures) {
                    Path f = folder.resolve(m.sha256());
                    Files.move(staged.get(m.id()), f, StandardCopyOption.REPLACE_EXISTING);
                    placed.add(f);
                }
            } catch (IOException e) {
                throw new app.dispatch.domain.DispatchException("cannot place pictures: " + e.getMessage(), e);
            }
            return new Staged() {
                @Override
                public Database.Work<?> rows() {
                    return c -> {
                        for (int i = 0; i < pictures.size(); i++) {
                            add(pictures.get(i), placed.get(i));
                        }
                        return null;
                    };
                }

                @Override
                public void undo() {
                    placed.forEach(p -> p.toFile().delete());
                }
            };
        }
    }
}
