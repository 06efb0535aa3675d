package app.dispatch.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The text fields of a source. For a confidential source the identity fields are always sealed
 * (encrypted); the others are sealed when the user marks them sensitive. Stored by lower-case name.
 */
public enum SourceField {
    NAME, ROLE, ORGANISATION, PHONE, EMAIL, MESSENGER, URL, NOTES, LANGUAGE, VERIFICATION_NOTE;

    /** Real name, contact details, notes and the note on how it was verified: sealed on every confidential source. */
    public static final Set<SourceField> IDENTITY = EnumSet.of(NAME, PHONE, EMAIL, MESSENGER, NOTES, VERIFICATION_NOTE);

    public boolean isIdentity() {
        return IDENTITY.contains(this);
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static SourceField fromKey(String key) {
        return valueOf(key.toUpperCase(java.util.Locale.ROOT));
    }
}
