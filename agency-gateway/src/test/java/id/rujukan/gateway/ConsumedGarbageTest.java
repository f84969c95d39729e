package id.rujukan.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.ReferralStateChanged;
import id.rujukan.contract.Topics;
import id.rujukan.contract.Urgency;
import id.rujukan.infra.testing.KafkaTestClient;
import id.rujukan.infra.testing.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the gateway cannot read off its topics is set aside with the reason; the rest keeps flowing. */
@QuarkusTest
class ConsumedGarbageTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The Rutan's own topics, where referral-service and notification-service tell it what concerns it. */
    private static final String RUTAN_LIFECYCLE = Topics.lifecycle("rutan-martapura");
    private static final String RUTAN_STATUS = Topics.notificationStatus("rutan-martapura");

    @Inject
    ObjectMapper json;

    private KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = KafkaTestResource.client();
    }


    @Test
    void garbageOnEveryConsumedTopicGoesToTheDeadLetterTopicWithItsReasonWhileValidRecordsFlow() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        kafka.send(RUTAN_LIFECYCLE, key, "\u0000\u0001 not json", headers(EventTypes.REFERRAL_ROUTED));
        kafka.send(RUTAN_LIFECYCLE, key, "{\"referralId\":\"" + key + "\",\"version\":3}",
                headers(EventTypes.REFERRAL_ROUTED));
        kafka.send(Topics.AGENCY_DIRECTORY, key, "{\"agencyId\":\"" + key + "\"}", headers(EventTypes.AGENCY_PUBLISHED));
        kafka.send(RUTAN_STATUS, key, "[1,2,3", headers(EventTypes.NOTIFICATION_SENT));
        kafka.send(RUTAN_STATUS, key, "{}", List.of());
        String referralId = UUID.randomUUID().toString();
        ReferralStateChanged valid = LifecycleEvents.routed(referralId, 2, "ROUTED", CaseCategory.NEGLECT,
                Urgency.NORMAL, "named by the referrer");
        kafka.sendEvent(LifecycleEvents.topicsOf(valid), referralId, EventTypes.REFERRAL_ROUTED,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM, json.writeValueAsString(valid));

        List<ConsumerRecord<String, String>> dead = kafka.await(Topics.DEAD_LETTER_AGENCY_GATEWAY,
                r -> key.equals(r.key()), 5, WAIT);
        assertThat(dead).map(r -> KafkaTestClient.headerValue(r, "dead-letter-reason").orElse(""))
                .anySatisfy(reason -> assertThat(reason).contains("is unreadable"))
                .anySatisfy(reason -> assertThat(reason).contains("is invalid").contains("category must not be null"))
                .anySatisfy(reason -> assertThat(reason).contains(EventTypes.AGENCY_PUBLISHED).contains("is invalid"))
                .anySatisfy(reason -> assertThat(reason).contains(EventTypes.NOTIFICATION_SENT).contains("is unreadable"))
                .anySatisfy(reason -> assertThat(reason).contains("not a CloudEvent"));
        assertThat(dead).map(r -> KafkaTestClient.headerValue(r, "dead-letter-topic").orElse(""))
                .contains(RUTAN_LIFECYCLE, Topics.AGENCY_DIRECTORY, RUTAN_STATUS);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.agency("rutan-martapura")).when().get("/api/v1/referrals/" + referralId)
                .then().statusCode(200).body("state", equalTo("ROUTED")));
    }

    @Test
    void aLifecycleEventNotSignedByReferralServiceIsSetAsideWithItsReasonAndChangesNothing() throws Exception {
        String referralId = UUID.randomUUID().toString();
        // what a forger would have the Rutan see: its referral accepted (version 3), ahead of the real routing
        String accepted = json.writeValueAsString(LifecycleEvents.accepted(referralId, "rutan-martapura",
                "dinsos-1608", "dinsos-1608", "budi.officer", "accepted"));
        kafka.send(RUTAN_LIFECYCLE, referralId, accepted, headers(EventTypes.REFERRAL_STATE_CHANGED));
        // an agency's gateway signing with its own key what only referral-service may write
        kafka.send(RUTAN_LIFECYCLE, referralId, accepted, KafkaTestClient.cloudEventSignedBy("dinsos-1608",
                UUID.randomUUID().toString(), EventTypes.REFERRAL_STATE_CHANGED,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, "dinsos-1608", referralId, accepted));
        // signed by referral-service, then changed on the way: accepted by another agency
        kafka.send(RUTAN_LIFECYCLE, referralId, accepted.replace("dinsos-1608", "lksa-6371"),
                KafkaTestClient.signedCloudEvent(UUID.randomUUID().toString(), EventTypes.REFERRAL_STATE_CHANGED,
                        CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM, referralId,
                        accepted));
        // the real routing, after them on the same partition
        kafka.sendEvent(RUTAN_LIFECYCLE, referralId, EventTypes.REFERRAL_ROUTED,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM,
                json.writeValueAsString(LifecycleEvents.routed(referralId, 2, "ROUTED", CaseCategory.NEGLECT,
                        Urgency.NORMAL, "named by the referrer")));

        List<ConsumerRecord<String, String>> dead = kafka.await(Topics.DEAD_LETTER_AGENCY_GATEWAY,
                r -> referralId.equals(r.key()), 3, WAIT);
        assertThat(dead).map(r -> KafkaTestClient.headerValue(r, "dead-letter-reason").orElse(""))
                .containsExactlyInAnyOrder(
                        "not signed: a " + EventTypes.REFERRAL_STATE_CHANGED + " event must carry the signature of "
                                + "referral-service",
                        "signed with key dinsos-1608.dev-1, which is not one of referral-service's",
                        "the signature does not verify with key referral-service.dev-1 of referral-service: the event "
                                + "was changed, or was not made by referral-service");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.agency("rutan-martapura"))
                .get("/api/v1/referrals/" + referralId).then().statusCode(200).body("state", equalTo("ROUTED"))
                .body("targetAgencyId", equalTo("dinsos-1608")));
    }

    private static List<Header> headers(String type) {
        return KafkaTestClient.cloudEvent(UUID.randomUUID().toString(), type,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM);
    }
}
