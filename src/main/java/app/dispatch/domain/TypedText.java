package app.dispatch.domain;

/** Text a person typed into a search or filter box, made safe to hand to a query engine. */
public final class TypedText {
    private TypedText() {
    }

    /**
     * The text with control characters and unpaired surrogates replaced by spaces: FTS5 reads its
     * expression as a C string (a NUL would cut it short) and broken UTF-16 cannot be encoded.
     */
    public static String withoutControls(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            sb.append(Character.isISOControl(ch) || Character.isSurrogate(ch) && !pairedSurrogate(s, i) ? ' ' : ch);
        }
        return sb.toString();
    }

    private static boolean pairedSurrogate(String s, int i) {
        char ch = s.charAt(i);
        if (Character.isHighSurrogate(ch)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
