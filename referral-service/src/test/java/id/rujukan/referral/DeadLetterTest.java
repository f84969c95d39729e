package id.rujukan.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.contract.Region;
import id.rujukan.contract.Topics;
import id.rujukan.infra.testing.KafkaTestClient;
import id.rujukan.infra.testing.KafkaTestResource;
import id.rujukan.referral.lifecycle.Referral;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeadLetterTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ObjectMapper json;

    private KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = KafkaTestResource.client();
    }


    @Test
    void garbageGoesToTheDeadLetterTopicWithItsReasonWhileValidReferralsKeepFlowing() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        kafka.send(Topics.REFERRAL_INTAKE, key, "{not json", headers(EventTypes.REFERRAL_SUBMITTED));
        kafka.send(Topics.REFERRAL_INTAKE, key, "{\"referralId\":\"x\"}", List.of());
        kafka.send(Topics.REFERRAL_INTAKE, key, "{\"referralId\":\"" + UUID.randomUUID() + "\"}",
                headers(EventTypes.REFERRAL_SUBMITTED));
        kafka.send(Topics.REFERRAL_INTAKE, key, "{}", headers("id.rujukan.referral.exploded.v9"));
        ReferralSubmitted valid = Submissions.infantOfDetainee("dinsos-1608", new Region("16", "16.08"));
        kafka.send(Topics.REFERRAL_INTAKE, valid.referralId(), json.writeValueAsString(valid),
                headers(EventTypes.REFERRAL_SUBMITTED));

        List<ConsumerRecord<String, String>> dead = kafka.await(Topics.DEAD_LETTER_REFERRAL_SERVICE,
                r -> key.equals(r.key()), 4, WAIT);
        assertThat(dead).map(r -> KafkaTestClient.headerValue(r, "dead-letter-reason").orElse(""))
                .satisfiesExactly(
                        reason -> assertThat(reason).contains("is unreadable"),
                        reason -> assertThat(reason).contains("not a CloudEvent"),
                        reason -> assertThat(reason).contains("is invalid").contains("category must not be null")
                                .contains("sealedData must not be null"),
                        reason -> assertThat(reason).contains("unexpected event type id.rujukan.referral.exploded.v9"));
        kafka.await(Topics.REFERRAL_LIFECYCLE, r -> valid.referralId().equals(r.key()), 1, WAIT);
    }

    @Test
    void aReferralFromAnUnknownAgencyIsNeitherStoredNorAnnouncedButSetAside() throws Exception {
        ReferralSubmitted base = Submissions.infantOfDetainee("dinsos-1608", new Region("16", "16.08"));
        ReferralSubmitted fromNowhere = new ReferralSubmitted(base.referralId(), base.kind(), base.caseId(),
                "no-such-agency",
                base.targetAgencyId(), base.serviceNeeded(), base.category(), base.urgency(), base.childRegion(),
                base.ageBand(), base.sex(), base.sealedData(), base.submittedAt());
        kafka.send(Topics.REFERRAL_INTAKE, fromNowhere.referralId(), json.writeValueAsString(fromNowhere),
                headers(EventTypes.REFERRAL_SUBMITTED));

        ConsumerRecord<String, String> dead = kafka.await(Topics.DEAD_LETTER_REFERRAL_SERVICE,
                r -> fromNowhere.referralId().equals(r.key()), 1, WAIT).get(0);
        assertThat(KafkaTestClient.headerValue(dead, "dead-letter-reason").orElseThrow())
                .contains("Unknown referring agency no-such-agency");
        Referral stored = QuarkusTransaction.requiringNew()
                .call(() -> Referral.findById(UUID.fromString(fromNowhere.referralId())));
        assertThat(stored).isNull();
        assertThat(kafka.readAll(Topics.REFERRAL_LIFECYCLE, r -> fromNowhere.referralId().equals(r.key()),
                Duration.ofSeconds(2))).isEmpty();
    }

    private static List<Header> headers(String type) {
        return KafkaTestClient.cloudEvent(UUID.randomUUID().toString(), type,
                CloudEventAttributes.SOURCE_AGENCY_GATEWAY, "rutan-martapura");
    }
}
