package app.dispatch.service;

/** Cheap key settings so tests do not spend a second per unlock; real vaults use Kdf.DEFAULT. */
public final class VaultTestSupport {
    public static final SourceVault.Kdf CHEAP = new SourceVault.Kdf(1024, 1, 1);
    public static final char[] PASS = "correct horse battery".toCharArray();

    private VaultTestSupport() {
    }
}
