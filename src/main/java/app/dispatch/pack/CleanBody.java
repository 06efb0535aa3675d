package app.dispatch.pack;

import app.dispatch.text.BodyHtml;

/** The sanitized body, computed once per story per thread even though every rendering asks for it. */
final class CleanBody {
    private static final ThreadLocal<String[]> LAST = ThreadLocal.withInitial(() -> new String[2]);

    private CleanBody() {
    }

    static String of(String html) {
        String[] last = LAST.get();
        if (last[0] != null && last[0].equals(html)) {
            return last[1];
        }
        String clean = BodyHtml.sanitize(html);
        last[0] = html;
        last[1] = clean;
        return clean;
    }
}
