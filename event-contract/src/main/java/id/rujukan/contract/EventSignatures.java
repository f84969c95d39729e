package id.rujukan.contract;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * An event signed by the agency it speaks for: Ed25519 over the CloudEvent's id, type, source, agency, subject and
 * data, so that no one who can write to the topic (another agency's gateway, a shared service) can put an event
 * in an agency's name, or change one, without it showing. The signature and the id of the key that made it travel
 * as two CloudEvents extension attributes. Each agency's public keys are in the agency directory
 * ({@link AgencyPublished#signingKeys()}); a key stays there after it is retired, so old events still verify.
 */
public final class EventSignatures {

    /** Extension attribute: the Ed25519 signature, base64url without padding. */
    public static final String SIGNATURE = "signature";
    /** Extension attribute: the id of the key that made the signature, one of the agency's in the directory. */
    public static final String KEY = "signingkey";
    private static final String ALGORITHM = "Ed25519";
    /**
     * Bouncy Castle's Ed25519, not the JDK's: on JDK 17 the JDK's takes about 620 us to sign and as long to verify,
     * Bouncy Castle's about 50 and 90 (bench/RESULTS), and every event is signed once and checked by each reader.
     * Its keys keep what signing derives from them (the public key), so they are made here, once per key. Used as an
     * instance, not installed in the JVM, so nothing else in a service changes provider.
     */
    private static final Provider PROVIDER = new BouncyCastleProvider();

    private EventSignatures() {
    }

    /**
     * The bytes a signature covers: each attribute length-prefixed (-1 for one that is absent), so that no two
     * different events give the same bytes (moving text from one attribute into the next changes them).
     */
    public static byte[] signedBytes(String id, String type, String source, String agencyId, String subject,
            String data) {
        return lengthPrefixed(id, type, source, agencyId, subject, data);
    }

    /**
     * Fields as one unambiguous run of bytes, each its UTF-8 length (a 4-byte big-endian int, -1 for an absent one)
     * and then its bytes: what signatures cover here, and what the gateway's evidence log hashes.
     */
    public static byte[] lengthPrefixed(String... fields) {
        byte[][] parts = new byte[fields.length][];
        for (int i = 0; i < fields.length; i++) {
            parts[i] = utf8(fields[i]);
        }
        int length = 0;
        for (byte[] part : parts) {
            length += Integer.BYTES + (part == null ? 0 : part.length);
        }
        ByteBuffer bytes = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            if (part == null) {
                bytes.putInt(-1);
            } else {
                bytes.putInt(part.length).put(part);
            }
        }
        return bytes.array();
    }

    public static String sign(PrivateKey key, byte[] signedBytes) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM, PROVIDER);
            signer.initSign(key);
            signer.update(signedBytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("An " + ALGORITHM + " signature could not be made", e);
        }
    }

    // RuntimeException as well as the checked ones below: Bouncy Castle meets some malformed input (an empty key, a
    // signature of the wrong length) with an index out of bounds, not an InvalidKeyException

    /** Whether {@code signature} is {@code key}'s over those bytes; a signature that is not even base64 is not. */
    public static boolean verifies(PublicKey key, byte[] signedBytes, String signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM, PROVIDER);
            verifier.initVerify(key);
            verifier.update(signedBytes);
            return verifier.verify(Base64.getUrlDecoder().decode(signature));
        } catch (RuntimeException | GeneralSecurityException e) {
            return false;
        }
    }

    /** A public key as the directory publishes it: X.509 SubjectPublicKeyInfo, base64. */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM, PROVIDER).generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(base64.strip())));
        } catch (RuntimeException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not an " + ALGORITHM + " public key", e);
        }
    }

    /** A private key as a PEM file holds it (PKCS #8, "BEGIN PRIVATE KEY"). */
    public static PrivateKey privateKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(ALGORITHM, PROVIDER).generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(base64)));
        } catch (RuntimeException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not an " + ALGORITHM + " private key in PKCS #8 PEM", e);
        }
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
