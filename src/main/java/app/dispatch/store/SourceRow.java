package app.dispatch.store;

import app.dispatch.domain.Attribution;
import app.dispatch.domain.SourceField;
import app.dispatch.domain.SourceKind;
import app.dispatch.domain.Verification;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A source as stored: clear values and sealed ciphertexts. The store never sees plaintext of a
 * sealed field; verification.how() is stored in clear only when VERIFICATION_NOTE is not sealed.
 */
public record SourceRow(
        UUID id,
        SourceKind kind,
        Attribution attribution,
        boolean confidential,
        String alias,
        Map<SourceField, String> clear,
        Map<SourceField, byte[]> sealed,
        Set<SourceField> sensitive,
        Verification verification,
        Instant createdAt,
        Instant updatedAt) {

    @Override
    public String toString() {
        return "SourceRow[" + id + (confidential ? ", confidential" : "") + "]";
    }
}
