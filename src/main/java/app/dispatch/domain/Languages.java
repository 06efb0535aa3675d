package app.dispatch.domain;

import java.util.Locale;
import java.util.Set;

/** Language tags and their writing direction. */
public final class Languages {
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "he", "ur", "ps", "yi", "dv", "ckb", "sd", "ug");

    private Languages() {
    }

    public static boolean isRightToLeft(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return false;
        }
        String primary = languageTag.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return RIGHT_TO_LEFT.contains(primary);
    }

    public static String direction(String languageTag) {
        return isRightToLeft(languageTag) ? "rtl" : "ltr";
    }

    /** A syntactically valid BCP 47 tag (simplified: letters and digits in 1-8 char subtags). */
    public static boolean isValidTag(String tag) {
        return tag != null && tag.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    }
}
