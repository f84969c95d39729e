package id.rujukan.gateway.protection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.SealedData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of a case's personal data. Each case gets its own AES-256 data key, stored only
 * here, wrapped with the master key; the data is sealed with AES-GCM, bound to the case id (associated
 * data), so a sealed blob cannot be passed off as another case's. Every referral of a case (the first, and
 * each handoff) and every note on them is sealed with the case's one key, so one erase makes all of it
 * unreadable. A sealed blob names its key ({@link SealedData#keyId()}, the case id): data sealed before keys were per case
 * names its referral's key, and still opens.
 */
@ApplicationScoped
public class DataSealer {

    public static final String ALGORITHM = "A256GCM";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MasterKeys masterKeys;
    private final ObjectMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public DataSealer(MasterKeys masterKeys, ObjectMapper json, Clock clock) {
        this.masterKeys = masterKeys;
        this.json = json;
        this.clock = clock;
    }

    /** Seals {@code data} with the case's data key, made the first time the case has something sealed. */
    @Transactional
    public SealedData seal(UUID caseId, Object data) {
        try {
            SecretKey dataKey = dataKey(caseId);
            byte[] sealed = encrypt(dataKey, json.writeValueAsBytes(data), caseId);
            Base64.Encoder base64 = Base64.getEncoder();
            return new SealedData(caseId.toString(), ALGORITHM,
                    base64.encodeToString(Arrays.copyOfRange(sealed, 0, NONCE_BYTES)),
                    base64.encodeToString(Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length)));
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("Sealing case data failed", e);
        }
    }

    private SecretKey dataKey(UUID caseId) throws GeneralSecurityException {
        CaseKey existing = CaseKey.findById(caseId);
        if (existing != null && existing.wrappedKey == null) {
            throw new KeyErasedException(caseId.toString());
        }
        if (existing != null) {
            return unwrap(existing);
        }
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256, random);
        SecretKey dataKey = generator.generateKey();
        CaseKey key = new CaseKey();
        key.caseId = caseId;
        key.createdAt = clock.instant();
        wrap(key, dataKey);
        key.persist();
        return dataKey;
    }

    /**
     * The case's data key itself, to be granted to another agency's gateway ({@link id.rujukan.gateway.grant}).
     *
     * @return empty if this gateway holds no key of the case, or it was erased
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<byte[]> keyOf(UUID caseId) {
        CaseKey key = CaseKey.findById(caseId);
        if (key == null || key.wrappedKey == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(unwrap(key).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unwrapping the data key of case " + caseId + " failed", e);
        }
    }

    /**
     * Keeps a case's data key that another agency's gateway granted, wrapped with the master key as this gateway's
     * own are: from now on it opens the case's data here, and erasing the case here erases it. A key already held is
     * kept as it is; an erased one is not brought back.
     *
     * @return whether the key was taken
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean adopt(UUID caseId, byte[] dataKey) {
        if (dataKey.length != 32) {
            throw new IllegalArgumentException("a case data key is 32 bytes, not " + dataKey.length);
        }
        if (CaseKey.findById(caseId) != null) {
            return false;
        }
        CaseKey key = new CaseKey();
        key.caseId = caseId;
        key.createdAt = clock.instant();
        try {
            wrap(key, new SecretKeySpec(dataKey, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Wrapping a granted data key failed", e);
        }
        key.persist();
        return true;
    }

    /** Whether this data key opens the sealed data: a granted key is checked against the data it came with. */
    public boolean opens(SealedData sealed, byte[] dataKey) {
        try {
            decrypt(new SecretKeySpec(dataKey, "AES"), joined(sealed), UUID.fromString(sealed.keyId()));
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            // not base64, too short, not a case id: it does not open
            return false;
        }
    }

    /** Wraps (or wraps again) a case's data key with the current master key. */
    void wrap(CaseKey key, SecretKey dataKey) throws GeneralSecurityException {
        MasterKeys.MasterKey current = masterKeys.current();
        key.wrappedKey = encrypt(current.key(), dataKey.getEncoded(), key.caseId);
        key.masterKeyId = current.id();
    }

    /** The case's data key, unwrapped with the master key that wrapped it. */
    SecretKey unwrap(CaseKey key) throws GeneralSecurityException {
        if (key.masterKeyId != null) {
            MasterKeys.MasterKey master = masterKeys.byId(key.masterKeyId).orElseThrow(() -> new IllegalStateException(
                    "The data key of case " + key.caseId + " is wrapped with master key " + key.masterKeyId
                            + ", which is configured neither as rujukan.protection.master-key nor among previous-master-keys"));
            return new SecretKeySpec(decrypt(master.key(), key.wrappedKey, key.caseId), "AES");
        }
        // wrapped before keys had ids: the configured key that opens it (GCM's tag tells)
        for (MasterKeys.MasterKey master : masterKeys.all()) {
            try {
                return new SecretKeySpec(decrypt(master.key(), key.wrappedKey, key.caseId), "AES");
            } catch (AEADBadTagException e) {
                // not this one
            }
        }
        throw new IllegalStateException("No configured master key opens the data key of case " + key.caseId);
    }

    /**
     * Erases the case's data key (crypto-shredding): every sealed copy of its data, on Kafka, in backups,
     * in other services, becomes unreadable for good.
     *
     * @return whether there was a key to erase
     */
    @Transactional
    public boolean erase(UUID caseId) {
        CaseKey key = CaseKey.findById(caseId);
        if (key == null || key.wrappedKey == null) {
            return false;
        }
        key.wrappedKey = null;
        key.erasedAt = clock.instant();
        return true;
    }

    /**
     * Erases the case's data key, as {@link #erase} does, and where this gateway holds none yet, bars one from being
     * taken later ({@link #adopt}): a key another agency granted before it erased the case may still be on its way.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseForGood(UUID caseId) {
        if (CaseKey.findById(caseId) == null) {
            CaseKey barred = new CaseKey();
            barred.caseId = caseId;
            barred.createdAt = clock.instant();
            barred.erasedAt = clock.instant();
            barred.persist();
            return;
        }
        erase(caseId);
    }

    /**
     * Opens sealed data with the key it names.
     *
     * @throws KeyErasedException if the key was erased
     */
    @Transactional
    public <T> T open(SealedData sealed, Class<T> type) {
        UUID caseId = UUID.fromString(sealed.keyId());
        CaseKey key = CaseKey.findById(caseId);
        if (key == null || key.wrappedKey == null) {
            throw new KeyErasedException(caseId.toString());
        }
        try {
            return json.readValue(decrypt(unwrap(key), joined(sealed), caseId), type);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Opening case data failed", e);
        }
    }

    /** nonce ‖ ciphertext ‖ tag, as {@link #decrypt} takes them, from their base64 in {@link SealedData} */
    private static byte[] joined(SealedData sealed) {
        Base64.Decoder base64 = Base64.getDecoder();
        byte[] nonce = base64.decode(sealed.nonce());
        byte[] ciphertext = base64.decode(sealed.ciphertext());
        byte[] joined = new byte[nonce.length + ciphertext.length];
        System.arraycopy(nonce, 0, joined, 0, nonce.length);
        System.arraycopy(ciphertext, 0, joined, nonce.length, ciphertext.length);
        return joined;
    }

    /** nonce ‖ ciphertext ‖ tag */
    private byte[] encrypt(SecretKey key, byte[] plaintext, UUID caseId) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(caseId.toString().getBytes(StandardCharsets.US_ASCII));
        byte[] ciphertext = cipher.doFinal(plaintext);
        byte[] out = new byte[NONCE_BYTES + ciphertext.length];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        System.arraycopy(ciphertext, 0, out, NONCE_BYTES, ciphertext.length);
        return out;
    }

    private byte[] decrypt(SecretKey key, byte[] sealed, UUID caseId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
        cipher.updateAAD(caseId.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }
}
