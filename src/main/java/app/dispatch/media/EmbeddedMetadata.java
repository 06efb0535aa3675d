package app.dispatch.media;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The descriptive fields found inside a picture file. {@code sources} maps each field that was
 * found (caption, credit, creator, copyrightNotice, usageTerms, altText, dateTaken, city, country,
 * keywords) to where it came from, e.g. "IPTC 2:120".
 */
public record EmbeddedMetadata(
        String caption,
        String credit,
        String creator,
        String copyrightNotice,
        String usageTerms,
        String altText,
        Instant dateTaken,
        String city,
        String country,
        List<String> keywords,
        int orientation,
        Map<String, String> sources) {

    public static final EmbeddedMetadata NONE =
            new EmbeddedMetadata("", "", "", "", "", "", null, "", "", List.of(), 1, Map.of());

    public EmbeddedMetadata {
        keywords = List.copyOf(keywords);
        sources = Map.copyOf(sources);
    }

    /** The names of the fields that the file filled in. */
    public Set<String> prefilled() {
        return sources.keySet();
    }
}
