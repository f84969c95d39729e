package id.rujukan.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventSignatures;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.ReferralStateChanged;
import id.rujukan.contract.SealedData;
import id.rujukan.contract.Topics;
import id.rujukan.contract.Urgency;
import id.rujukan.gateway.protection.DataSealer;
import id.rujukan.gateway.submission.ProtectedDetails;
import id.rujukan.infra.testing.DevKeys;
import id.rujukan.infra.testing.KafkaTestClient;
import id.rujukan.infra.testing.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SubmitReferralTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ObjectMapper json;

    @Inject
    DataSealer sealer;

    private KafkaTestClient kafka;

    @BeforeEach
    void setUp() throws Exception {
        kafka = KafkaTestResource.client();
    }

    @Test
    void anEmergencyAndEveryActionOnItTakeTheUrgentIntakeTopicWhileOtherReferralsTakeTheRoutineOne() {
        String emergency = given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON)
                .body(Referrals.infantOfDetainee().replace("\"HIGH\"", "\"EMERGENCY\""))
                .when().post("/api/v1/referrals").then().statusCode(202).extract().path("referralId");
        String routine = given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON)
                .body(Referrals.infantOfDetainee())
                .when().post("/api/v1/referrals").then().statusCode(202).extract().path("referralId");
        for (String referralId : List.of(emergency, routine)) {
            given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON)
                    .body("{\"note\":\"catatan\"}").post("/api/v1/referrals/" + referralId + "/notes")
                    .then().statusCode(202);
        }

        assertThat(SentToKafka.intakeFor(emergency)).extracting(r -> r.topic() + " " + typeOf(r))
                .containsExactly(Topics.intake("rutan-martapura", Urgency.EMERGENCY) + " " + EventTypes.REFERRAL_SUBMITTED,
                        Topics.intake("rutan-martapura", Urgency.EMERGENCY) + " "
                                + EventTypes.REFERRAL_ACTION_REQUESTED);
        assertThat(SentToKafka.intakeFor(routine)).extracting(r -> r.topic() + " " + typeOf(r))
                .containsExactly(Topics.intake("rutan-martapura", Urgency.NORMAL) + " " + EventTypes.REFERRAL_SUBMITTED,
                        Topics.intake("rutan-martapura", Urgency.NORMAL) + " " + EventTypes.REFERRAL_ACTION_REQUESTED);
    }

    private static String typeOf(ConsumerRecord<String, String> record) {
        return KafkaTestClient.headerValue(record, "ce_type").orElse("");
    }

    @Test
    void anAgencyThisGatewayHoldsNoKeyForIsTurnedAwayBeforeAnythingIsDone() {
        long before = SentToKafka.intakeCount();
        given().auth().oauth2(Tokens.agency("puskesmas-jayapura")).contentType(ContentType.JSON)
                .body(Referrals.infantOfDetainee()).when().post("/api/v1/referrals")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("does not act for agency puskesmas-jayapura"));
        given().auth().oauth2(Tokens.user("puskesmas-jayapura", "officer")).when().get("/api/v1/inbox")
                .then().statusCode(403);
        assertThat(SentToKafka.intakeCount()).isEqualTo(before);
    }

    @Test
    void everyEventTheGatewayPublishesIsSignedByTheAgencyItSpeaksFor() {
        String referralId = given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON)
                .body(Referrals.infantOfDetainee()).when().post("/api/v1/referrals").then().statusCode(202).extract()
                .path("referralId");
        given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON)
                .body("{\"note\":\"catatan\"}").post("/api/v1/referrals/" + referralId + "/notes")
                .then().statusCode(202);

        List<ConsumerRecord<String, String>> published = SentToKafka.intakeFor(referralId);
        assertThat(published).hasSize(2).allSatisfy(record -> {
            String agency = KafkaTestClient.headerValue(record, "ce_agencyid").orElseThrow();
            assertThat(agency).isEqualTo("rutan-martapura");
            assertThat(KafkaTestClient.headerValue(record, "ce_" + EventSignatures.KEY))
                    .contains(DevKeys.keyId("rutan-martapura"));
            byte[] signed = EventSignatures.signedBytes(KafkaTestClient.headerValue(record, "ce_id").orElseThrow(),
                    typeOf(record), KafkaTestClient.headerValue(record, "ce_source").orElseThrow(), agency,
                    KafkaTestClient.headerValue(record, "ce_subject").orElseThrow(), record.value());
            String signature = KafkaTestClient.headerValue(record, "ce_" + EventSignatures.SIGNATURE).orElseThrow();
            assertThat(EventSignatures.verifies(EventSignatures.publicKey(DevKeys.publicKey("rutan-martapura")),
                    signed, signature)).as("verifies with the Rutan's public key").isTrue();
            assertThat(EventSignatures.verifies(EventSignatures.publicKey(DevKeys.publicKey("dinsos-1608")),
                    signed, signature)).as("verifies with Dinas Sosial's").isFalse();
        });
    }

    @Test
    void aSubmittedReferralIsAcceptedOnceOnKafkaWithTheChildsDataSealed() throws Exception {
        ExtractableResponse<Response> accepted = given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON)
                .body(Referrals.infantOfDetainee())
                .when().post("/api/v1/referrals")
                .then().statusCode(202)
                .body("state", equalTo("REQUESTED"))
                .extract();
        String referralId = accepted.path("referralId");
        assertThat(accepted.header("Location")).endsWith("/api/v1/referrals/" + referralId);

        ConsumerRecord<String, String> record = kafka.await(SentToKafka.INTAKE_TOPICS,
                r -> referralId.equals(r.key()), 1, WAIT).get(0);
        assertThat(KafkaTestClient.headerValue(record, "ce_type")).contains(EventTypes.REFERRAL_SUBMITTED);
        assertThat(KafkaTestClient.headerValue(record, "ce_source")).contains(CloudEventAttributes.SOURCE_AGENCY_GATEWAY);
        assertThat(KafkaTestClient.headerValue(record, "ce_agencyid")).contains("rutan-martapura");
        assertThat(KafkaTestClient.headerValue(record, "ce_id")).isPresent();
        assertThat(record.value())
                .doesNotContain(Referrals.CHILD_NAME)
                .doesNotContain(Referrals.CHILD_NIK)
                .doesNotContain("Martapura;")
                .doesNotContain("Jl. Lintas Sumatera");
        JsonNode event = json.readTree(record.value());
        assertThat(event.get("ageBand").asText()).isEqualTo("INFANT_UNDER_1");
        assertThat(event.get("targetAgencyId").asText()).isEqualTo("dinsos-1608");
        assertThat(event.get("childRegion").get("regencyCode").asText()).isEqualTo("16.08");

        SealedData sealed = json.treeToValue(event.get("sealedData"), SealedData.class);
        ProtectedDetails opened = sealer.open(sealed, ProtectedDetails.class);
        assertThat(opened.child().name()).isEqualTo(Referrals.CHILD_NAME);
        assertThat(opened.child().nik()).isEqualTo(Referrals.CHILD_NIK);
        assertThat(opened.summary()).isEqualTo(Referrals.SUMMARY);
    }

    @Test
    void theLocationOfAnAcceptedReferralShowsItsStateAsReferralServiceMovesIt() throws Exception {
        String location = given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON).body(Referrals.infantOfDetainee())
                .when().post("/api/v1/referrals")
                .then().statusCode(202)
                .extract().header("Location");
        String referralId = location.substring(location.lastIndexOf('/') + 1);

        given().auth().oauth2(Tokens.agency("rutan-martapura")).when().get(location).then().statusCode(200)
                .body("referralId", equalTo(referralId))
                .body("state", equalTo("REQUESTED"))
                .body("referringAgencyId", equalTo("rutan-martapura"));

        publishLifecycle(routed(referralId, 2, "ROUTED", "routed to Dinas Sosial Kabupaten OKU Timur by rule named-by-referrer"));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.agency("rutan-martapura")).when().get(location).then().statusCode(200)
                .body("state", equalTo("ROUTED"))
                .body("targetAgencyId", equalTo("dinsos-1608"))
                .body("routingReason", equalTo("routed to Dinas Sosial Kabupaten OKU Timur by rule named-by-referrer")));

        // an older event arriving late never takes the referral back
        publishLifecycle(routed(referralId, 1, "REQUESTED", "stale"));
        String marker = KafkaTestClient.keyOnSamePartitionAs(referralId,
                partitions(Topics.lifecycle("rutan-martapura")));
        publishLifecycle(routed(marker, 2, "ROUTED", "marker"));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.agency("rutan-martapura")).when().get("/api/v1/referrals/" + marker).then().statusCode(200));
        given().auth().oauth2(Tokens.agency("rutan-martapura")).when().get(location).then().statusCode(200).body("state", equalTo("ROUTED")).body("version", equalTo(2));
    }

    private static int partitions(String topic) {
        return Topics.ofAgency("rutan-martapura").stream().filter(t -> t.name().equals(topic)).findFirst()
                .orElseThrow().partitions();
    }

    private ReferralStateChanged routed(String referralId, long version, String state, String reason) {
        return LifecycleEvents.routed(referralId, version, state, CaseCategory.CHILD_OF_DETAINEE, Urgency.HIGH, reason);
    }

    private void publishLifecycle(ReferralStateChanged routed) throws Exception {
        kafka.sendEvent(LifecycleEvents.topicsOf(routed), routed.referralId(), EventTypes.REFERRAL_ROUTED,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM,
                json.writeValueAsString(routed));
    }
}
