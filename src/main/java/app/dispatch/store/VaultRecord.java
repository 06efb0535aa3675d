package app.dispatch.store;

import java.time.Instant;

/** The vault's one row: how the key is derived, its salt, and the sealed verifier value. */
public record VaultRecord(String kdf, byte[] salt, byte[] verifier, Instant createdAt, Instant changedAt) {
}
