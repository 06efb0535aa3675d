package app.dispatch.service;

import app.dispatch.domain.DispatchException;
import app.dispatch.domain.MediaItem;
import app.dispatch.domain.NotFoundException;
import app.dispatch.domain.Story;
import app.dispatch.media.EmbeddedMetadata;
import app.dispatch.media.ImageFormat;
import app.dispatch.media.ImageInfo;
import app.dispatch.media.ImageProbe;
import app.dispatch.media.LocationStripper;
import app.dispatch.media.MediaFiles;
import app.dispatch.media.MetadataReader;
import app.dispatch.media.Thumbnails;
import app.dispatch.store.MediaStore;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * Attaching pictures to stories and keeping their captions, credits and rights. A file is copied
 * into the content-addressed store and checked there before its row is committed; a bad file leaves
 * the story unchanged. Blocking: never call on the FX thread.
 */
public final class MediaService {
    public static final int MAX_CAPTION = 10_000;
    public static final int MAX_FIELD = 2_000;
    public static final int THUMB_SIZE = 256;
    private static final int CHECK_SIDE = 512;

    private final MediaStore store;
    private final StoryService stories;
    private final MediaFiles files;
    private final Path thumbs;
    /** Attaches hold the read side; collecting unreferenced files holds the write side. */
    private final ReentrantReadWriteLock filesLock = new ReentrantReadWriteLock();
    /** Files placed by an import whose rows are not committed yet: garbage collection leaves them alone. */
    private final java.util.concurrent.ConcurrentHashMap<String, Integer> pinned = new java.util.concurrent.ConcurrentHashMap<>();

    public MediaService(MediaStore store, StoryService stories, MediaFiles files, Path thumbs) {
        this.store = store;
        this.stories = stories;
        this.files = files;
        this.thumbs = thumbs;
    }

    public MediaFiles files() {
        return files;
    }

    /**
     * Attaches the files, in order, after the story's pictures. Every file is checked first: if any
     * is refused, nothing is attached and the message names that file.
     */
    public List<MediaItem> attach(UUID storyId, List<Path> paths) {
        Story story = stories.get(storyId);
        if (story.isTrashed()) {
            throw new DispatchException("the story is in the trash; restore it before attaching pictures");
        }
        if (paths.isEmpty()) {
            return List.of();
        }
        for (Path p : paths) {
            ImageProbe.probe(p);
        }
        List<Prepared> prepared = new ArrayList<>();
        filesLock.readLock().lock();
        try {
            Set<String> before = store.referencedFiles();
            try {
                for (Path p : paths) {
                    prepared.add(prepare(p));
                }
            } catch (RuntimeException e) {
                for (Prepared done : prepared) {
                    if (!before.contains(done.sha)) {
                        files.delete(done.sha);
                    }
                }
                throw e;
            }
            List<MediaItem> out = new ArrayList<>();
            for (Prepared p : prepared) {
                out.add(store.insertAtEnd(p.item(storyId), stories.now()));
            }
            return out;
        } finally {
            filesLock.readLock().unlock();
        }
    }

    public List<MediaItem> attach(UUID storyId, Path... paths) {
        return attach(storyId, List.of(paths));
    }

    private record Prepared(String sha, String fileName, ImageInfo info, EmbeddedMetadata md) {
        MediaItem item(UUID storyId) {
            List<String> keywords = md.keywords().stream().map(k -> k.replace('\n', ' ')).toList();
            return new MediaItem(UUID.randomUUID(), storyId, sha, fileName, info.format().mimeType(), info.width(),
                    info.height(), info.bytes(), 0, false, md.caption(), md.credit(), md.creator(), md.copyrightNotice(),
                    md.usageTerms(), md.altText(), md.dateTaken(), md.city(), md.country(), keywords, md.prefilled(),
                    null, null);
        }
    }

    /** Copies into the store, then checks the stored bytes (header, full decode) and reads metadata. */
    private Prepared prepare(Path source) {
        String name = safeFileName(source);
        String sha = files.put(source);
        Path stored = files.pathOf(sha);
        try {
            ImageInfo info = ImageProbe.probe(stored);
            var decoded = ImageProbe.decode(stored, info, CHECK_SIDE);
            EmbeddedMetadata md = MetadataReader.read(stored);
            writeThumb(sha, THUMB_SIZE, Thumbnails.jpeg(Thumbnails.orient(Thumbnails.fit(decoded, THUMB_SIZE), md.orientation())));
            return new Prepared(sha, name, info, md);
        } catch (DispatchException e) {
            if (!store.referencedFiles().contains(sha)) {
                files.delete(sha);
            }
            throw new DispatchException(e.getMessage().replace(sha, name), e);
        }
    }

    private static String safeFileName(Path p) {
        Path n = p.getFileName();
        String s = n == null ? "image" : MetadataReader.clean(n.toString()).replace('\n', ' ');
        return s.length() > 255 ? s.substring(0, 255) : s;
    }

    /** The story's pictures in order (not the trashed ones). */
    public List<MediaItem> list(UUID storyId) {
        return store.list(storyId, false);
    }

    /** The story's pictures including the trashed ones (those last). */
    public List<MediaItem> listWithTrash(UUID storyId) {
        List<MediaItem> all = new ArrayList<>(store.list(storyId, false));
        store.list(storyId, true).stream().filter(MediaItem::isTrashed).forEach(all::add);
        return all;
    }

    public MediaItem get(UUID mediaId) {
        return store.get(mediaId).orElseThrow(() -> new NotFoundException("no picture " + mediaId));
    }

    /** By full id or a unique prefix of at least 8 characters. */
    public MediaItem find(String idOrPrefix) {
        return store.find(idOrPrefix).orElseThrow(() -> new NotFoundException("no picture with id " + idOrPrefix));
    }

    public List<MediaItem> reorder(UUID storyId, List<UUID> order) {
        store.reorder(storyId, order, stories.now());
        return list(storyId);
    }

    public MediaItem setLead(UUID mediaId) {
        store.setLead(mediaId, stories.now());
        return get(mediaId);
    }

    /** Applies the edit; a field the user changes is no longer marked as coming from the file. */
    public MediaItem update(UUID mediaId, MediaEdit edit) {
        MediaItem m = get(mediaId);
        Set<String> prefilled = new LinkedHashSet<>(m.prefilled());
        String caption = field(edit.caption(), m.caption(), "caption", MAX_CAPTION, prefilled);
        String credit = field(edit.credit(), m.credit(), "credit", MAX_FIELD, prefilled);
        String creator = field(edit.creator(), m.creator(), "creator", MAX_FIELD, prefilled);
        String copyright = field(edit.copyrightNotice(), m.copyrightNotice(), "copyrightNotice", MAX_FIELD, prefilled);
        String usage = field(edit.usageTerms(), m.usageTerms(), "usageTerms", MAX_CAPTION, prefilled);
        String alt = field(edit.altText(), m.altText(), "altText", MAX_CAPTION, prefilled);
        String city = field(edit.city(), m.city(), "city", MAX_FIELD, prefilled);
        String country = field(edit.country(), m.country(), "country", MAX_FIELD, prefilled);
        List<String> keywords = m.keywords();
        if (edit.keywords() != null) {
            List<String> clean = edit.keywords().stream().map(k -> MetadataReader.clean(k).replace('\n', ' '))
                    .filter(k -> !k.isEmpty()).distinct().toList();
            if (!clean.equals(keywords)) {
                keywords = clean;
                prefilled.remove("keywords");
            }
        }
        MediaItem updated = new MediaItem(m.id(), m.storyId(), m.sha256(), m.fileName(), m.mimeType(), m.width(),
                m.height(), m.bytes(), m.position(), m.lead(), caption, credit, creator, copyright, usage, alt,
                m.dateTaken(), city, country, keywords, prefilled, m.createdAt(), m.trashedAt());
        if (!updated.equals(m)) {
            store.updateFields(updated, stories.now());
        }
        return updated;
    }

    private static String field(String edited, String current, String name, int max, Set<String> prefilled) {
        if (edited == null) {
            return current;
        }
        String v = MetadataReader.clean(edited);
        if (v.length() > max) {
            throw new DispatchException(name + " is too long: " + v.length() + " characters (the limit is " + max + ")");
        }
        if (!v.equals(current)) {
            prefilled.remove(name);
        }
        return v;
    }

    public MediaItem trash(UUID mediaId) {
        store.setTrashed(mediaId, true, stories.now());
        return get(mediaId);
    }

    public MediaItem restore(UUID mediaId) {
        store.setTrashed(mediaId, false, stories.now());
        return get(mediaId);
    }

    /** Deletes trashed pictures for good, then removes files nothing refers to any more. Returns pictures deleted. */
    public int emptyTrash() {
        int n = store.deleteTrashed();
        collectGarbage();
        return n;
    }

    /** A file an import placed in the store: {@code isNew} when the store did not hold that content before. */
    public record Placed(String sha256, boolean isNew) {
    }

    /**
     * Stores a staged file of an import (content-addressed: the same content is stored once) and pins
     * it, so {@link #collectGarbage} keeps it until {@link #unpin} although no committed row names it yet.
     */
    public Placed placeForImport(Path staged, String expectedSha) {
        pinned.merge(expectedSha, 1, Integer::sum);
        filesLock.readLock().lock();
        try {
            boolean had = files.contains(expectedSha);
            String sha = files.put(staged);
            if (!sha.equals(expectedSha)) {
                if (!store.referencedFiles().contains(sha) && !pinned.containsKey(sha)) {
                    files.delete(sha);
                }
                throw new DispatchException("a picture changed while it was imported; nothing was imported");
            }
            return new Placed(sha, !had);
        } catch (RuntimeException e) {
            unpin(expectedSha);
            throw e;
        } finally {
            filesLock.readLock().unlock();
        }
    }

    public void unpin(String sha) {
        pinned.computeIfPresent(sha, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Removes a file an import placed when no row names it and no other import holds it (the import failed). */
    public void discardImported(String sha) {
        filesLock.writeLock().lock();
        try {
            Integer holders = pinned.get(sha);
            if ((holders == null || holders <= 1) && !store.referencedFiles().contains(sha)) {
                files.delete(sha);
            }
        } finally {
            filesLock.writeLock().unlock();
        }
    }

    /** Removes stored files (and their thumbnails) that no media row names. Returns how many. */
    public int collectGarbage() {
        filesLock.writeLock().lock();
        try {
            Set<String> referenced = store.referencedFiles();
            Set<String> stored = new HashSet<>(files.all());
            stored.removeAll(referenced);
            stored.removeAll(pinned.keySet());
            for (String sha : stored) {
                files.delete(sha);
                deleteThumbs(sha);
            }
            files.cleanTemp();
            return stored.size();
        } finally {
            filesLock.writeLock().unlock();
        }
    }

    /** The original file as stored (never modify it). */
    public Path file(UUID mediaId) {
        return files.pathOf(get(mediaId).sha256());
    }

    /** An upright JPEG whose longer side is at most {@code size}; cached under thumbs/. */
    public byte[] thumbnail(UUID mediaId, int size) {
        return thumbnail(get(mediaId), size);
    }

    public byte[] thumbnail(MediaItem m, int size) {
        int s = Math.max(16, Math.min(4096, size));
        Path cached = thumbPath(m.sha256(), s);
        try {
            if (Files.isRegularFile(cached)) {
                return Files.readAllBytes(cached);
            }
        } catch (IOException e) {
            // make it again
        }
        Path stored = files.pathOf(m.sha256());
        if (!Files.isRegularFile(stored)) {
            throw new DispatchException("the file of picture " + m.fileName() + " is missing from the library");
        }
        ImageInfo info = ImageProbe.probe(stored);
        int orientation = MetadataReader.read(stored).orientation();
        byte[] jpeg = Thumbnails.thumbnail(stored, info, orientation, s);
        writeThumb(m.sha256(), s, jpeg);
        return jpeg;
    }

    /** A copy for export: without GPS and camera serials unless the story keeps location. */
    public byte[] exportCopy(UUID mediaId, boolean keepLocation) {
        MediaItem m = get(mediaId);
        Path stored = files.pathOf(m.sha256());
        try {
            if (keepLocation) {
                return Files.readAllBytes(stored);
            }
        } catch (IOException e) {
            throw new DispatchException("cannot read picture " + m.fileName() + ": " + e.getMessage(), e);
        }
        ImageFormat format = ImageFormat.fromMimeType(m.mimeType());
        if (format == null) {
            throw new DispatchException("unknown picture type " + m.mimeType());
        }
        return LocationStripper.strip(stored, format);
    }

    /** A copy for export following the story's keep-location setting (default: location removed). */
    public byte[] exportCopy(UUID mediaId) {
        MediaItem m = get(mediaId);
        return exportCopy(mediaId, stories.get(m.storyId()).keepLocation());
    }

    /** Writes {@link #exportCopy(UUID)} to {@code target} (temp file, then rename). */
    public Path exportCopy(UUID mediaId, Path target) {
        byte[] bytes = exportCopy(mediaId);
        writeAtomically(target, bytes);
        return target;
    }

    public void setKeepLocation(UUID storyId, boolean keep) {
        stories.get(storyId);
        stories.store().setKeepLocation(storyId, keep);
    }

    private Path thumbPath(String sha, int size) {
        return thumbs.resolve(sha.substring(0, 2)).resolve(sha + "-" + size + ".jpg");
    }

    private void writeThumb(String sha, int size, byte[] jpeg) {
        try {
            writeAtomically(thumbPath(sha, size), jpeg);
        } catch (DispatchException e) {
            // a cache: failing to write it only costs time later
        }
    }

    private void deleteThumbs(String sha) {
        Path dir = thumbs.resolve(sha.substring(0, 2));
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(p -> p.getFileName().toString().startsWith(sha + "-")).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // cache only
        }
    }

    private static void writeAtomically(Path target, byte[] bytes) {
        Path tmp = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
            throw new DispatchException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
