package app.dispatch.security;

import app.dispatch.service.Library;
import app.dispatch.domain.VaultException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child-process main for the SIGKILL test: changes the vault passphrase back and forth between
 * two passphrases (read from files) forever, printing "changed N" after each commit.
 */
public final class PassphraseChurn {
    private PassphraseChurn() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        char[] a = Files.readString(Path.of(args[1])).toCharArray();
        char[] b = Files.readString(Path.of(args[2])).toCharArray();
        try (Library lib = Library.open(dir)) {
            char[] current;
            try {
                lib.sources().vault().unlock(a);
                current = a;
            } catch (VaultException e) {
                lib.sources().vault().unlock(b);
                current = b;
            }
            for (int n = 1; ; n++) {
                char[] next = current == a ? b : a;
                lib.sources().vault().changePassphrase(current, next);
                current = next;
                System.out.println("changed " + n);
                System.out.flush();
            }
        }
    }
}
