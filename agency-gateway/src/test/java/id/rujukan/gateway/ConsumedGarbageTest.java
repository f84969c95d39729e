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
        kafka.send(Topics.REFERRAL_LIFECYCLE, key, "\u0000\u0001 not json", headers(EventTypes.REFERRAL_ROUTED));
        kafka.send(Topics.REFERRAL_LIFECYCLE, key, "{\"referralId\":\"" + key + "\",\"version\":3}",
                headers(EventTypes.REFERRAL_ROUTED));
        kafka.send(Topics.AGENCY_DIRECTORY, key, "{\"agencyId\":\"" + key + "\"}", headers(EventTypes.AGENCY_PUBLISHED));
        kafka.send(Topics.NOTIFICATION_STATUS, key, "[1,2,3", headers(EventTypes.NOTIFICATION_SENT));
        kafka.send(Topics.NOTIFICATION_STATUS, key, "{}", List.of());
        String referralId = UUID.randomUUID().toString();
        ReferralStateChanged valid = LifecycleEvents.routed(referralId, 2, "ROUTED", CaseCategory.NEGLECT,
                Urgency.NORMAL, "named by the referrer");
        kafka.send(Topics.REFERRAL_LIFECYCLE, referralId, json.writeValueAsString(valid),
                headers(EventTypes.REFERRAL_ROUTED));

        List<ConsumerRecord<String, String>> dead = kafka.await(Topics.DEAD_LETTER_AGENCY_GATEWAY,
                r -> key.equals(r.key()), 5, WAIT);
        assertThat(dead).map(r -> KafkaTestClient.headerValue(r, "dead-letter-reason").orElse(""))
                .anySatisfy(reason -> assertThat(reason).contains("is unreadable"))
                .anySatisfy(reason -> assertThat(reason).contains("is invalid").contains("category must not be null"))
                .anySatisfy(reason -> assertThat(reason).contains(EventTypes.AGENCY_PUBLISHED).contains("is invalid"))
                .anySatisfy(reason -> assertThat(reason).contains(EventTypes.NOTIFICATION_SENT).contains("is unreadable"))
                .anySatisfy(reason -> assertThat(reason).contains("not a CloudEvent"));
        assertThat(dead).map(r -> KafkaTestClient.headerValue(r, "dead-letter-topic").orElse(""))
                .contains(Topics.REFERRAL_LIFECYCLE, Topics.AGENCY_DIRECTORY, Topics.NOTIFICATION_STATUS);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.agency("rutan-martapura")).when().get("/api/v1/referrals/" + referralId)
                .then().statusCode(200).body("state", equalTo("ROUTED")));
    }

    private static List<Header> headers(String type) {
        return KafkaTestClient.cloudEvent(UUID.randomUUID().toString(), type,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM);
    }
}
