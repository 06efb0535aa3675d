package app.dispatch.cli;

import app.dispatch.domain.DispatchException;
import app.dispatch.service.SourceVault;
import app.dispatch.service.SourceService;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where the CLI gets the vault passphrase: a file (--passphrase-file) or the terminal without
 * echo, never an argument (it would show in the process list).
 */
final class Passphrases {
    private static final long MAX_FILE_BYTES = 4096;

    private Passphrases() {
    }

    /** The passphrase from the file's first line (trailing newline dropped), or a no-echo prompt. */
    static char[] read(Path file, String prompt) {
        if (file != null) {
            return fromFile(file);
        }
        Console console = System.console();
        if (console == null) {
            throw new DispatchException("the source vault needs its passphrase: give --passphrase-file FILE or run in a terminal");
        }
        char[] p = console.readPassword("%s", prompt);
        if (p == null) {
            throw new DispatchException("no passphrase given");
        }
        return p;
    }

    static char[] fromFile(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new DispatchException("the passphrase file " + file + " is too large to be a passphrase file");
            }
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new DispatchException("no such passphrase file: " + file);
        } catch (IOException e) {
            throw new DispatchException("cannot read the passphrase file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            int end = chars.limit();
            int lineEnd = 0;
            while (lineEnd < end && chars.get(lineEnd) != '\n' && chars.get(lineEnd) != '\r') {
                lineEnd++;
            }
            char[] out = new char[lineEnd];
            chars.get(0, out, 0, lineEnd);
            Arrays.fill(chars.array(), '\0');
            return out;
        } catch (CharacterCodingException e) {
            throw new DispatchException("the passphrase file " + file + " is not UTF-8 text");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Unlocks the vault, creating it first (with the no-recovery warning) when there is none. */
    static void unlockOrCreate(SourceService sources, Path file, PrintWriter err) {
        SourceVault vault = sources.vault();
        if (vault.isUnlocked()) {
            return;
        }
        if (vault.exists()) {
            char[] p = read(file, "Vault passphrase: ");
            try {
                vault.unlock(p);
            } finally {
                Arrays.fill(p, '\0');
            }
            return;
        }
        err.println("Creating the source vault for confidential sources.");
        err.println(SourceVault.NO_RECOVERY_WARNING);
        err.flush();
        char[] p = read(file, "New vault passphrase: ");
        try {
            if (file == null) {
                char[] again = read(null, "Repeat the passphrase: ");
                try {
                    if (!Arrays.equals(p, again)) {
                        throw new DispatchException("the two passphrases differ; the vault was not made");
                    }
                } finally {
                    Arrays.fill(again, '\0');
                }
            }
            vault.create(p);
        } finally {
            Arrays.fill(p, '\0');
        }
    }
}
