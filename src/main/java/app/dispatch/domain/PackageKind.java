package app.dispatch.domain;

/** What a story package is for: publication (pre-flight errors block it) or review (never blocked). */
public enum PackageKind {
    PUBLICATION, REVIEW;

    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
