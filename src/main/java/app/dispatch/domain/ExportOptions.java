package app.dispatch.domain;

/**
 * How to export: the kind of package, the ninjs version, whether GPS/camera data may stay in the
 * pictures (also true when the story says keep), and whether pre-flight warnings may be passed.
 * Errors always block a publication package; {@code force} never passes them.
 */
public record ExportOptions(PackageKind kind, NinjsVersion ninjs, boolean keepLocation, boolean force) {
    public static final ExportOptions DEFAULTS = new ExportOptions(PackageKind.PUBLICATION, NinjsVersion.V3_1, false, false);

    public ExportOptions {
        kind = kind == null ? PackageKind.PUBLICATION : kind;
        ninjs = ninjs == null ? NinjsVersion.V3_1 : ninjs;
    }

    public ExportOptions withKind(PackageKind k) {
        return new ExportOptions(k, ninjs, keepLocation, force);
    }

    public ExportOptions withForce(boolean f) {
        return new ExportOptions(kind, ninjs, keepLocation, f);
    }
}
