package app.dispatch.media;

/** What the header of a picture file says: its format, size in pixels and length in bytes. */
public record ImageInfo(ImageFormat format, int width, int height, long bytes) {
    public long pixels() {
        return (long) width * height;
    }
}
