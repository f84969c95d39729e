package id.rujukan.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.rujukan.contract.SealedData;
import id.rujukan.gateway.protection.CaseKey;
import id.rujukan.gateway.protection.DataSealer;
import id.rujukan.gateway.protection.KeyRotation;
import id.rujukan.gateway.protection.MasterKeys;
import id.rujukan.infra.testing.PrometheusText;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Rotating the master key: the gateway runs with a new key and the test suite's key as a previous one (as the
 * operator sets them), still opens what the old key wrapped, and re-wraps every case key with the new one, after
 * which the old key opens none of them. Runs after the tests without a profile (Quarkus orders profiles last),
 * which leave their keys wrapped with the old key.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.Rotated.class)
class KeyRotationTest {

    static final String OLD = "dGVzdC1vbmx5LW1hc3Rlci1rZXktbm90LWEtc2VjcmU=";
    static final String NEW = "bmV3LXRlc3QtbWFzdGVyLWtleS1mb3Itcm90YXRpb24=";

    /** The new key current, the old one previous; the scheduled rotation left to the test. */
    public static class Rotated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rujukan.protection.master-key", NEW, "rujukan.protection.previous-master-keys", OLD,
                    "rujukan.protection.rotation-every", "1h");
        }
    }

    @Inject
    DataSealer sealer;

    @Inject
    KeyRotation rotation;

    @Inject
    EntityManager entityManager;

    @Test
    void everyCaseKeyIsRewrappedWithTheNewMasterKeyAndWhatTheOldOneSealedStillOpens() throws Exception {
        // a case from before keys had ids, wrapped with the old key, as an older gateway stored it
        UUID oldCase = UUID.randomUUID();
        byte[] dataKey = new byte[32];
        new SecureRandom().nextBytes(dataKey);
        SealedData oldData = Envelopes.seal(dataKey, oldCase, "\"catatan lama\"");
        byte[] wrapped = Envelopes.wrap(OLD, dataKey, oldCase);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "insert into case_key (case_id, wrapped_key, created_at) values (:id, :key, :at)")
                .setParameter("id", oldCase).setParameter("key", wrapped).setParameter("at", Instant.now())
                .executeUpdate());
        // and a case of today, wrapped with the new key
        String newCase = given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON)
                .body(Referrals.infantOfDetainee()).post("/api/v1/referrals").then().statusCode(202).extract()
                .path("referralId");
        assertThat(sealer.open(oldData, String.class)).isEqualTo("catatan lama");

        rotation.rewrapAll();

        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from case_key where wrapped_key is not null and master_key_id is distinct from :id")
                .setParameter("id", MasterKeys.idOf(NEW)).getSingleResult()).longValue())).isZero();
        for (UUID keyId : new UUID[] {oldCase, UUID.fromString(newCase)}) {
            assertThat(Envelopes.unwraps(NEW, keyId)).as("new key opens %s", keyId).isTrue();
            assertThat(Envelopes.unwraps(OLD, keyId)).as("old key opens %s", keyId).isFalse();
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> CaseKey.<CaseKey>findById(oldCase)).masterKeyId)
                .isEqualTo(MasterKeys.idOf(NEW));
        // the data itself was never touched, and opens as before
        assertThat(Envelopes.open(NEW, oldData)).contains("\"catatan lama\"");
        given().auth().oauth2(Tokens.agency("rutan-martapura")).get("/api/v1/referrals/" + newCase + "/details")
                .then().statusCode(200);
        // what tells the operator the old key may go
        assertThat(PrometheusText.sum(given().get("/q/metrics").then().extract().asString(),
                "rujukan_case_keys_to_rewrap", Map.of())).isZero();
    }
}
