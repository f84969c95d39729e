package id.rujukan.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * How a case's data key is sealed for one agency ({@link CaseKeyGranted}): HPKE (RFC 9180), base mode,
 * DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and AES-256-GCM, for the agency's grant key from the directory
 * ({@link AgencyPublished.GrantKey}). The sealed key is bound to the grant it travels in (its referral, case,
 * granter, grantee and grant key, as associated data), so it cannot be replayed as another case's key or for
 * another agency. A standard suite, so that an agency's own system may open its grants with any HPKE library;
 * Bouncy Castle's here, as for the signatures ({@link EventSignatures}), which also authenticate the grant.
 */
public final class KeyGrants {

    private static final byte[] INFO = "rujukan case key grant v1".getBytes(StandardCharsets.US_ASCII);

    /** The data key sealed for a grantee: both base64, as {@link CaseKeyGranted} carries them. */
    public record Sealed(String encapsulatedKey, String sealedKey) {
    }

    private KeyGrants() {
    }

    private static HPKE hpke() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    }

    /**
     * Seals a data key for the grantee's grant key.
     *
     * @param granteeKey the grant key's public key, as the directory publishes it ({@link #publicKey})
     * @param boundTo what the grant is for ({@link #boundTo})
     */
    public static Sealed seal(AsymmetricKeyParameter granteeKey, byte[] dataKey, byte[] boundTo) {
        try {
            byte[][] sealed = hpke().seal(granteeKey, INFO, boundTo, dataKey, null, null, null);
            Base64.Encoder base64 = Base64.getEncoder();
            return new Sealed(base64.encodeToString(sealed[1]), base64.encodeToString(sealed[0]));
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("Sealing a data key failed", e);
        }
    }

    /**
     * Opens a data key sealed for this grant key.
     *
     * @throws IllegalArgumentException if it was not sealed for this key, or for this grant (changed on the way, or
     *         moved from another grant)
     */
    public static byte[] open(AsymmetricCipherKeyPair grantKey, Sealed sealed, byte[] boundTo) {
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            return hpke().open(base64.decode(sealed.encapsulatedKey()), grantKey, INFO, boundTo,
                    base64.decode(sealed.sealedKey()), null, null, null);
        } catch (InvalidCipherTextException | RuntimeException e) {
            // Bouncy Castle meets some malformed input (an encapsulated key of the wrong length) with runtime
            // exceptions
            throw new IllegalArgumentException("the data key does not open with this grant key: it was sealed for "
                    + "another key or another grant, or changed on the way");
        }
    }

    /** What a grant's sealed key is bound to: every field that says whose key it is, for whom. */
    public static byte[] boundTo(String referralId, String caseId, String granterAgencyId, String granteeAgencyId,
            String grantKeyId) {
        return EventSignatures.lengthPrefixed(referralId, caseId, granterAgencyId, granteeAgencyId, grantKeyId);
    }

    /** A grant key as the directory publishes it: X25519, X.509 SubjectPublicKeyInfo, base64. */
    public static AsymmetricKeyParameter publicKey(String base64) {
        try {
            AsymmetricKeyParameter key = PublicKeyFactory.createKey(Base64.getDecoder().decode(base64.strip()));
            if (!(key instanceof X25519PublicKeyParameters)) {
                throw new IllegalArgumentException("not an X25519 public key");
            }
            return key;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an X25519 public key", e);
        }
    }

    /** A grant key's private half as a PEM file holds it (PKCS #8, "BEGIN PRIVATE KEY"), with its public half. */
    public static AsymmetricCipherKeyPair privateKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            AsymmetricKeyParameter key = PrivateKeyFactory.createKey(Base64.getDecoder().decode(base64));
            if (!(key instanceof X25519PrivateKeyParameters privateKey)) {
                throw new IllegalArgumentException("not an X25519 private key");
            }
            return new AsymmetricCipherKeyPair(privateKey.generatePublicKey(), privateKey);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an X25519 private key in PKCS #8 PEM", e);
        }
    }
}
