package id.rujukan.contract;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

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
     * The keys as Bouncy Castle's Ed25519 takes them, made once per key: it keeps what signing and checking derive
     * from a key (the public key, the decoded point). Bouncy Castle's, not the JDK's: on JDK 17 the JDK's takes
     * about 620 us to sign and as long to check, Bouncy Castle's about 45 and 80 (bench/RESULTS), and every event is
     * signed once and checked by each reader. Its lightweight API, not its JCA provider, whose construction takes
     * most of a second of a service's start. Weak keys: a key no one holds any more is let go.
     */
    private static final Map<Key, CipherParameters> PARAMETERS = Collections.synchronizedMap(new WeakHashMap<>());

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
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, parameters(key));
        signer.update(signedBytes, 0, signedBytes.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signer.generateSignature());
    }

    /** Whether {@code signature} is {@code key}'s over those bytes; a signature that is not even base64 is not. */
    public static boolean verifies(PublicKey key, byte[] signedBytes, String signature) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(signature);
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, parameters(key));
            verifier.update(signedBytes, 0, signedBytes.length);
            return verifier.verifySignature(bytes);
        } catch (RuntimeException e) {
            // not base64, or input Bouncy Castle meets with an index out of bounds (a signature of the wrong length)
            return false;
        }
    }

    /** A public key as the directory publishes it: X.509 SubjectPublicKeyInfo, base64. */
    public static PublicKey publicKey(String base64) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(base64.strip())));
            parameters(key);
            return key;
        } catch (RuntimeException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not an " + ALGORITHM + " public key", e);
        }
    }

    /** A private key as a PEM file holds it (PKCS #8, "BEGIN PRIVATE KEY"). */
    public static PrivateKey privateKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            PrivateKey key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(base64)));
            parameters(key);
            return key;
        } catch (RuntimeException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not an " + ALGORITHM + " private key in PKCS #8 PEM", e);
        }
    }

    /** The key as Bouncy Castle's Ed25519 takes it, from its standard encoding (PKCS #8 or X.509). */
    private static CipherParameters parameters(Key key) {
        return PARAMETERS.computeIfAbsent(key, each -> {
            try {
                CipherParameters parameters = each instanceof PrivateKey
                        ? PrivateKeyFactory.createKey(each.getEncoded())
                        : PublicKeyFactory.createKey(each.getEncoded());
                if (!(parameters instanceof Ed25519PrivateKeyParameters
                        || parameters instanceof Ed25519PublicKeyParameters)) {
                    throw new IllegalArgumentException("not an " + ALGORITHM + " key: " + each.getAlgorithm());
                }
                return parameters;
            } catch (IOException e) {
                throw new IllegalArgumentException("not an " + ALGORITHM + " key", e);
            }
        });
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
