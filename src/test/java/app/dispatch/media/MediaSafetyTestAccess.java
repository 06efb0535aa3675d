package app.dispatch.media;

/** Lets tests in other packages build the hostile PNG. */
public final class MediaSafetyTestAccess {
    private MediaSafetyTestAccess() {
    }

    public static byte[] pngDeclaring(int w, int h) throws Exception {
        return MediaSafetyTest.pngDeclaring(w, h);
    }
}
