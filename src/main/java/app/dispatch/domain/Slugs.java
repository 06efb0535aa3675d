package app.dispatch.domain;

import java.text.Normalizer;
import java.util.Locale;

/** Slugs: short lowercase keys such as "kabul-floods". */
public final class Slugs {
    private Slugs() {
    }

    /** Makes a slug from a headline, at most {@code max} characters; "story" when nothing Latin is left. */
    public static String fromHeadline(String headline, int max) {
        String ascii = Normalizer.normalize(headline == null ? "" : headline, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (ascii.length() > max) {
            ascii = ascii.substring(0, max);
            int cut = ascii.lastIndexOf('-');
            if (cut > max / 2) {
                ascii = ascii.substring(0, cut);
            }
            ascii = ascii.replaceAll("-+$", "");
        }
        return ascii.isEmpty() ? "story" : ascii;
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.matches("[\\p{L}\\p{N}]+(-[\\p{L}\\p{N}]+)*");
    }
}
