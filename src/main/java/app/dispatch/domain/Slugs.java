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

    /**
     * True when {@code slug} looks made by Dispatch rather than typed: blank, a new story's
     * "untitled-2026-12-01", the fallback "story", or the headline's slug (with a "-2", "-3" … that
     * kept it unique). Such a slug follows the headline until the reporter types one.
     */
    public static boolean followsHeadline(String slug, String headline, int max) {
        if (slug == null || slug.isBlank()) {
            return true;
        }
        String base = slug.strip().replaceFirst("-[0-9]+$", "");
        if (slug.strip().matches("untitled-[0-9]{4}-[0-9]{2}-[0-9]{2}(-[0-9]+)?") || base.equals("story")) {
            return true;
        }
        String derived = fromHeadline(headline, max);
        return slug.strip().equals(derived) || base.equals(derived);
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.matches("[\\p{L}\\p{N}]+(-[\\p{L}\\p{N}]+)*");
    }
}
