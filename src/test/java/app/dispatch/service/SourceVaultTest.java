package app.dispatch.service;

import static app.dispatch.service.VaultTestSupport.CHEAP;
import static app.dispatch.service.VaultTestSupport.PASS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dispatch.domain.Attribution;
import app.dispatch.domain.Source;
import app.dispatch.domain.SourceField;
import app.dispatch.domain.SourceKind;
import app.dispatch.domain.VaultException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceVaultTest {
    @TempDir
    Path dir;

    private UUID makeVaultWithOneSource() {
        try (Library lib = Library.open(dir)) {
            lib.sources().vault().create(PASS, CHEAP);
            return lib.sources().add(SourceServiceTest.confidential("Hamid Karimi", "Source A")).id();
        }
    }

    @Test
    void wrongPassphraseIsRefusedPlainlyWithNothingDecryptedOrChanged() throws Exception {
        UUID id = makeVaultWithOneSource();
        byte[] before = rawSealed(id, "name");
        try (Library lib = Library.open(dir)) {
            VaultException e = assertThrows(VaultException.class, () -> lib.sources().vault().unlock("wrong horse battery".toCharArray()));
            assertEquals(VaultException.Reason.WRONG_PASSPHRASE, e.reason());
            assertTrue(e.getMessage().startsWith("wrong passphrase"), e.getMessage());
            assertFalse(lib.sources().vault().isUnlocked());
            assertEquals(Source.Access.LOCKED, lib.sources().get(id).access());
            assertThrows(VaultException.class, () -> lib.sources().vault().changePassphrase("wrong horse battery".toCharArray(),
                    "another long passphrase".toCharArray()));
        }
        assertArrayEquals(before, rawSealed(id, "name"), "nothing changed");
        try (Library lib = Library.open(dir)) {
            lib.sources().vault().unlock(PASS);
            assertEquals("Hamid Karimi", lib.sources().get(id).name());
        }
    }

    @Test
    void tamperedCiphertextIsDetectedAndNeverShownAsGarbage() throws Exception {
        UUID id = makeVaultWithOneSource();
        byte[] sealed = rawSealed(id, "notes");
        sealed[sealed.length - 20] ^= 0x01;
        writeSealed(id, "notes", sealed);
        try (Library lib = Library.open(dir)) {
            lib.sources().vault().unlock(PASS);
            Source s = lib.sources().get(id);
            assertEquals(Source.Access.DAMAGED, s.access());
            assertTrue(s.fields().isEmpty(), "no half-decrypted values");
            assertEquals("Source A", s.displayName());
            VaultException e = assertThrows(VaultException.class,
                    () -> lib.sources().vault().open(id, SourceField.NOTES, rawSealed(id, "notes")));
            assertEquals(VaultException.Reason.TAMPERED, e.reason());
            assertTrue(e.getMessage().contains("integrity check"), e.getMessage());
            assertThrows(VaultException.class, () -> lib.sources().update(s.withAttribution(Attribution.OFF_THE_RECORD)));
        }
    }

    @Test
    void ciphertextMovedToAnotherFieldOrSourceIsDetected() throws Exception {
        UUID a = makeVaultWithOneSource();
        UUID b;
        try (Library lib = Library.open(dir)) {
            lib.sources().vault().unlock(PASS);
            b = lib.sources().add(SourceServiceTest.confidential("Other Person", "Source B")).id();
        }
        writeSealed(b, "name", rawSealed(a, "name"));
        writeSealed(a, "phone", rawSealed(a, "name"));
        try (Library lib = Library.open(dir)) {
            lib.sources().vault().unlock(PASS);
            assertEquals(Source.Access.DAMAGED, lib.sources().get(a).access());
            assertEquals(Source.Access.DAMAGED, lib.sources().get(b).access());
        }
    }

    @Test
    void sameValueSealsDifferentlyEachTime() {
        try (Library lib = Library.open(dir)) {
            SourceVault v = lib.sources().vault();
            v.create(PASS, CHEAP);
            UUID id = UUID.randomUUID();
            byte[] one = v.seal(id, SourceField.NAME, "same");
            byte[] two = v.seal(id, SourceField.NAME, "same");
            assertNotEquals(java.util.Arrays.toString(one), java.util.Arrays.toString(two));
            assertEquals("same", v.open(id, SourceField.NAME, one));
            assertEquals(1 + 12 + 4 + 16, one.length);
        }
    }

    @Test
    void changedPassphraseOpensTheVaultAndTheOldOneNoLongerDoes() {
        UUID id = makeVaultWithOneSource();
        char[] next = "a whole new passphrase".toCharArray();
        try (Library lib = Library.open(dir)) {
            lib.sources().vault().changePassphrase(PASS, next);
            assertTrue(lib.sources().vault().isUnlocked());
        }
        try (Library lib = Library.open(dir)) {
            assertThrows(VaultException.class, () -> lib.sources().vault().unlock(PASS));
            lib.sources().vault().unlock(next);
            assertEquals("met at the ministry", lib.sources().get(id).field(SourceField.NOTES));
        }
    }

    @Test
    void shortPassphraseAndSecondVaultAreRefused() {
        try (Library lib = Library.open(dir)) {
            assertThrows(VaultException.class, () -> lib.sources().vault().create("short".toCharArray(), CHEAP));
            lib.sources().vault().create(PASS, CHEAP);
            assertThrows(VaultException.class, () -> lib.sources().vault().create(PASS, CHEAP));
            assertTrue(SourceVault.NO_RECOVERY_WARNING.contains("no way to recover"));
        }
    }

    @Test
    void defaultKeyDerivationIsArgon2idWithRealCost() {
        try (Library lib = Library.open(dir)) {
            assertTrue(SourceVault.Kdf.DEFAULT.memoryKb() >= 65536);
            assertEquals("argon2id;m=65536;t=5;p=1", SourceVault.Kdf.DEFAULT.encode());
            lib.sources().vault().create(PASS, CHEAP);
            assertEquals(CHEAP, lib.sources().vault().kdf().orElseThrow());
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("dispatch.db"));
    }

    private byte[] rawSealed(UUID id, String field) throws Exception {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT value FROM source_sealed WHERE source_id=? AND field=?")) {
            ps.setString(1, id.toString());
            ps.setString(2, field);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getBytes(1);
            }
        }
    }

    private void writeSealed(UUID id, String field, byte[] value) throws Exception {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO source_sealed (source_id, field, value) VALUES (?,?,?) ON CONFLICT (source_id, field) DO UPDATE SET value=excluded.value")) {
            ps.setString(1, id.toString());
            ps.setString(2, field);
            ps.setBytes(3, value);
            ps.executeUpdate();
        }
    }

}
