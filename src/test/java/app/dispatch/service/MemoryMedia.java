package app.dispatch.service;

import app.dispatch.domain.MediaItem;
import app.dispatch.store.Database;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A stand-in for the media feature in tests: pictures and their bytes in memory. */
public final class MemoryMedia implements PackageService.Media {
    public final Map<UUID, List<MediaItem>> items = new ConcurrentHashMap<>();
    final Map<UUID, byte[]> bytes = new ConcurrentHashMap<>();

    public void add(MediaItem m, byte[] data) {
        items.computeIfAbsent(m.storyId(), k -> new ArrayList<>()).add(m);
        bytes.put(m.id(), data);
    }

    @Override
    public List<MediaItem> mediaOf(UUID storyId) {
        return List.copyOf(items.getOrDefault(storyId, List.of()));
    }

    @Override
    public InputStream openExportCopy(MediaItem item, boolean keepLocation) {
        return new ByteArrayInputStream(bytes.get(item.id()));
    }

    @Override
    public Staged importPictures(UUID storyId, List<MediaItem> pictures, Map<UUID, Path> stagedFiles) {
        Map<UUID, byte[]> placed = new ConcurrentHashMap<>();
        for (MediaItem m : pictures) {
            try {
                placed.put(m.id(), Files.readAllBytes(stagedFiles.get(m.id())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Staged() {
            @Override
            public Database.Work<?> rows() {
                return c -> {
                    for (MediaItem m : pictures) {
                        add(new MediaItem(m.id(), storyId, m.sha256(), m.fileName(), m.mimeType(), m.width(), m.height(), m.bytes(),
                                m.position(), m.lead(), m.caption(), m.credit(), m.creator(), m.copyrightNotice(), m.usageTerms(),
                                m.altText(), m.dateTaken(), m.city(), m.country(), m.keywords(), m.prefilled(), m.createdAt(), null),
                                placed.get(m.id()));
                    }
                    return null;
                };
            }

            @Override
            public void undo() {
                pictures.forEach(m -> bytes.remove(m.id()));
                items.getOrDefault(storyId, new ArrayList<>()).removeIf(m -> placed.containsKey(m.id()));
            }
        };
    }
}
