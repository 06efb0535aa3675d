package app.dispatch.pack;

/** Limits for packages and files from outside. Anything past one is refused with a clear message. */
public final class PackageLimits {
    public static final int MAX_ENTRIES = 10_000;
    /** Total bytes actually inflated from one package. */
    public static final long MAX_TOTAL_BYTES = 4L * 1024 * 1024 * 1024;
    /** One JSON or XML document. */
    public static final long MAX_JSON_BYTES = 16L * 1024 * 1024;
    public static final long MAX_XML_BYTES = 16L * 1024 * 1024;
    /** One picture. */
    public static final long MAX_MEDIA_BYTES = 200L * 1024 * 1024;
    /** One text rendering (HTML, Markdown). */
    public static final long MAX_TEXT_BYTES = 16L * 1024 * 1024;
    /** Inflated bytes per compressed byte beyond which an entry is treated as a ZIP bomb (after the first MB). */
    public static final long MAX_RATIO = 100;
    public static final long RATIO_GRACE_BYTES = 1024 * 1024;
    public static final int MAX_NAME_CHARS = 255;
    /** One caption in a revision's caption snapshot (the media limit for captions). */
    public static final int MAX_CAPTION_CHARS = 10_000;

    private PackageLimits() {
    }
}
