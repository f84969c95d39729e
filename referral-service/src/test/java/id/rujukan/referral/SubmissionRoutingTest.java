package id.rujukan.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.ReferralState;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.contract.Region;
import id.rujukan.contract.Topics;
import id.rujukan.infra.testing.KafkaTestClient;
import id.rujukan.infra.testing.KafkaTestResource;
import id.rujukan.messaging.ConsumedEvents;
import id.rujukan.referral.lifecycle.HistoryEntry;
import id.rujukan.referral.lifecycle.Referral;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SubmissionRoutingTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ObjectMapper json;

    @Inject
    ConsumedEvents consumedEvents;

    private KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = KafkaTestResource.client();
    }


    @Test
    void aReferralToANamedAgencyIsStoredRoutedAndItsDutyOfficerIsToBeTold() throws Exception {
        ReferralSubmitted submitted = Submissions.infantOfDetainee("dinsos-1608", new Region("16", "16.08"));

        submit(UUID.randomUUID().toString(), submitted);

        ConsumerRecord<String, String> routed = kafka.await(Topics.lifecycle(submitted.referringAgencyId()),
                r -> submitted.referralId().equals(r.key()), 1, WAIT).get(0);
        assertThat(KafkaTestClient.headerValue(routed, "ce_type")).contains(EventTypes.REFERRAL_ROUTED);
        assertThat(KafkaTestClient.headerValue(routed, "ce_id")).isPresent();
        JsonNode routedData = json.readTree(routed.value());
        assertThat(routedData.get("targetAgencyId").asText()).isEqualTo("dinsos-1608");
        assertThat(routedData.get("state").asText()).isEqualTo("ROUTED");
        assertThat(routedData.get("rule").asText()).isEqualTo("named-by-referrer");
        assertThat(routedData.get("fromState").asText()).isEqualTo("REQUESTED");
        assertThat(routedData.get("caseOwnerAgencyId").asText()).isEqualTo("rutan-martapura");

        List<ConsumerRecord<String, String>> requests = kafka.await(Topics.NOTIFICATION_REQUEST_TOPICS,
                r -> submitted.referralId().equals(r.key()), 4, WAIT);
        assertThat(requests).allSatisfy(request -> assertThat(KafkaTestClient.headerValue(request, "ce_type"))
                .contains(EventTypes.NOTIFICATION_REQUESTED));
        // a high-urgency referral is not an emergency: its alerts take the routine topic
        assertThat(requests).extracting(ConsumerRecord::topic).containsOnly(Topics.NOTIFICATION_REQUESTS);
        List<JsonNode> requestData = new ArrayList<>();
        for (ConsumerRecord<String, String> request : requests) {
            requestData.add(json.readTree(request.value()));
        }
        assertThat(requestData).extracting(r -> r.get("notificationKey").asText()).containsExactlyInAnyOrder(
                submitted.referralId() + ":routed-1:dinsos-1608:OFFICER:EMAIL",
                submitted.referralId() + ":routed-1:dinsos-1608:OFFICER:SMS",
                submitted.referralId() + ":routed-1:dinsos-1608:DUTY_OFFICER:EMAIL",
                submitted.referralId() + ":routed-1:dinsos-1608:DUTY_OFFICER:SMS");
        assertThat(requestData).extracting(r -> r.get("template").asText()).containsOnly("referral-new");

        Referral stored = QuarkusTransaction.requiringNew()
                .call(() -> Referral.findById(UUID.fromString(submitted.referralId())));
        assertThat(stored.state).isEqualTo(ReferralState.ROUTED);
        assertThat(stored.targetAgencyId).isEqualTo("dinsos-1608");
        assertThat(stored.sealedData).isEqualTo(submitted.sealedData());
        List<HistoryEntry> history = QuarkusTransaction.requiringNew()
                .call(() -> HistoryEntry.of(UUID.fromString(submitted.referralId())));
        assertThat(history).extracting(h -> h.kind + " " + h.toState)
                .containsExactly("SUBMITTED REQUESTED", "ROUTING ROUTED");
        assertThat(history.get(1).reason).isEqualTo("routed to Dinas Sosial Kabupaten OKU Timur by rule "
                + "named-by-referrer, named by the referrer");
    }

    @Test
    void anUnnamedInfantOfADetaineeGoesToTheDinasSosialOfTheChildsRegionOrElseOfTheProvince() throws Exception {
        ReferralSubmitted inOkuTimur = Submissions.infantOfDetainee(null, new Region("16", "16.08"));
        ReferralSubmitted inOkuSelatan = Submissions.infantOfDetainee(null, new Region("16", "16.09"));

        submit(UUID.randomUUID().toString(), inOkuTimur);
        submit(UUID.randomUUID().toString(), inOkuSelatan);

        assertThat(routedTo(inOkuTimur)).isEqualTo("dinsos-1608");
        assertThat(routedTo(inOkuSelatan)).isEqualTo("dinsos-16");
        HistoryEntry provinceDecision = QuarkusTransaction.requiringNew()
                .call(() -> HistoryEntry.of(UUID.fromString(inOkuSelatan.referralId())).get(1));
        assertThat(provinceDecision.reason)
                .isEqualTo("routed to Dinas Sosial Provinsi Sumatera Selatan by rule infant-of-detainee, region 16.09");
        HistoryEntry regencyDecision = QuarkusTransaction.requiringNew()
                .call(() -> HistoryEntry.of(UUID.fromString(inOkuTimur.referralId())).get(1));
        assertThat(regencyDecision.reason).isEqualTo("routed to Dinas Sosial Kabupaten OKU Timur by rule "
                + "infant-of-detainee, region 16.08 (candidate 1 of 2)");
    }

    @Test
    void thePreviewNamesTheAgenciesRoutingWouldTryInOrderAndSendsNothing() {
        long referralsBefore = QuarkusTransaction.requiringNew().call(() -> Referral.count());

        given().auth().oauth2(Tokens.gateway()).queryParam("category", "CHILD_OF_DETAINEE").queryParam("ageBand", "INFANT_UNDER_1")
                .queryParam("urgency", "HIGH").queryParam("provinceCode", "16").queryParam("regencyCode", "16.08")
                .when().get("/api/v1/routing/preview")
                .then().statusCode(200)
                .body("rule", equalTo("infant-of-detainee"))
                .body("candidates.agencyId", contains("dinsos-1608", "dinsos-16"))
                .body("candidates[0].name", equalTo("Dinas Sosial Kabupaten OKU Timur"));
        given().auth().oauth2(Tokens.gateway()).queryParam("targetAgencyId", "lksa-6371").queryParam("category", "NEGLECT")
                .queryParam("urgency", "NORMAL").queryParam("provinceCode", "16")
                .when().get("/api/v1/routing/preview")
                .then().statusCode(200).body("candidates.agencyId", contains("lksa-6371"));

        assertThat(QuarkusTransaction.requiringNew().call(() -> Referral.count())).isEqualTo(referralsBefore);
    }

    @Test
    void aRedeliveredSubmissionChangesNothing() throws Exception {
        ReferralSubmitted submitted = Submissions.infantOfDetainee("dinsos-1608", new Region("16", "16.08"));
        String eventId = UUID.randomUUID().toString();
        String retriedEventId = UUID.randomUUID().toString();

        submit(eventId, submitted);
        submit(eventId, submitted);
        // the same referral under another event id, as a gateway retry could publish it
        submit(retriedEventId, submitted);

        // one key, one partition: once the last is consumed, all three were
        await().atMost(WAIT).until(() -> consumedEvents.wasConsumed(retriedEventId));
        // told once to each party: the referrer and the target
        assertThat(Published.about(submitted.referralId(), List.of(Topics.lifecycle(submitted.referringAgencyId()))))
                .hasSize(1);
        assertThat(Published.about(submitted.referralId(), List.of(Topics.lifecycle("dinsos-1608")))).hasSize(1);
        assertThat(Published.about(submitted.referralId(), Topics.NOTIFICATION_REQUEST_TOPICS)).hasSize(4);
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> HistoryEntry.of(UUID.fromString(submitted.referralId())))).hasSize(2);
    }

    @Test
    void theDirectoryIsPublishedForTheOtherServices() {
        List<ConsumerRecord<String, String>> agencies = kafka.await(Topics.AGENCY_DIRECTORY,
                r -> r.key().equals("dinsos-1608") || r.key().equals("lksa-6371"), 2, WAIT);
        assertThat(agencies).allSatisfy(r -> assertThat(KafkaTestClient.headerValue(r, "ce_type"))
                .contains(EventTypes.AGENCY_PUBLISHED));
    }

    private String routedTo(ReferralSubmitted submitted) throws Exception {
        ConsumerRecord<String, String> routed = kafka.await(Topics.lifecycle(submitted.referringAgencyId()),
                r -> submitted.referralId().equals(r.key()), 1, WAIT).get(0);
        return json.readTree(routed.value()).get("targetAgencyId").asText();
    }

    private void submit(String eventId, ReferralSubmitted submitted) throws Exception {
        String data = json.writeValueAsString(submitted);
        kafka.send(Topics.intake(submitted.referringAgencyId(), submitted.urgency()), submitted.referralId(), data,
                KafkaTestClient.signedCloudEvent(eventId, EventTypes.REFERRAL_SUBMITTED,
                        CloudEventAttributes.SOURCE_AGENCY_GATEWAY, submitted.referringAgencyId(),
                        submitted.referralId(), data));
    }
}
