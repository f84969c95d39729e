package id.rujukan.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.ReferralStateChanged;
import id.rujukan.contract.Urgency;
import id.rujukan.infra.testing.KafkaTestClient;
import id.rujukan.infra.testing.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What an agency can do to a referral through the API, and what it cannot. */
@QuarkusTest
class ActionTest {

    private static final String NOTE = "Ibu Siti Aminah meminta anak diasuh neneknya";

    @Inject
    ObjectMapper json;

    @Test
    void theReceivingAgencyAcceptsAndTheActionIsRecordedOnKafkaWithItsNoteSealed() throws Exception {
        String referralId = routed("ROUTED");

        String actionId = given().auth().oauth2(Tokens.user("dinsos-1608", "officer")).contentType(ContentType.JSON)
                .body("{\"note\":\"" + NOTE + "\"}")
                .when().post("/api/v1/referrals/" + referralId + "/accept")
                .then().statusCode(202).body("action", equalTo("ACCEPT")).body("state", equalTo("ROUTED"))
                .extract().path("actionId");

        ConsumerRecord<String, String> record = KafkaTestResource.client().await(SentToKafka.INTAKE_TOPICS,
                r -> referralId.equals(r.key()), 1, Duration.ofSeconds(20)).get(0);
        assertThat(KafkaTestClient.headerValue(record, "ce_type")).contains(EventTypes.REFERRAL_ACTION_REQUESTED);
        assertThat(KafkaTestClient.headerValue(record, "ce_agencyid")).contains("dinsos-1608");
        JsonNode data = json.readTree(record.value());
        assertThat(data.get("actionId").asText()).isEqualTo(actionId);
        assertThat(data.get("actor").asText()).isEqualTo("officer.dinsos-1608");
        assertThat(data.get("note").get("ciphertext").asText()).isNotBlank();
        assertThat(record.value()).doesNotContain("Siti").doesNotContain("nenek");
    }

    @Test
    void onlyTheRightPartyMayActAndOthersDoNotLearnTheReferralExists() throws Exception {
        String referralId = routed("ROUTED");

        given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/referrals/" + referralId + "/accept")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.agency("dinsos-1608")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/referrals/" + referralId + "/cancel")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.agency("lksa-6371")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/referrals/" + referralId + "/accept")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/referrals/" + referralId + "/cancel")
                .then().statusCode(202);
    }

    @Test
    void acceptingACancelledReferralIsAConflictNamingTheCurrentState() throws Exception {
        String referralId = routed("CANCELLED");

        given().auth().oauth2(Tokens.agency("dinsos-1608")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/referrals/" + referralId + "/accept")
                .then().statusCode(409).contentType("application/problem+json")
                .body("currentState", equalTo("CANCELLED"));
        assertThat(SentToKafka.intakeFor(referralId)).isEmpty();
    }

    @Test
    void aDeclineWithoutAReasonCodeIsRefusedNamingTheField() throws Exception {
        String referralId = routed("RECEIVED");

        given().auth().oauth2(Tokens.agency("dinsos-1608")).contentType(ContentType.JSON).body("{\"note\":\"x\"}")
                .when().post("/api/v1/referrals/" + referralId + "/decline")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("reasonCode"));
        given().auth().oauth2(Tokens.agency("dinsos-1608")).contentType(ContentType.JSON)
                .body("{\"reasonCode\":\"no capacity!\"}")
                .when().post("/api/v1/referrals/" + referralId + "/decline")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.agency("dinsos-1608")).contentType(ContentType.JSON)
                .body("{\"reasonCode\":\"NO_CAPACITY\"}")
                .when().post("/api/v1/referrals/" + referralId + "/decline")
                .then().statusCode(202);
    }

    @Test
    void aSupervisorAcceptsOnBehalfOfAnOfficerAndAnOfficerMayNot() throws Exception {
        String referralId = routed("RECEIVED");

        given().auth().oauth2(Tokens.user("dinsos-1608", "officer")).contentType(ContentType.JSON)
                .body("{\"onBehalfOf\":\"budi.officer\"}")
                .when().post("/api/v1/referrals/" + referralId + "/accept")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("dinsos-1608", "supervisor")).contentType(ContentType.JSON)
                .body("{\"onBehalfOf\":\"budi.officer\"}")
                .when().post("/api/v1/referrals/" + referralId + "/accept")
                .then().statusCode(202);

        // only the supervisor's action reached Kafka: the officer's was refused before it was recorded
        JsonNode data = json.readTree(KafkaTestResource.client().await(SentToKafka.INTAKE_TOPICS,
                r -> referralId.equals(r.key()), 1, Duration.ofSeconds(20)).get(0).value());
        assertThat(data.get("actor").asText()).isEqualTo("supervisor.dinsos-1608");
        assertThat(data.get("onBehalfOf").asText()).isEqualTo("budi.officer");
        assertThat(SentToKafka.intakeFor(referralId)).hasSize(1);
    }

    @Test
    void onlyASupervisorHeadOrTheAgencysSystemPutsAnotherOfficerInChargeAndMustNameThem() throws Exception {
        String referralId = routed("ACCEPTED");

        given().auth().oauth2(Tokens.user("dinsos-1608", "officer")).contentType(ContentType.JSON)
                .body("{\"officerInCharge\":\"ani.officer\"}")
                .when().post("/api/v1/referrals/" + referralId + "/reassign")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("dinsos-1608", "head")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/referrals/" + referralId + "/reassign")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("officerInCharge"));
        given().auth().oauth2(Tokens.user("dinsos-1608", "head")).contentType(ContentType.JSON)
                .body("{\"officerInCharge\":\"ani officer\"}")
                .when().post("/api/v1/referrals/" + referralId + "/reassign")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("dinsos-1608", "head")).contentType(ContentType.JSON)
                .body("{\"officerInCharge\":\"ani.officer\"}")
                .when().post("/api/v1/referrals/" + referralId + "/reassign")
                .then().statusCode(202).body("action", equalTo("REASSIGN"));

        JsonNode data = json.readTree(SentToKafka.intakeFor(referralId).get(0).value());
        assertThat(data.get("action").asText()).isEqualTo("REASSIGN");
        assertThat(data.get("officerInCharge").asText()).isEqualTo("ani.officer");
    }

    @Test
    void aCodeNotInTheListIsRefusedNamingTheFieldAndTheCodesItTakes() throws Exception {
        String referralId = routed("RECEIVED");

        given().auth().oauth2(Tokens.agency("dinsos-1608")).contentType(ContentType.JSON)
                .body("{\"reasonCode\":\"TOO_BUSY\"}")
                .when().post("/api/v1/referrals/" + referralId + "/decline")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("reasonCode"))
                .body("detail", org.hamcrest.Matchers.containsString("NOT_ELIGIBLE"));
        assertThat(SentToKafka.intakeFor(referralId)).isEmpty();
    }

    @Test
    void anOfficerTheAdminRecordsAsGoneIsRefusedAtOnceAndReferralServiceIsTold() throws Exception {
        String referralId = routed("ACCEPTED");
        String leaving = Tokens.named("dinsos-1608", "rina.officer", "officer");
        given().auth().oauth2(leaving).get("/api/v1/referrals/" + referralId).then().statusCode(200);

        given().auth().oauth2(Tokens.user("dinsos-1608", "officer")).put("/api/v1/admin/officers/rina.officer/departed")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.user("dinsos-1608", "agency-admin"))
                .put("/api/v1/admin/officers/rina.officer/departed").then().statusCode(204);

        // the token she still holds opens nothing, from now on; her colleagues' still do
        given().auth().oauth2(leaving).get("/api/v1/referrals/" + referralId).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(leaving).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/referrals/" + referralId + "/progress").then().statusCode(403);
        given().auth().oauth2(Tokens.user("dinsos-1608", "officer")).get("/api/v1/referrals/" + referralId)
                .then().statusCode(200);
        // the same name at another agency is another person
        given().auth().oauth2(Tokens.named("rutan-martapura", "rina.officer", "officer")).get("/api/v1/inbox")
                .then().statusCode(200);

        JsonNode departed = json.readTree(KafkaTestResource.client().await(SentToKafka.INTAKE_TOPICS,
                r -> "dinsos-1608".equals(r.key()) && KafkaTestClient.headerValue(r, "ce_type").orElse("")
                        .equals(EventTypes.OFFICER_DEPARTED), 1, Duration.ofSeconds(20)).get(0).value());
        assertThat(departed.get("officer").asText()).isEqualTo("rina.officer");
        assertThat(departed.get("departedBy").asText()).isEqualTo("agency-admin.dinsos-1608");
    }

    /** A referral from the Rutan to Dinas Sosial OKU Timur, in the given state, as the gateway knows it. */
    private String routed(String state) throws Exception {
        String referralId = UUID.randomUUID().toString();
        ReferralStateChanged changed = LifecycleEvents.routed(referralId, 3, state, CaseCategory.CHILD_OF_DETAINEE,
                Urgency.HIGH, "routed");
        KafkaTestResource.client().sendEvent(LifecycleEvents.topicsOf(changed), referralId, EventTypes.REFERRAL_STATE_CHANGED,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM,
                json.writeValueAsString(changed));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.agency("dinsos-1608"))
                .get("/api/v1/referrals/" + referralId).then().statusCode(200).body("state", equalTo(state)));
        return referralId;
    }
}
