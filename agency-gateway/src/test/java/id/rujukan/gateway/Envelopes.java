package id.rujukan.gateway;

import id.rujukan.contract.SealedData;
import id.rujukan.gateway.protection.CaseKey;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens and makes sealed data as anyone holding the gateway's database and a master key could, written apart from
 * the gateway's DataSealer (AES-256-GCM, 12-byte nonce first, the key's case id as associated data), so that a test
 * can check what the stored material itself allows.
 */
final class Envelopes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Envelopes() {
    }

    /** The plaintext of a sealed copy, if the database still holds a key that opens it under {@code masterKey}. */
    static Optional<String> open(String masterKey, SealedData sealed) {
        UUID keyId = UUID.fromString(sealed.keyId());
        CaseKey key = QuarkusTransaction.requiringNew().call(() -> CaseKey.findById(keyId));
        if (key == null || key.wrappedKey == null) {
            return Optional.empty();
        }
        try {
            byte[] dataKey = decrypt(Base64.getDecoder().decode(masterKey), key.wrappedKey, keyId);
            Base64.Decoder base64 = Base64.getDecoder();
            byte[] nonce = base64.decode(sealed.nonce());
            byte[] ciphertext = base64.decode(sealed.ciphertext());
            byte[] joined = new byte[nonce.length + ciphertext.length];
            System.arraycopy(nonce, 0, joined, 0, nonce.length);
            System.arraycopy(ciphertext, 0, joined, nonce.length, ciphertext.length);
            return Optional.of(new String(decrypt(dataKey, joined, keyId), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code masterKey} unwraps the stored data key of {@code keyId}. */
    static boolean unwraps(String masterKey, UUID keyId) {
        CaseKey key = QuarkusTransaction.requiringNew().call(() -> CaseKey.findById(keyId));
        try {
            decrypt(Base64.getDecoder().decode(masterKey), key.wrappedKey, keyId);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Wraps {@code dataKey} for {@code keyId} with {@code masterKey}, as the gateway stores it. */
    static byte[] wrap(String masterKey, byte[] dataKey, UUID keyId) throws GeneralSecurityException {
        return encrypt(Base64.getDecoder().decode(masterKey), dataKey, keyId);
    }

    /** Seals {@code json} with {@code dataKey} for {@code keyId}. */
    static SealedData seal(byte[] dataKey, UUID keyId, String json) throws GeneralSecurityException {
        byte[] sealed = encrypt(dataKey, json.getBytes(StandardCharsets.UTF_8), keyId);
        Base64.Encoder base64 = Base64.getEncoder();
        return new SealedData(keyId.toString(), "A256GCM", base64.encodeToString(Arrays.copyOfRange(sealed, 0, 12)),
                base64.encodeToString(Arrays.copyOfRange(sealed, 12, sealed.length)));
    }

    private static byte[] encrypt(byte[] key, byte[] plaintext, UUID keyId) throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(keyId.toString().getBytes(StandardCharsets.US_ASCII));
        byte[] ciphertext = cipher.doFinal(plaintext);
        byte[] out = new byte[12 + ciphertext.length];
        System.arraycopy(nonce, 0, out, 0, 12);
        System.arraycopy(ciphertext, 0, out, 12, ciphertext.length);
        return out;
    }

    private static byte[] decrypt(byte[] key, byte[] sealed, UUID keyId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed, 0, 12));
        cipher.updateAAD(keyId.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher.doFinal(sealed, 12, sealed.length - 12);
    }
}
