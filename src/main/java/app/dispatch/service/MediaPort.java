package app.dispatch.service;

import app.dispatch.domain.DispatchException;
import app.dispatch.domain.MediaItem;
import app.dispatch.media.ImageInfo;
import app.dispatch.media.ImageProbe;
import app.dispatch.media.MetadataReader;
import app.dispatch.pack.MediaCheck;
import app.dispatch.pack.PackageException;
import app.dispatch.store.Database;
import app.dispatch.store.MediaStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The packages feature's view of the real media store: exports get the location-stripped copy,
 * and a picture from a package passes the same header-and-decode check as an attached one before
 * it is stored content-addressed; its row is committed only with the rest of the import.
 */
public final class MediaPort implements PackageService.Media {
    /** A decode subsampled to this side proves the whole picture is readable without decoding every pixel. */
    private static final int CHECK_SIDE = 512;

    private final MediaService media;
    private final MediaStore store;
    private final StoryService stories;

    public MediaPort(MediaService media, MediaStore store, StoryService stories) {
        this.media = media;
        this.store = store;
        this.stories = stories;
    }

    @Override
    public List<MediaItem> mediaOf(UUID storyId) {
        return media.list(storyId);
    }

    @Override
    public Set<UUID> idsOf(UUID storyId) {
        Set<UUID> ids = new HashSet<>();
        media.listWithTrash(storyId).forEach(m -> ids.add(m.id()));
        return ids;
    }

    /**
     * The package's caption for each of the story's pictures it also has (cleaned and checked like an
     * imported picture's), and the dropped pictures to the trash; the local captions are kept by the
     * "local version before import" revision when they differed (decision 0812).
     */
    @Override
    public Database.Work<?> syncKnownPictures(UUID storyId, List<MediaItem> packaged, Set<UUID> dropped) {
        Map<UUID, MediaItem> here = new HashMap<>();
        media.list(storyId).forEach(m -> here.put(m.id(), m));
        Map<UUID, String> captions = new HashMap<>();
        Set<UUID> prefilled = new HashSet<>();
        for (MediaItem m : packaged) {
            MediaItem local = here.get(m.id());
            if (local == null) {
                continue;
            }
            // every known picture's caption goes in: the store compares inside the transaction
            captions.put(m.id(), text(local.fileName(), "caption", m.caption(), MediaService.MAX_CAPTION));
            if (m.prefilled().contains("caption")) {
                prefilled.add(m.id());
            }
        }
        Set<UUID> trash = new HashSet<>(dropped);
        trash.retainAll(here.keySet());
        if (captions.isEmpty() && trash.isEmpty()) {
            return null;
        }
        return store.syncFromPackage(storyId, captions, prefilled, trash, stories.now());
    }

    @Override
    public InputStream openExportCopy(MediaItem item, boolean keepLocation) throws IOException {
        if (keepLocation) {
            Path stored = media.files().pathOf(item.sha256());
            if (!Files.isRegularFile(stored)) {
                throw new IOException("the file of picture " + item.fileName() + " is missing from the library");
            }
            return Files.newInputStream(stored);
        }
        return new ByteArrayInputStream(media.exportCopy(item.id(), false));
    }

    /** Without location the copy differs from the stored file, so the package describes the copy (stripping is deterministic). */
    @Override
    public MediaItem asExported(MediaItem item, boolean keepLocation) {
        if (keepLocation) {
            return item;
        }
        byte[] copy = media.exportCopy(item.id(), false);
        return new MediaItem(item.id(), item.storyId(), sha256(copy), item.fileName(), item.mimeType(), item.width(), item.height(),
                copy.length, item.position(), item.lead(), item.caption(), item.credit(), item.creator(), item.copyrightNotice(),
                item.usageTerms(), item.altText(), item.dateTaken(), item.city(), item.country(), item.keywords(), item.prefilled(),
                item.createdAt(), item.trashedAt());
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public MediaCheck importCheck() {
        return MediaPort::check;
    }

    /** The basic checks (size, type against the declared one, pixel count), then the media layer's full probe and decode. */
    static void check(String entryName, String declaredMimeType, Path staged) {
        MediaCheck.BASIC.check(entryName, declaredMimeType, staged);
        String stagedName = staged.getFileName().toString();
        try {
            ImageInfo info = ImageProbe.probe(staged);
            ImageProbe.decode(staged, info, CHECK_SIDE);
            MetadataReader.read(staged);
        } catch (DispatchException e) {
            String msg = e.getMessage() == null ? "not a readable picture" : e.getMessage().replace(staged.toString(), entryName)
                    .replace(stagedName, entryName);
            throw new PackageException(msg.startsWith(entryName) ? msg : entryName + ": " + msg, e);
        }
    }

    @Override
    public Staged importPictures(UUID storyId, List<MediaItem> items, Map<UUID, Path> stagedFiles) {
        if (items.isEmpty()) {
            return null;
        }
        List<MediaService.Placed> placed = new ArrayList<>();
        List<MediaItem> rows = new ArrayList<>();
        try {
            for (MediaItem m : items) {
                Path file = stagedFiles.get(m.id());
                if (file == null) {
                    throw new PackageException("picture " + m.fileName() + " is described but its file was not staged");
                }
                ImageInfo info = ImageProbe.probe(file);
                MediaService.Placed p = media.placeForImport(file, m.sha256());
                placed.add(p);
                rows.add(row(m, storyId, p.sha256(), info));
            }
        } catch (RuntimeException e) {
            releasePlaced(placed, true);
            throw e;
        }
        Database.Work<Void> work = store.importRows(storyId, rows, stories.now());
        return new Staged() {
            private boolean done;

            @Override
            public Database.Work<?> rows() {
                return work;
            }

            @Override
            public synchronized void undo() {
                if (!done) {
                    done = true;
                    releasePlaced(placed, true);
                }
            }

            @Override
            public synchronized void release() {
                if (!done) {
                    done = true;
                    releasePlaced(placed, false);
                }
            }
        };
    }

    private void releasePlaced(List<MediaService.Placed> placed, boolean discardNew) {
        for (MediaService.Placed p : placed) {
            try {
                if (discardNew && p.isNew()) {
                    media.discardImported(p.sha256());
                }
            } catch (DispatchException ignored) {
                // a leftover file is removed by the next garbage collection
            } finally {
                media.unpin(p.sha256());
            }
        }
    }

    /** The row as stored: type and size from the file itself, text fields cleaned and within the media limits. */
    private static MediaItem row(MediaItem m, UUID storyId, String sha, ImageInfo info) {
        String name = MetadataReader.clean(m.fileName()).replace('\n', ' ');
        if (name.isEmpty()) {
            name = "image." + info.format().extension();
        }
        if (name.length() > 255) {
            name = name.substring(0, 255);
        }
        String label = name;
        return new MediaItem(m.id(), storyId, sha, name, info.format().mimeType(), info.width(), info.height(), info.bytes(),
                m.position(), m.lead(), text(label, "caption", m.caption(), MediaService.MAX_CAPTION),
                text(label, "credit", m.credit(), MediaService.MAX_FIELD), text(label, "creator", m.creator(), MediaService.MAX_FIELD),
                text(label, "copyright notice", m.copyrightNotice(), MediaService.MAX_FIELD),
                text(label, "usage terms", m.usageTerms(), MediaService.MAX_CAPTION),
                text(label, "alt text", m.altText(), MediaService.MAX_CAPTION), m.dateTaken(),
                text(label, "city", m.city(), MediaService.MAX_FIELD), text(label, "country", m.country(), MediaService.MAX_FIELD),
                m.keywords().stream().map(k -> MetadataReader.clean(k).replace('\n', ' ')).filter(k -> !k.isEmpty()).distinct().toList(),
                m.prefilled(), m.createdAt(), null);
    }

    private static String text(String picture, String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new PackageException("picture " + picture + ": the " + field + " is longer than " + max + " characters");
        }
        return MetadataReader.clean(value);
    }
}
