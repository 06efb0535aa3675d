package app.dispatch.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A picture attached to a story. The file is stored once, content-addressed by {@code sha256};
 * {@code prefilled} names the fields that came from the file's own metadata (e.g. "caption").
 */
public record MediaItem(
        UUID id,
        UUID storyId,
        String sha256,
        String fileName,
        String mimeType,
        int width,
        int height,
        long bytes,
        int position,
        boolean lead,
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
        Set<String> prefilled,
        Instant createdAt,
        Instant trashedAt) {

    public MediaItem {
        caption = caption == null ? "" : caption;
        credit = credit == null ? "" : credit;
        creator = creator == null ? "" : creator;
        copyrightNotice = copyrightNotice == null ? "" : copyrightNotice;
        usageTerms = usageTerms == null ? "" : usageTerms;
        altText = altText == null ? "" : altText;
        city = city == null ? "" : city;
        country = country == null ? "" : country;
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        prefilled = prefilled == null ? Set.of() : Set.copyOf(prefilled);
    }

    public boolean isTrashed() {
        return trashedAt != null;
    }

    public boolean missingCaption() {
        return caption.isBlank();
    }

    public boolean missingCredit() {
        return credit.isBlank();
    }

    public boolean missingAltText() {
        return altText.isBlank();
    }
}
