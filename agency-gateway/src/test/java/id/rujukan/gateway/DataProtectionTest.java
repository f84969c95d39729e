package id.rujukan.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.contract.SealedData;
import id.rujukan.gateway.protection.CaseKey;
import id.rujukan.gateway.protection.DataSealer;
import id.rujukan.gateway.protection.KeyErasedException;
import id.rujukan.gateway.submission.ProtectedDetails;
import id.rujukan.infra.testing.KafkaTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Only a party reads the child's data; every read is audited; erasing the key makes every copy unreadable. */
@QuarkusTest
class DataProtectionTest {

    @Inject
    ObjectMapper json;

    @Inject
    DataSealer sealer;

    @ConfigProperty(name = "rujukan.protection.master-key")
    String masterKey;

    @Test
    void aPartyReadsTheChildsDataAndTheAgencyAdminSeesWhoDid() {
        String referralId = submit();

        given().auth().oauth2(Tokens.user("rutan-martapura", "officer")).get("/api/v1/referrals/" + referralId + "/details")
                .then().statusCode(200).body("child.name", equalTo(Referrals.CHILD_NAME))
                .body("child.nik", equalTo(Referrals.CHILD_NIK));
        given().auth().oauth2(Tokens.agency("lksa-6371")).get("/api/v1/referrals/" + referralId + "/details")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.user("rutan-martapura", "officer")).get("/api/v1/admin/audit").then().statusCode(403);

        JsonPath audit = given().auth().oauth2(Tokens.user("rutan-martapura", "agency-admin"))
                .queryParam("referralId", referralId).get("/api/v1/admin/audit").then().statusCode(200).extract()
                .jsonPath();
        assertThat(audit.getList("action", String.class)).containsExactly("READ_DETAILS", "SUBMIT");
        assertThat(audit.getList("actor", String.class))
                .containsExactly("officer.rutan-martapura", "service-account-rutan-martapura");
        assertThat(audit.getList("agencyId", String.class)).containsOnly("rutan-martapura");
    }

    @Test
    void erasingTheCaseKeyMakesEveryCopyOnKafkaUnreadable() throws Exception {
        String referralId = submit();
        ConsumerRecord<String, String> record = KafkaTestResource.client().await(SentToKafka.INTAKE_TOPICS,
                r -> referralId.equals(r.key()), 1, Duration.ofSeconds(20)).get(0);
        assertThat(record.value()).doesNotContain(Referrals.CHILD_NAME).doesNotContain(Referrals.CHILD_NIK);
        ReferralSubmitted onKafka = json.readValue(record.value(), ReferralSubmitted.class);
        UUID id = UUID.fromString(referralId);
        assertThat(sealer.open(onKafka.sealedData(), ProtectedDetails.class).child().name())
                .isEqualTo(Referrals.CHILD_NAME);

        given().auth().oauth2(Tokens.user("dinsos-1608", "agency-admin")).delete("/api/v1/admin/cases/" + referralId + "/data-keys")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.user("rutan-martapura", "agency-admin"))
                .delete("/api/v1/admin/cases/" + referralId + "/data-keys").then().statusCode(204);

        assertThatThrownBy(() -> sealer.open(onKafka.sealedData(), ProtectedDetails.class))
                .isInstanceOf(KeyErasedException.class);
        given().auth().oauth2(Tokens.agency("rutan-martapura")).get("/api/v1/referrals/" + referralId + "/details")
                .then().statusCode(410).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("rutan-martapura", "agency-admin"))
                .delete("/api/v1/admin/cases/" + referralId + "/data-keys").then().statusCode(410);
        // nothing new is sealed for an erased case either
        given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON)
                .body("{\"note\":\"x\"}").post("/api/v1/referrals/" + referralId + "/notes").then().statusCode(410);
        assertThat(given().auth().oauth2(Tokens.user("rutan-martapura", "agency-admin"))
                .queryParam("referralId", referralId).get("/api/v1/admin/audit").jsonPath().getList("action"))
                .contains("ERASE_DATA_KEY", "READ_DETAILS_ERASED");
    }

    @Test
    void aCaseHasOneKeyForItsReferralItsHandoffAndTheirNotesAndAfterOneEraseNoStoredKeyOpensAnyCopy() throws Exception {
        String caseId = submit();
        given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON)
                .body("{\"note\":\"" + Referrals.CHILD_NAME + " dijenguk ibunya\"}")
                .post("/api/v1/referrals/" + caseId + "/notes").then().statusCode(202);
        String handoffId = given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON)
                .body(Referrals.infantOfDetainee().replace("\"targetAgencyId\": \"dinsos-1608\"",
                        "\"targetAgencyId\": \"dinsos-16\""))
                .post("/api/v1/cases/" + caseId + "/handoffs").then().statusCode(202).extract().path("referralId");

        // every sealed copy that left for Kafka: the referral, the handoff and the note
        List<SealedData> copies = new ArrayList<>();
        for (ConsumerRecord<String, String> record : KafkaTestResource.client().await(SentToKafka.INTAKE_TOPICS,
                r -> caseId.equals(r.key()) || handoffId.equals(r.key()), 3, Duration.ofSeconds(20))) {
            JsonNode event = json.readTree(record.value());
            copies.add(json.treeToValue(event.has("sealedData") ? event.get("sealedData") : event.get("note"),
                    SealedData.class));
        }
        assertThat(copies).hasSize(3).extracting(SealedData::keyId).containsOnly(caseId);
        assertThat(copies).allSatisfy(copy -> assertThat(Envelopes.open(masterKey, copy)).get().asString()
                .contains(Referrals.CHILD_NAME));
        CaseKey handoffsOwn = QuarkusTransaction.requiringNew().call(() -> CaseKey.findById(UUID.fromString(handoffId)));
        assertThat(handoffsOwn).as("no key of its own for the handoff").isNull();

        given().auth().oauth2(Tokens.user("rutan-martapura", "agency-admin"))
                .delete("/api/v1/admin/cases/" + caseId + "/data-keys").then().statusCode(204);

        assertThat(copies).allSatisfy(copy -> assertThat(Envelopes.open(masterKey, copy)).isEmpty());
        given().auth().oauth2(Tokens.agency("rutan-martapura")).get("/api/v1/referrals/" + handoffId + "/details")
                .then().statusCode(410);
        assertThat(given().auth().oauth2(Tokens.user("rutan-martapura", "agency-admin"))
                .queryParam("referralId", handoffId).get("/api/v1/admin/audit").jsonPath().getList("action"))
                .contains("ERASE_DATA_KEY");
    }

    private static String submit() {
        return given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON)
                .body(Referrals.infantOfDetainee()).post("/api/v1/referrals").then().statusCode(202).extract()
                .path("referralId");
    }
}
