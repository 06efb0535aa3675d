package app.dispatch.domain;

/**
 * A vault refusal with a plain message: wrong passphrase, locked, missing, or damaged data.
 * Messages never carry a sealed value or a passphrase.
 */
public class VaultException extends DispatchException {
    /** Why the vault refused. */
    public enum Reason { WRONG_PASSPHRASE, LOCKED, NO_VAULT, ALREADY_EXISTS, TAMPERED, WEAK_PASSPHRASE }

    private final Reason reason;

    public VaultException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static VaultException wrongPassphrase() {
        return new VaultException(Reason.WRONG_PASSPHRASE, "wrong passphrase: the vault stays locked and nothing was changed");
    }

    public static VaultException locked() {
        return new VaultException(Reason.LOCKED, "the source vault is locked; unlock it with its passphrase first");
    }

    public static VaultException noVault() {
        return new VaultException(Reason.NO_VAULT, "there is no source vault yet; create one with a passphrase first");
    }
}
