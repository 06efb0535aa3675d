package app.dispatch.media;

import java.util.Arrays;

/** The picture formats Dispatch accepts, recognised by their first bytes, never by file name. */
public enum ImageFormat {
    JPEG("image/jpeg", "jpeg", "jpg"),
    PNG("image/png", "png", "png"),
    GIF("image/gif", "gif", "gif"),
    TIFF("image/tiff", "tiff", "tif"),
    WEBP("image/webp", "webp", "webp");

    private final String mimeType;
    private final String readerName;
    private final String extension;

    ImageFormat(String mimeType, String readerName, String extension) {
        this.mimeType = mimeType;
        this.readerName = readerName;
        this.extension = extension;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The ImageIO format name whose reader decodes this format. */
    public String readerName() {
        return readerName;
    }

    public String extension() {
        return extension;
    }

    /** The format the leading bytes announce, or null when they announce none of ours. */
    public static ImageFormat detect(byte[] head) {
        if (starts(head, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (starts(head, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        if (starts(head, 'I', 'I', 42, 0) || starts(head, 'M', 'M', 0, 42)) {
            return TIFF;
        }
        if (head.length >= 12 && starts(head, 'R', 'I', 'F', 'F')
                && Arrays.equals(Arrays.copyOfRange(head, 8, 12), new byte[] {'W', 'E', 'B', 'P'})) {
            return WEBP;
        }
        return null;
    }

    public static ImageFormat fromMimeType(String mime) {
        for (ImageFormat f : values()) {
            if (f.mimeType.equals(mime)) {
                return f;
            }
        }
        return null;
    }

    private static boolean starts(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
