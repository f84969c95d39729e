package id.rujukan.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.CaseErased;
import id.rujukan.contract.CaseKeyDestroyed;
import id.rujukan.contract.CaseKeyGranted;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventSignatures;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.KeyGrants;
import id.rujukan.contract.ReferralStateChanged;
import id.rujukan.contract.SealedData;
import id.rujukan.contract.Topics;
import id.rujukan.infra.testing.DevKeys;
import id.rujukan.infra.testing.KafkaTestClient;
import id.rujukan.infra.testing.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Children's data only at party agencies, on Dinas Sosial's own gateway ({@link OwnGatewayTest}): it grants the key
 * of a case it sealed to the target of the referral, whose own gateway alone can open it; and it opens a child's
 * data that another agency's gateway sealed once that agency, the referrer, has granted it the key, and not before.
 */
@QuarkusTest
@TestProfile(OwnGatewayTest.DinasSosialsOwn.class)
class CaseKeyGrantTest {

    private static final String OWN = OwnGatewayTest.OWN;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ObjectMapper json;

    @Test
    void aCaseSealedHereIsGrantedOnceToEachTargetRoutingNamesAndOnlyThatTargetsKeyOpensIt() throws Exception {
        String referralId = given().auth().oauth2(Tokens.agency(OWN)).contentType(ContentType.JSON)
                .body(Referrals.infantOfDetainee().replace("\"referringAgencyId\": \"rutan-martapura\"",
                        "\"referringAgencyId\": \"" + OWN + "\"").replace("\"targetAgencyId\": \"dinsos-1608\"",
                                "\"targetAgencyId\": \"lksa-6371\""))
                .post("/api/v1/referrals").then().statusCode(202).extract().path("referralId");
        String caseId = json.readTree(kafka().await(Topics.intakeTopics(OWN), r -> referralId.equals(r.key())
                && EventTypes.REFERRAL_SUBMITTED.equals(type(r)), 1, WAIT).get(0).value()).get("caseId").asText();

        ReferralStateChanged routed = LifecycleEvents.routedTo(referralId, caseId, OWN, "lksa-6371", null, 2);
        sendLifecycle(routed);
        ConsumerRecord<String, String> record = awaitGrant(referralId, "lksa-6371");
        CaseKeyGranted grant = json.readValue(record.value(), CaseKeyGranted.class);

        assertThat(grant.granterAgencyId()).isEqualTo(OWN);
        assertThat(grant.grantKeyId()).isEqualTo(DevKeys.grantPublicKey("lksa-6371").keyId());
        assertThat(KafkaTestClient.headerValue(record, "ce_" + EventSignatures.KEY)).contains(DevKeys.keyId(OWN));
        assertThat(record.value()).doesNotContain(Referrals.CHILD_NAME);
        byte[] dataKey = KeyGrants.open(DevKeys.grantKey("lksa-6371"), sealed(grant), boundTo(grant));
        assertThat(open(grant.details(), dataKey).get("child").get("name").asText()).isEqualTo(Referrals.CHILD_NAME);
        assertThatThrownBy(() -> KeyGrants.open(DevKeys.grantKey("dinsos-16"), sealed(grant), boundTo(grant)))
                .isInstanceOf(IllegalArgumentException.class);

        // the same routing told again, then a re-routing after a decline: one grant to the first target, one to the
        // second; the re-routing is on the referral's partition after the replay, so its grant comes after any other
        sendLifecycle(routed);
        sendLifecycle(LifecycleEvents.routedTo(referralId, caseId, OWN, "kemensos", "lksa-6371", 4));
        awaitGrant(referralId, "kemensos");
        assertThat(kafka().readToEnd(Topics.intake(OWN, routed.urgency()), WAIT)).filteredOn(
                r -> referralId.equals(r.key()) && EventTypes.CASE_KEY_GRANTED.equals(type(r)))
                .extracting(r -> json.readTree(r.value()).get("granteeAgencyId").asText())
                .containsExactly("lksa-6371", "kemensos");
        given().auth().oauth2(Tokens.agency(OWN)).get("/api/v1/referrals/" + referralId + "/timeline").then()
                .statusCode(200).body("kind", hasItem("KEY_GRANTED"));
    }

    @Test
    void theChildsDataAnotherGatewaySealedOpensHereOnlyOnceItsReferrerGrantedTheKeyAndForgedGrantsAreRefused()
            throws Exception {
        String referralId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        byte[] dataKey = new byte[32];
        new SecureRandom().nextBytes(dataKey);
        SealedData details = seal(caseId, dataKey, """
                {"child": {"name": "%s", "nik": "%s", "sex": "FEMALE"}, "summary": "%s"}"""
                .formatted(Referrals.CHILD_NAME, Referrals.CHILD_NIK, Referrals.SUMMARY));
        sendLifecycle(LifecycleEvents.routedTo(referralId, caseId, "rutan-martapura", OWN, null, 2));
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.agency(OWN))
                .get("/api/v1/referrals/" + referralId).then().statusCode(200));
        given().auth().oauth2(Tokens.agency(OWN)).get("/api/v1/referrals/" + referralId + "/details").then()
                .statusCode(404);

        CaseKeyGranted valid = grant(referralId, caseId, "rutan-martapura", dataKey, details,
                DevKeys.grantPublicKey(OWN));
        // signed by another agency than the granter it names
        String forged = sendGrant(valid, "lksa-6371");
        // sealed for another referral than the one it names
        CaseKeyGranted moved = grant(UUID.randomUUID().toString(), caseId, "rutan-martapura", dataKey, details,
                DevKeys.grantPublicKey(OWN));
        String misbound = sendGrant(new CaseKeyGranted(referralId, caseId, "rutan-martapura", OWN,
                moved.grantKeyId(), moved.encapsulatedKey(), moved.sealedKey(), details, moved.at()),
                "rutan-martapura");
        // sealed for another agency's key
        CaseKeyGranted forOther = grant(referralId, caseId, "rutan-martapura", dataKey, details,
                DevKeys.grantPublicKey("lksa-6371"));
        String otherKey = sendGrant(forOther, "rutan-martapura");
        assertThat(deadLetterReason(forged)).contains("which is not one of agency rutan-martapura's");
        assertThat(deadLetterReason(misbound)).contains("does not open with this grant key");
        assertThat(deadLetterReason(otherKey)).contains("is refused: it is sealed for grant key lksa-6371.dev-1, "
                + "which this gateway does not hold");
        given().auth().oauth2(Tokens.agency(OWN)).get("/api/v1/referrals/" + referralId + "/details").then()
                .statusCode(404);

        sendGrant(valid, "rutan-martapura");

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.agency(OWN))
                .get("/api/v1/referrals/" + referralId + "/details").then().statusCode(200)
                .body("child.name", equalTo(Referrals.CHILD_NAME)).body("summary", equalTo(Referrals.SUMMARY)));
        given().auth().oauth2(Tokens.agency(OWN)).get("/api/v1/referrals/" + referralId + "/timeline").then()
                .statusCode(200).body("kind", hasItem("KEY_RECEIVED"));
    }

    @Test
    void anErasureByTheCasesResponsibleAgencyDestroysTheKeyHereBarsALateGrantAndIsConfirmedOnce() throws Exception {
        String referralId = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        byte[] dataKey = new byte[32];
        new SecureRandom().nextBytes(dataKey);
        SealedData details = seal(caseId, dataKey, "{\"summary\": \"%s\"}".formatted(Referrals.SUMMARY));
        sendLifecycle(LifecycleEvents.routedTo(referralId, caseId, "rutan-martapura", OWN, null, 2));
        sendGrant(grant(referralId, caseId, "rutan-martapura", dataKey, details, DevKeys.grantPublicKey(OWN)),
                "rutan-martapura");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.agency(OWN))
                .get("/api/v1/referrals/" + referralId + "/details").then().statusCode(200));

        // the erasure, as referral-service passes it on, told twice (a redelivery); then another party's
        // confirmation, on the same partition (the case's), after both
        String erased = json.writeValueAsString(new CaseErased(caseId, "rutan-martapura", Instant.now()));
        String erasureId = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            kafka().send(Topics.lifecycle(OWN), caseId, erased, KafkaTestClient.signedCloudEvent(erasureId,
                    EventTypes.CASE_ERASED, CloudEventAttributes.SOURCE_AGENCY_GATEWAY, "rutan-martapura", caseId,
                    erased));
        }
        kafka().sendEvent(Topics.lifecycle(OWN), caseId, EventTypes.CASE_KEY_DESTROYED,
                CloudEventAttributes.SOURCE_AGENCY_GATEWAY, "lksa-6371", json.writeValueAsString(
                        new CaseKeyDestroyed(caseId, "lksa-6371", erasureId, Instant.now())));

        await().atMost(WAIT).untilAsserted(() -> assertThat(timeline(referralId)).contains(
                "ERASED rutan-martapura", "KEY_DESTROYED " + OWN, "KEY_DESTROYED lksa-6371"));
        given().auth().oauth2(Tokens.agency(OWN)).get("/api/v1/referrals/" + referralId + "/details").then()
                .statusCode(410);
        List<JsonNode> confirmations = SentToKafka.intakeFor(caseId).stream()
                .filter(r -> EventTypes.CASE_KEY_DESTROYED.equals(type(r))).map(r -> read(r.value())).toList();
        assertThat(confirmations).hasSize(1);
        assertThat(confirmations.get(0).get("agencyId").asText()).isEqualTo(OWN);
        assertThat(confirmations.get(0).get("erasureId").asText()).isEqualTo(erasureId);

        // a grant of the case's key that was still on its way (another referral of the case) is taken, and
        // opens nothing
        String later = UUID.randomUUID().toString();
        sendLifecycle(LifecycleEvents.routedTo(later, caseId, "rutan-martapura", OWN, null, 2));
        sendGrant(grant(later, caseId, "rutan-martapura", dataKey, details, DevKeys.grantPublicKey(OWN)),
                "rutan-martapura");
        await().atMost(WAIT).untilAsserted(() -> assertThat(timeline(later)).contains("KEY_RECEIVED rutan-martapura"));
        given().auth().oauth2(Tokens.agency(OWN)).get("/api/v1/referrals/" + later + "/details").then()
                .statusCode(410);
    }

    @Test
    void aCaseErasedHereIsAnnouncedToTheOtherHoldersAndTheirConfirmationsShowInTheTimeline() throws Exception {
        String referralId = given().auth().oauth2(Tokens.agency(OWN)).contentType(ContentType.JSON)
                .body(Referrals.infantOfDetainee().replace("\"referringAgencyId\": \"rutan-martapura\"",
                        "\"referringAgencyId\": \"" + OWN + "\"").replace("\"targetAgencyId\": \"dinsos-1608\"",
                                "\"targetAgencyId\": \"lksa-6371\""))
                .post("/api/v1/referrals").then().statusCode(202).extract().path("referralId");
        String caseId = json.readTree(kafka().await(Topics.intakeTopics(OWN), r -> referralId.equals(r.key())
                && EventTypes.REFERRAL_SUBMITTED.equals(type(r)), 1, WAIT).get(0).value()).get("caseId").asText();

        given().auth().oauth2(Tokens.user(OWN, "agency-admin")).delete("/api/v1/admin/cases/" + caseId
                + "/data-keys").then().statusCode(204);

        ConsumerRecord<String, String> announced = kafka().await(Topics.intakeTopics(OWN), r -> caseId.equals(r.key())
                && EventTypes.CASE_ERASED.equals(type(r)), 1, WAIT).get(0);
        assertThat(read(announced.value()).get("agencyId").asText()).isEqualTo(OWN);
        assertThat(KafkaTestClient.headerValue(announced, "ce_" + EventSignatures.KEY)).contains(DevKeys.keyId(OWN));
        kafka().sendEvent(Topics.lifecycle(OWN), caseId, EventTypes.CASE_KEY_DESTROYED,
                CloudEventAttributes.SOURCE_AGENCY_GATEWAY, "lksa-6371", json.writeValueAsString(new CaseKeyDestroyed(
                        caseId, "lksa-6371", KafkaTestClient.headerValue(announced, "ce_id").orElseThrow(),
                        Instant.now())));
        await().atMost(WAIT).untilAsserted(() -> assertThat(timeline(referralId)).contains(
                "ERASED " + OWN, "KEY_DESTROYED lksa-6371"));
    }

    /** The referral's timeline as its kinds and acting agencies, as Dinas Sosial reads it. */
    private static List<String> timeline(String referralId) {
        List<Map<String, String>> entries = given().auth().oauth2(Tokens.agency(OWN))
                .get("/api/v1/referrals/" + referralId + "/timeline").then().statusCode(200).extract().jsonPath()
                .getList("");
        return entries.stream().map(entry -> entry.get("kind") + " " + entry.get("actorAgencyId")).toList();
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CaseKeyGranted grant(String referralId, String caseId, String granter, byte[] dataKey,
            SealedData details, AgencyPublished.GrantKey granteeKey) {
        String grantee = granteeKey.keyId().substring(0, granteeKey.keyId().indexOf('.'));
        KeyGrants.Sealed sealed = KeyGrants.seal(KeyGrants.publicKey(granteeKey.publicKey()), dataKey,
                KeyGrants.boundTo(referralId, caseId, granter, grantee, granteeKey.keyId()));
        return new CaseKeyGranted(referralId, caseId, granter, OWN, granteeKey.keyId(), sealed.encapsulatedKey(),
                sealed.sealedKey(), details, Instant.now());
    }

    /**
     * As referral-service passes a grant on: unchanged, to the grantee's lifecycle topic, signed by the agency that
     * made it ({@code signer}; a forger signs with its own key).
     */
    private String sendGrant(CaseKeyGranted grant, String signer) throws Exception {
        String data = json.writeValueAsString(grant);
        String id = UUID.randomUUID().toString();
        kafka().send(Topics.lifecycle(OWN), grant.referralId(), data, KafkaTestClient.cloudEventSignedBy(signer, id,
                EventTypes.CASE_KEY_GRANTED, CloudEventAttributes.SOURCE_AGENCY_GATEWAY, grant.granterAgencyId(),
                grant.referralId(), data));
        return id;
    }

    private String deadLetterReason(String eventId) {
        return KafkaTestClient.headerValue(kafka().await(Topics.DEAD_LETTER_AGENCY_GATEWAY,
                r -> eventId.equals(KafkaTestClient.headerValue(r, "ce_id").orElse(null)), 1, WAIT).get(0),
                "dead-letter-reason").orElseThrow();
    }

    private void sendLifecycle(ReferralStateChanged changed) throws Exception {
        kafka().sendEvent(LifecycleEvents.topicsOf(changed), changed.referralId(), EventTypes.REFERRAL_ROUTED,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM,
                json.writeValueAsString(changed));
    }

    private ConsumerRecord<String, String> awaitGrant(String referralId, String grantee) {
        return kafka().await(Topics.intakeTopics(OWN), r -> referralId.equals(r.key())
                && EventTypes.CASE_KEY_GRANTED.equals(type(r)) && r.value().contains("\"" + grantee + "\""), 1, WAIT)
                .get(0);
    }

    private static KeyGrants.Sealed sealed(CaseKeyGranted grant) {
        return new KeyGrants.Sealed(grant.encapsulatedKey(), grant.sealedKey());
    }

    private static byte[] boundTo(CaseKeyGranted grant) {
        return KeyGrants.boundTo(grant.referralId(), grant.caseId(), grant.granterAgencyId(), grant.granteeAgencyId(),
                grant.grantKeyId());
    }

    /** As a gateway seals a child's data ({@code DataSealer}): AES-256-GCM, bound to the case id. */
    private static SealedData seal(String caseId, byte[] dataKey, String data) throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(dataKey, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(caseId.getBytes(StandardCharsets.US_ASCII));
        byte[] ciphertext = cipher.doFinal(data.getBytes(StandardCharsets.UTF_8));
        return new SealedData(caseId, "A256GCM", Base64.getEncoder().encodeToString(nonce),
                Base64.getEncoder().encodeToString(ciphertext));
    }

    private JsonNode open(SealedData sealed, byte[] dataKey) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"),
                new GCMParameterSpec(128, Base64.getDecoder().decode(sealed.nonce())));
        cipher.updateAAD(sealed.keyId().getBytes(StandardCharsets.US_ASCII));
        return json.readTree(cipher.doFinal(Base64.getDecoder().decode(sealed.ciphertext())));
    }

    private static String type(ConsumerRecord<String, String> record) {
        return KafkaTestClient.headerValue(record, "ce_type").orElse(null);
    }

    private static KafkaTestClient kafka() {
        return KafkaTestResource.client();
    }
}
