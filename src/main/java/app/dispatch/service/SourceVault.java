package app.dispatch.service;

import app.dispatch.domain.SourceField;
import app.dispatch.domain.VaultException;
import app.dispatch.store.SourceStore;
import app.dispatch.store.VaultRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The confidential-source vault: an AES-256-GCM key derived from a passphrase with Argon2id,
 * held only in memory while unlocked. Every value gets a fresh 12-byte nonce and is bound to its
 * source id and field name (associated data). Plaintext never leaves this class except to the caller.
 * Locks on {@link #close()} and after the idle time. Thread-safe.
 */
public final class SourceVault implements AutoCloseable {
    public static final String NO_RECOVERY_WARNING = "There is no way to recover confidential sources without this passphrase."
            + " Nobody, not even Dispatch's makers, can reset it. Write it down and keep it somewhere safe, away from this computer.";
    public static final int MIN_PASSPHRASE_LENGTH = 8;
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(10);

    private static final byte FORMAT = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] VERIFIER_PLAIN = "dispatch-vault-ok".getBytes(StandardCharsets.US_ASCII);
    private static final String VERIFIER_AAD = "dispatch.vault/verifier";

    /** Argon2id cost; stored with the vault so later unlocks use what it was made with. */
    public record Kdf(int memoryKb, int iterations, int parallelism) {
        /** About 0.5-1 s on a 2-core laptop: slow on purpose, so guessing passphrases is slow too. */
        public static final Kdf DEFAULT = new Kdf(65536, 5, 1);

        public String encode() {
            return "argon2id;m=" + memoryKb + ";t=" + iterations + ";p=" + parallelism;
        }

        public static Kdf decode(String s) {
            String[] parts = s.split(";");
            if (parts.length != 4 || !parts[0].equals("argon2id")) {
                throw new VaultException(VaultException.Reason.TAMPERED, "the vault's key settings are damaged (" + s + ")");
            }
            try {
                return new Kdf(Integer.parseInt(parts[1].substring(2)), Integer.parseInt(parts[2].substring(2)),
                        Integer.parseInt(parts[3].substring(2)));
            } catch (RuntimeException e) {
                throw new VaultException(VaultException.Reason.TAMPERED, "the vault's key settings are damaged (" + s + ")");
            }
        }
    }

    private final SourceStore store;
    private final Clock clock;
    private final LongSupplier nanoClock;
    private final SecureRandom random = new SecureRandom();
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private final Object keyLock = new Object();
    private volatile Duration idle;
    private byte[] key;
    private SecretKeySpec keySpec;
    private volatile long lastUseNanos;
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> idleCheck;

    public SourceVault(SourceStore store, Clock clock, Duration idle) {
        this(store, clock, idle, System::nanoTime);
    }

    SourceVault(SourceStore store, Clock clock, Duration idle, LongSupplier nanoClock) {
        this.store = store;
        this.clock = clock;
        this.idle = idle;
        this.nanoClock = nanoClock;
    }

    public boolean exists() {
        return store.vault().isPresent();
    }

    public boolean isUnlocked() {
        synchronized (keyLock) {
            return key != null;
        }
    }

    public Duration idleTimeout() {
        return idle;
    }

    public void setIdleTimeout(Duration d) {
        idle = d;
        synchronized (keyLock) {
            if (key != null) {
                scheduleIdleCheck(d.toNanos());
            }
        }
    }

    /** Called with true on unlock and false on lock (on the thread that caused it). */
    public void addListener(Consumer<Boolean> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Boolean> listener) {
        listeners.remove(listener);
    }

    /** Makes the vault with this passphrase and leaves it unlocked. Show {@link #NO_RECOVERY_WARNING} first. */
    public void create(char[] passphrase, Kdf kdf) {
        checkStrength(passphrase);
        if (exists()) {
            throw new VaultException(VaultException.Reason.ALREADY_EXISTS, "the source vault already exists; unlock it instead");
        }
        byte[] salt = randomBytes(16);
        byte[] k = derive(passphrase, salt, kdf);
        byte[] verifier = encrypt(k, VERIFIER_PLAIN, VERIFIER_AAD);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        store.createVault(new VaultRecord(kdf.encode(), salt, verifier, now, now));
        install(k);
    }

    public void create(char[] passphrase) {
        create(passphrase, Kdf.DEFAULT);
    }

    /** Unlocks, or throws "wrong passphrase" with nothing decrypted and nothing changed. */
    public void unlock(char[] passphrase) {
        VaultRecord v = store.vault().orElseThrow(VaultException::noVault);
        byte[] k = keyFor(v, passphrase);
        install(k);
    }

    /** The key for this passphrase if it opens the vault record, else "wrong passphrase". */
    private byte[] keyFor(VaultRecord v, char[] passphrase) {
        byte[] k = derive(passphrase, v.salt(), Kdf.decode(v.kdf()));
        try {
            byte[] plain = decrypt(k, v.verifier(), VERIFIER_AAD);
            if (!Arrays.equals(plain, VERIFIER_PLAIN)) {
                throw new AEADBadTagException();
            }
            return k;
        } catch (AEADBadTagException e) {
            Arrays.fill(k, (byte) 0);
            throw VaultException.wrongPassphrase();
        }
    }

    /** Forgets the key. Confidential sources show their alias only until the next unlock. */
    public void lock() {
        boolean was;
        synchronized (keyLock) {
            was = key != null;
            if (key != null) {
                Arrays.fill(key, (byte) 0);
                key = null;
                keySpec = null;
            }
            if (idleCheck != null) {
                idleCheck.cancel(false);
                idleCheck = null;
            }
        }
        if (was) {
            listeners.forEach(l -> l.accept(false));
        }
    }

    /** Locks when nothing used the key for the idle time. Returns true if it locked. */
    public boolean lockIfIdle() {
        synchronized (keyLock) {
            if (key == null || nanoClock.getAsLong() - lastUseNanos < idle.toNanos()) {
                return false;
            }
        }
        lock();
        return true;
    }

    /**
     * Re-encrypts every sealed value under a key from the new passphrase, with a new salt, in ONE
     * transaction: a crash leaves either the old or the new passphrase working, never neither.
     */
    public void changePassphrase(char[] oldPassphrase, char[] newPassphrase) {
        checkStrength(newPassphrase);
        VaultRecord current = store.vault().orElseThrow(VaultException::noVault);
        Kdf kdf = Kdf.decode(current.kdf());
        byte[] oldKey = keyFor(current, oldPassphrase);
        byte[] salt = randomBytes(16);
        byte[] newKey = derive(newPassphrase, salt, kdf);
        try {
            byte[] verifier = encrypt(newKey, VERIFIER_PLAIN, VERIFIER_AAD);
            VaultRecord next = new VaultRecord(kdf.encode(), salt, verifier, current.createdAt(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS));
            store.rekey(current.verifier(), next, sealed -> reseal(sealed, oldKey, newKey));
            install(newKey.clone());
        } finally {
            Arrays.fill(oldKey, (byte) 0);
            Arrays.fill(newKey, (byte) 0);
        }
    }

    private Map<UUID, Map<SourceField, byte[]>> reseal(Map<UUID, Map<SourceField, byte[]>> sealed, byte[] oldKey, byte[] newKey) {
        Map<UUID, Map<SourceField, byte[]>> out = new LinkedHashMap<>();
        for (Map.Entry<UUID, Map<SourceField, byte[]>> e : sealed.entrySet()) {
            Map<SourceField, byte[]> fields = new EnumMap<>(SourceField.class);
            for (Map.Entry<SourceField, byte[]> f : e.getValue().entrySet()) {
                String aad = aad(e.getKey(), f.getKey());
                byte[] plain;
                try {
                    plain = decrypt(oldKey, f.getValue(), aad);
                } catch (AEADBadTagException bad) {
                    throw tampered(e.getKey(), f.getKey());
                }
                fields.put(f.getKey(), encrypt(newKey, plain, aad));
                Arrays.fill(plain, (byte) 0);
            }
            out.put(e.getKey(), fields);
        }
        return out;
    }

    /** Encrypts one field value of one source. Requires the vault unlocked. */
    public byte[] seal(UUID sourceId, SourceField field, String value) {
        SecretKeySpec k = keyOrThrow();
        byte[] plain = value.getBytes(StandardCharsets.UTF_8);
        try {
            return encrypt(k, plain, aad(sourceId, field));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Decrypts one field value; a value altered or moved from another record or field is reported as tampered. */
    public String open(UUID sourceId, SourceField field, byte[] sealed) {
        SecretKeySpec k = keyOrThrow();
        byte[] plain = null;
        try {
            plain = decrypt(k, sealed, aad(sourceId, field));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw tampered(sourceId, field);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private static VaultException tampered(UUID sourceId, SourceField field) {
        return new VaultException(VaultException.Reason.TAMPERED, "the sealed " + field.key() + " of source " + sourceId
                + " failed its integrity check: it was altered or damaged, so it is not shown");
    }

    private SecretKeySpec keyOrThrow() {
        synchronized (keyLock) {
            if (keySpec == null) {
                throw VaultException.locked();
            }
            lastUseNanos = nanoClock.getAsLong();
            return keySpec;
        }
    }

    private void install(byte[] k) {
        synchronized (keyLock) {
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
            key = k;
            keySpec = new SecretKeySpec(k, "AES");
            lastUseNanos = nanoClock.getAsLong();
            scheduleIdleCheck(idle.toNanos());
        }
        listeners.forEach(l -> l.accept(true));
    }

    private void scheduleIdleCheck(long delayNanos) {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "vault-idle-lock");
                t.setDaemon(true);
                return t;
            });
        }
        if (idleCheck != null) {
            idleCheck.cancel(false);
        }
        idleCheck = timer.schedule(this::idleTick, Math.max(delayNanos, TimeUnit.MILLISECONDS.toNanos(10)), TimeUnit.NANOSECONDS);
    }

    private void idleTick() {
        if (!lockIfIdle()) {
            synchronized (keyLock) {
                if (key != null) {
                    long left = idle.toNanos() - (nanoClock.getAsLong() - lastUseNanos);
                    scheduleIdleCheck(left);
                }
            }
        }
    }

    /** The vault row's key settings, if the vault exists. */
    public Optional<Kdf> kdf() {
        return store.vault().map(v -> Kdf.decode(v.kdf()));
    }

    /** Locks and stops the idle timer. */
    @Override
    public void close() {
        lock();
        synchronized (keyLock) {
            if (timer != null) {
                timer.shutdownNow();
                timer = null;
            }
        }
    }

    static void checkStrength(char[] passphrase) {
        if (passphrase == null || passphrase.length < MIN_PASSPHRASE_LENGTH) {
            throw new VaultException(VaultException.Reason.WEAK_PASSPHRASE,
                    "the vault passphrase must be at least " + MIN_PASSPHRASE_LENGTH + " characters long");
        }
    }

    private static String aad(UUID sourceId, SourceField field) {
        return "dispatch.source/" + sourceId + "/" + field.key();
    }

    static byte[] derive(char[] passphrase, byte[] salt, Kdf kdf) {
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(kdf.memoryKb()).withIterations(kdf.iterations()).withParallelism(kdf.parallelism()).build());
        byte[] out = new byte[32];
        gen.generateBytes(passphrase, out);
        return out;
    }

    private byte[] encrypt(byte[] k, byte[] plain, String aad) {
        return encrypt(new SecretKeySpec(k, "AES"), plain, aad);
    }

    private byte[] encrypt(SecretKeySpec k, byte[] plain, String aad) {
        byte[] nonce = randomBytes(NONCE);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, k, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE + ct.length).put(FORMAT).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /** One AES-GCM cipher per thread for opening values: looking the provider up costs more than a small decrypt. */
    private static final ThreadLocal<Cipher> DECRYPTORS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    });

    private static byte[] decrypt(byte[] k, byte[] sealed, String aad) throws AEADBadTagException {
        return decrypt(new SecretKeySpec(k, "AES"), sealed, aad);
    }

    private static byte[] decrypt(SecretKeySpec k, byte[] sealed, String aad) throws AEADBadTagException {
        try {
            if (sealed == null || sealed.length < 1 + NONCE + TAG_BITS / 8 || sealed[0] != FORMAT) {
                throw new AEADBadTagException("not a sealed value");
            }
            Cipher c = DECRYPTORS.get();
            c.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE));
            c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(sealed, 1 + NONCE, sealed.length - 1 - NONCE);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
