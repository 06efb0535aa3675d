package app.dispatch.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An entry in the source book, shared by all stories. For a confidential source only the alias
 * is ever shown in stories, citations and exports; its sealed fields are readable only while the
 * vault is unlocked ({@link Access#UNLOCKED}). When locked or damaged the sealed fields are empty.
 */
public record Source(
        UUID id,
        SourceKind kind,
        Attribution attribution,
        boolean confidential,
        String alias,
        Map<SourceField, String> fields,
        Set<SourceField> sensitive,
        Verification verification,
        Instant createdAt,
        Instant updatedAt,
        Access access) {

    /** What this process can see of the source right now. */
    public enum Access {
        /** Not confidential: everything is stored in clear. */
        OPEN,
        /** Confidential and the vault is unlocked: sealed fields decrypted in memory. */
        UNLOCKED,
        /** Confidential and the vault is locked: alias only. */
        LOCKED,
        /** Confidential and a sealed value failed its integrity check: alias only. */
        DAMAGED,
        /** Confidential, vault unlocked, but this listing (search as you type) did not decrypt it: alias only. */
        ALIAS_ONLY
    }

    public Source {
        kind = kind == null ? SourceKind.PERSON : kind;
        attribution = attribution == null ? Attribution.ON_THE_RECORD : attribution;
        alias = alias == null ? "" : alias.strip();
        EnumMap<SourceField, String> copy = new EnumMap<>(SourceField.class);
        if (fields != null) {
            fields.forEach((k, v) -> {
                if (v != null && !v.isEmpty()) {
                    copy.put(k, v);
                }
            });
        }
        fields = java.util.Collections.unmodifiableMap(copy);
        sensitive = sensitive == null || sensitive.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(sensitive));
        verification = verification == null ? Verification.NONE : verification;
        access = access == null ? (confidential ? Access.LOCKED : Access.OPEN) : access;
    }

    /** A new, unsaved source (id and times are set by the service). */
    public static Source draft(String name, SourceKind kind, Attribution attribution) {
        return new Source(null, kind, attribution, false, "", Map.of(SourceField.NAME, name == null ? "" : name.strip()),
                Set.of(), Verification.NONE, null, null, Access.OPEN);
    }

    public String field(SourceField f) {
        return fields.getOrDefault(f, "");
    }

    public String name() {
        return field(SourceField.NAME);
    }

    /** What stories, citation lists and exports show: the alias of a confidential source, else the name. */
    public String displayName() {
        return confidential ? alias : name();
    }

    /** Whether this field is encrypted at rest. */
    public boolean isSealed(SourceField f) {
        return confidential && (f.isIdentity() || sensitive.contains(f));
    }

    public boolean isReadable() {
        return access == Access.OPEN || access == Access.UNLOCKED;
    }

    public Source withField(SourceField f, String value) {
        EnumMap<SourceField, String> m = new EnumMap<>(SourceField.class);
        m.putAll(fields);
        m.put(f, value == null ? "" : value);
        return new Source(id, kind, attribution, confidential, alias, m, sensitive, verification, createdAt, updatedAt, access);
    }

    public Source withFields(Map<SourceField, String> newFields) {
        return new Source(id, kind, attribution, confidential, alias, newFields, sensitive, verification, createdAt, updatedAt, access);
    }

    public Source withKind(SourceKind v) {
        return new Source(id, v, attribution, confidential, alias, fields, sensitive, verification, createdAt, updatedAt, access);
    }

    public Source withAttribution(Attribution v) {
        return new Source(id, kind, v, confidential, alias, fields, sensitive, verification, createdAt, updatedAt, access);
    }

    public Source withConfidential(boolean v, String newAlias) {
        return new Source(id, kind, attribution, v, newAlias, fields, sensitive, verification, createdAt, updatedAt, access);
    }

    public Source withSensitive(Set<SourceField> v) {
        return new Source(id, kind, attribution, confidential, alias, fields, v, verification, createdAt, updatedAt, access);
    }

    public Source withVerification(Verification v) {
        return new Source(id, kind, attribution, confidential, alias, fields, sensitive, v, createdAt, updatedAt, access);
    }

    public Source withAccess(Access v) {
        return new Source(id, kind, attribution, confidential, alias, fields, sensitive, verification, createdAt, updatedAt, v);
    }

    public Source withIdentity(UUID newId, Instant created, Instant updated) {
        return new Source(newId, kind, attribution, confidential, alias, fields, sensitive, verification, created, updated, access);
    }

    /** Never prints sealed values: records' default toString would put them in logs and exceptions. */
    @Override
    public String toString() {
        return "Source[" + id + ", " + kind + ", " + attribution + (confidential ? ", confidential alias=" + alias : ", name=" + name())
                + ", " + access + "]";
    }
}
