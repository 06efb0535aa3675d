package app.dispatch.domain;

import java.util.UUID;

/**
 * A source as it may leave the laptop in a review package: never a confidential identity. The
 * sources service decides what is shareable and hands only these to the package writer.
 */
public record PackageSource(UUID id, String kind, String name, String attribution, String note) {
    public PackageSource {
        kind = kind == null ? "" : kind;
        name = name == null ? "" : name;
        attribution = attribution == null ? "" : attribution;
        note = note == null ? "" : note;
    }
}
