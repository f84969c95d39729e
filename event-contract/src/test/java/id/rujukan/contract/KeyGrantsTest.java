package id.rujukan.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.junit.jupiter.api.Test;

class KeyGrantsTest {

    private static final byte[] GRANT = KeyGrants.boundTo("7d0c-referral", "52aa-case", "rutan-martapura",
            "dinsos-1608", "dinsos-1608.2026-11");

    @Test
    void aDataKeySealedForAnAgencysGrantKeyOpensWithItsPrivateKeyAndNoOther() throws Exception {
        KeyPair dinsos = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        KeyPair lksa = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        byte[] dataKey = randomKey();

        KeyGrants.Sealed sealed = KeyGrants.seal(KeyGrants.publicKey(published(dinsos)), dataKey, GRANT);

        assertThat(KeyGrants.open(KeyGrants.privateKey(pem(dinsos)), sealed, GRANT)).isEqualTo(dataKey);
        assertThatThrownBy(() -> KeyGrants.open(KeyGrants.privateKey(pem(lksa)), sealed, GRANT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not open");
    }

    @Test
    void aSealedKeyOpensOnlyForTheGrantItWasSealedFor() throws Exception {
        KeyPair dinsos = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        AsymmetricCipherKeyPair own = KeyGrants.privateKey(pem(dinsos));
        KeyGrants.Sealed sealed = KeyGrants.seal(KeyGrants.publicKey(published(dinsos)), randomKey(), GRANT);

        for (byte[] other : new byte[][] {
            KeyGrants.boundTo("7d0c-referral", "other-case", "rutan-martapura", "dinsos-1608", "dinsos-1608.2026-11"),
            KeyGrants.boundTo("other-referral", "52aa-case", "rutan-martapura", "dinsos-1608", "dinsos-1608.2026-11"),
            KeyGrants.boundTo("7d0c-referral", "52aa-case", "lksa-1608", "dinsos-1608", "dinsos-1608.2026-11"),
            KeyGrants.boundTo("7d0c-referral", "52aa-case", "rutan-martapura", "dinsos-16", "dinsos-1608.2026-11")}) {
            assertThatThrownBy(() -> KeyGrants.open(own, sealed, other)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aChangedOrMalformedGrantDoesNotOpenAndIsNoCrash() throws Exception {
        KeyPair dinsos = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        AsymmetricCipherKeyPair own = KeyGrants.privateKey(pem(dinsos));
        KeyGrants.Sealed sealed = KeyGrants.seal(KeyGrants.publicKey(published(dinsos)), randomKey(), GRANT);
        byte[] changed = Base64.getDecoder().decode(sealed.sealedKey());
        changed[3] ^= 1;

        for (KeyGrants.Sealed bad : new KeyGrants.Sealed[] {
            new KeyGrants.Sealed(sealed.encapsulatedKey(), Base64.getEncoder().encodeToString(changed)),
            new KeyGrants.Sealed(sealed.encapsulatedKey().substring(8), sealed.sealedKey()),
            new KeyGrants.Sealed("", sealed.sealedKey()),
            new KeyGrants.Sealed(sealed.encapsulatedKey(), "not base64 at all!")}) {
            assertThatThrownBy(() -> KeyGrants.open(own, bad, GRANT)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void onlyX25519KeysAreTakenAsGrantKeys() throws Exception {
        KeyPair ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

        assertThatThrownBy(() -> KeyGrants.publicKey(published(ed25519))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyGrants.privateKey(pem(ed25519))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyGrants.publicKey("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyGrants.privateKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** As the directory publishes a key: X.509 SubjectPublicKeyInfo, base64. */
    private static String published(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    /** As {@code openssl genpkey} writes one: PKCS #8 PEM. */
    private static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
