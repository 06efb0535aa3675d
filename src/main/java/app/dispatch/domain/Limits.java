package app.dispatch.domain;

/** Length limits shown in the editor and enforced by pre-flight. */
public record Limits(int headline, int slug, int standfirst) {
    public static final Limits DEFAULTS = new Limits(64, 24, 160);

    public Limits {
        if (headline < 1 || slug < 1 || standfirst < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
