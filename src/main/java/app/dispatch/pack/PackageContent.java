package app.dispatch.pack;

import app.dispatch.domain.Comment;
import app.dispatch.domain.MediaItem;
import app.dispatch.domain.PackageSource;
import app.dispatch.domain.PictureCaption;
import app.dispatch.domain.Revision;
import app.dispatch.domain.StatusChange;
import app.dispatch.domain.Story;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything one story package is made from. Sources are already filtered to the shareable ones
 * (confidential identities never reach this record); comments, sources and status history are
 * written only in review packages. {@code mediaBytes} opens the export copy of a picture (GPS and
 * camera serials already stripped unless the story keeps them). {@code revisionCaptions} holds, by
 * revision id, the captions each revision recorded when it was made (decision 0812); a revision
 * missing there recorded none and is written without them. {@code revisionCount} is how many revisions
 * the story has in the library, which may be more than {@code revisions} holds: a publication package
 * carries only the head revision (decision 0505) but its ninjs {@code version} and NewsML-G2
 * {@code @version} still count them all. It is never less than {@code revisions.size()}.
 */
public record PackageContent(
        Story story,
        List<Revision> revisions,
        List<MediaItem> media,
        MediaBytes mediaBytes,
        List<Comment> comments,
        List<StatusChange> statusHistory,
        List<PackageSource> sources,
        Map<UUID, List<PictureCaption>> revisionCaptions,
        int revisionCount) {

    /** Opens the bytes of the copy of a picture that may leave the laptop. */
    @FunctionalInterface
    public interface MediaBytes {
        InputStream open(MediaItem item) throws IOException;

        MediaBytes NONE = item -> {
            throw new IOException("no file for picture " + item.fileName());
        };
    }

    public PackageContent {
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
        media = media == null ? List.of() : media.stream().filter(m -> !m.isTrashed()).toList();
        mediaBytes = mediaBytes == null ? MediaBytes.NONE : mediaBytes;
        comments = comments == null ? List.of() : List.copyOf(comments);
        statusHistory = statusHistory == null ? List.of() : List.copyOf(statusHistory);
        sources = sources == null ? List.of() : List.copyOf(sources);
        Map<UUID, List<PictureCaption>> caps = new LinkedHashMap<>();
        if (revisionCaptions != null) {
            revisionCaptions.forEach((k, v) -> caps.put(k, List.copyOf(v)));
        }
        revisionCaptions = java.util.Collections.unmodifiableMap(caps);
        revisionCount = Math.max(revisionCount, revisions.size());
    }

    /** Every revision given is counted (as written before decision 0505). */
    public PackageContent(Story story, List<Revision> revisions, List<MediaItem> media, MediaBytes mediaBytes,
                          List<Comment> comments, List<StatusChange> statusHistory, List<PackageSource> sources,
                          Map<UUID, List<PictureCaption>> revisionCaptions) {
        this(story, revisions, media, mediaBytes, comments, statusHistory, sources, revisionCaptions, 0);
    }

    /** Without caption snapshots (as written before decision 0812). */
    public PackageContent(Story story, List<Revision> revisions, List<MediaItem> media, MediaBytes mediaBytes,
                          List<Comment> comments, List<StatusChange> statusHistory, List<PackageSource> sources) {
        this(story, revisions, media, mediaBytes, comments, statusHistory, sources, Map.of());
    }

    /**
     * What a publication package may carry (decision 0505): the head revision only, with its caption
     * snapshot, and no review data; {@link #revisionCount} still counts every revision. A story whose
     * head is not among {@code revisions} (or that has none) keeps no revision at all: nothing but
     * the head may leave. Applying it twice changes nothing.
     */
    public PackageContent currentVersionOnly() {
        UUID head = story.headRevisionId();
        List<Revision> current = revisions.stream().filter(r -> r.id().equals(head)).limit(1).toList();
        Map<UUID, List<PictureCaption>> captions = new LinkedHashMap<>();
        for (Revision r : current) {
            List<PictureCaption> c = revisionCaptions.get(r.id());
            if (c != null) {
                captions.put(r.id(), c);
            }
        }
        return new PackageContent(story, current, media, mediaBytes, List.of(), List.of(), List.of(), captions, revisionCount);
    }

    public static PackageContent textOnly(Story story, List<Revision> revisions) {
        return new PackageContent(story, revisions, List.of(), MediaBytes.NONE, List.of(), List.of(), List.of());
    }

    /** The name of a picture's file inside the package: media/ + id + extension. */
    public static String mediaEntryName(MediaItem m) {
        return "media/" + m.id() + extension(m);
    }

    static String extension(MediaItem m) {
        String mime = m.mimeType() == null ? "" : m.mimeType();
        return switch (mime) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            case "image/tiff" -> ".tif";
            default -> {
                String n = m.fileName() == null ? "" : m.fileName();
                int dot = n.lastIndexOf('.');
                String ext = dot >= 0 ? n.substring(dot).toLowerCase(java.util.Locale.ROOT) : "";
                yield ext.matches("\\.[a-z0-9]{1,5}") ? ext : ".bin";
            }
        };
    }
}
