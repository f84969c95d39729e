package id.rujukan.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventSignaturesTest {

    private static final String[] EVENT = {"3f1c", "id.rujukan.referral.submitted.v1", "/rujukan/agency-gateway",
        "rutan-martapura", "9b2e", "{\"urgency\":\"HIGH\"}"};

    @Test
    void aSignatureVerifiesWithTheSignersPublicKeyOnlyAndOnlyOverTheSameEvent() throws Exception {
        KeyPair rutan = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String signature = EventSignatures.sign(rutan.getPrivate(), bytes(EVENT));

        assertThat(EventSignatures.verifies(rutan.getPublic(), bytes(EVENT), signature)).isTrue();
        assertThat(EventSignatures.verifies(other.getPublic(), bytes(EVENT), signature)).isFalse();
        // any attribute changed, or text moved from one into the next
        for (int i = 0; i < EVENT.length; i++) {
            String[] changed = EVENT.clone();
            changed[i] = changed[i] + "x";
            assertThat(EventSignatures.verifies(rutan.getPublic(), bytes(changed), signature)).as("attribute " + i)
                    .isFalse();
        }
        String[] moved = EVENT.clone();
        moved[3] = "rutan-martapura/rujukan";
        moved[2] = "/rujukan";
        assertThat(EventSignatures.verifies(rutan.getPublic(), bytes(moved), signature)).isFalse();
        String[] absent = EVENT.clone();
        absent[4] = null;
        String[] empty = EVENT.clone();
        empty[4] = "";
        assertThat(bytes(absent)).isNotEqualTo(bytes(empty));
        for (String garbage : List.of("", "not base64!", signature.substring(1), signature.substring(0, 40),
                signature + signature)) {
            assertThat(EventSignatures.verifies(rutan.getPublic(), bytes(EVENT), garbage)).isFalse();
        }
    }

    @Test
    void keysTravelAsTheDirectoryAndPemFilesHoldThem() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        String signature = EventSignatures.sign(EventSignatures.privateKey(pem), bytes(EVENT));
        assertThat(EventSignatures.verifies(EventSignatures.publicKey(
                java.util.Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())),
                bytes(EVENT), signature)).isTrue();
    }

    @Test
    void signaturesAreRfc8032Ed25519BothWaysWithTheJdksOwnImplementation() throws Exception {
        // an agency's own system may sign with any Ed25519 library: here, the JDK's
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
        jdk.initSign(pair.getPrivate());
        jdk.update(bytes(EVENT));
        String signedByJdk = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(jdk.sign());
        assertThat(EventSignatures.verifies(pair.getPublic(), bytes(EVENT), signedByJdk)).isTrue();

        String signedHere = EventSignatures.sign(pair.getPrivate(), bytes(EVENT));
        jdk.initVerify(pair.getPublic());
        jdk.update(bytes(EVENT));
        assertThat(jdk.verify(java.util.Base64.getUrlDecoder().decode(signedHere))).isTrue();
        // Ed25519 is deterministic: the same key over the same bytes gives the same signature
        assertThat(signedHere).isEqualTo(signedByJdk);
    }

    @Test
    void aKeyThatIsNotAnEd25519KeyIsRefusedAsSuch() throws Exception {
        String rsa = java.util.Base64.getEncoder().encodeToString(
                KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded());
        for (String garbage : List.of("", "AAAA", "not base64!", rsa)) {
            assertThatThrownBy(() -> EventSignatures.publicKey(garbage)).as(garbage)
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("not an Ed25519 public key");
        }
        assertThatThrownBy(() -> EventSignatures.privateKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String[] event) {
        return EventSignatures.signedBytes(event[0], event[1], event[2], event[3], event[4], event[5]);
    }

    @Test
    void everyEventTypeNamesItsSignerAndOnlyWhatAGatewayWritesIsSignedByAnAgency() {
        assertThat(EventTypes.SIGNER.keySet()).isEqualTo(EventTypes.DATA.keySet());
        assertThat(EventTypes.SIGNER.entrySet().stream().filter(type -> type.getValue() == EventSigner.AGENCY)
                .map(Map.Entry::getKey)).containsExactlyInAnyOrder(EventTypes.REFERRAL_SUBMITTED,
                        EventTypes.REFERRAL_ACTION_REQUESTED, EventTypes.ROSTER_CHANGED, EventTypes.OFFICER_DEPARTED,
                        EventTypes.CASE_KEY_GRANTED, EventTypes.CASE_ERASED, EventTypes.CASE_KEY_DESTROYED);
        assertThat(EventSigner.of(EventTypes.REFERRAL_ROUTED).keyOwner("dinsos-1608")).isEqualTo("referral-service");
        assertThat(EventSigner.of(EventTypes.REFERRAL_SUBMITTED).keyOwner("dinsos-1608")).isEqualTo("dinsos-1608");
    }
}
