package app.dispatch.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The caption of one of a story's pictures, as it is now or as a revision recorded it when it was
 * made: which picture ({@code mediaId}, the media row's UUID), where it stood in the story's order,
 * its file name (to name the picture to a person) and the caption text.
 */
public record PictureCaption(UUID mediaId, int position, String fileName, String caption) {
    public PictureCaption {
        if (mediaId == null) {
            throw new IllegalArgumentException("a picture caption needs the picture's id");
        }
        fileName = fileName == null ? "" : fileName;
        caption = caption == null ? "" : caption;
    }

    /** Same pictures with the same captions; order and file names aside. */
    public static boolean same(List<PictureCaption> a, List<PictureCaption> b) {
        return byMedia(a).equals(byMedia(b));
    }

    /** Caption text by picture id. */
    public static Map<UUID, String> byMedia(List<PictureCaption> list) {
        Map<UUID, String> m = new HashMap<>();
        list.forEach(p -> m.put(p.mediaId(), p.caption()));
        return m;
    }
}
