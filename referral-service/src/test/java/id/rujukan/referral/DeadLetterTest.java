package id.rujukan.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.contract.Region;
import id.rujukan.contract.Topics;
import id.rujukan.contract.Urgency;
import id.rujukan.infra.testing.KafkaTestClient;
import id.rujukan.infra.testing.KafkaTestResource;
import id.rujukan.referral.lifecycle.Referral;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeadLetterTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Where the Rutan's gateway writes. */
    private static final String RUTAN_INTAKE = Topics.intake("rutan-martapura", Urgency.NORMAL);

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
        kafka.send(RUTAN_INTAKE, key, "{not json", headers(EventTypes.REFERRAL_SUBMITTED));
        kafka.send(RUTAN_INTAKE, key, "{\"referralId\":\"x\"}", List.of());
        kafka.send(RUTAN_INTAKE, key, "{\"referralId\":\"" + UUID.randomUUID() + "\"}",
                headers(EventTypes.REFERRAL_SUBMITTED));
        kafka.send(RUTAN_INTAKE, key, "{}", headers("id.rujukan.referral.exploded.v9"));
        ReferralSubmitted valid = Submissions.infantOfDetainee("dinsos-1608", new Region("16", "16.08"));
        String data = json.writeValueAsString(valid);
        kafka.send(RUTAN_INTAKE, valid.referralId(), data, KafkaTestClient.signedCloudEvent(
                UUID.randomUUID().toString(), EventTypes.REFERRAL_SUBMITTED, CloudEventAttributes.SOURCE_AGENCY_GATEWAY,
                valid.referringAgencyId(), valid.referralId(), data));

        List<ConsumerRecord<String, String>> dead = kafka.await(Topics.DEAD_LETTER_REFERRAL_SERVICE,
                r -> key.equals(r.key()), 4, WAIT);
        assertThat(dead).map(r -> KafkaTestClient.headerValue(r, "dead-letter-reason").orElse(""))
                .satisfiesExactly(
                        reason -> assertThat(reason).contains("is unreadable"),
                        reason -> assertThat(reason).contains("not a CloudEvent"),
                        reason -> assertThat(reason).contains("is invalid").contains("category must not be null")
                                .contains("sealedData must not be null"),
                        reason -> assertThat(reason).contains("unexpected event type id.rujukan.referral.exploded.v9"));
        kafka.await(Topics.lifecycle(valid.referringAgencyId()), r -> valid.referralId().equals(r.key()), 1, WAIT);
    }

    @Test
    void aReferralFromAnUnknownAgencyIsNeitherStoredNorAnnouncedButSetAside() throws Exception {
        ReferralSubmitted base = Submissions.infantOfDetainee("dinsos-1608", new Region("16", "16.08"));
        ReferralSubmitted fromNowhere = new ReferralSubmitted(base.referralId(), base.kind(), base.caseId(),
                "no-such-agency",
                base.targetAgencyId(), base.serviceNeeded(), base.category(), base.urgency(), base.childRegion(),
                base.ageBand(), base.sex(), base.sealedData(), base.submittedAt());
        // its own topic, as if onboarded at Kafka but never published in the directory
        kafka.createTopics(Topics.ofAgency("no-such-agency"));
        kafka.send(Topics.intake("no-such-agency", Urgency.NORMAL), fromNowhere.referralId(), json.writeValueAsString(fromNowhere),
                KafkaTestClient.cloudEvent(UUID.randomUUID().toString(), EventTypes.REFERRAL_SUBMITTED,
                        CloudEventAttributes.SOURCE_AGENCY_GATEWAY, "no-such-agency"));

        ConsumerRecord<String, String> dead = kafka.await(Topics.DEAD_LETTER_REFERRAL_SERVICE,
                r -> fromNowhere.referralId().equals(r.key()), 1, WAIT).get(0);
        assertThat(KafkaTestClient.headerValue(dead, "dead-letter-reason").orElseThrow())
                .contains("agency no-such-agency, which is not in the directory");
        Referral stored = QuarkusTransaction.requiringNew()
                .call(() -> Referral.findById(UUID.fromString(fromNowhere.referralId())));
        assertThat(stored).isNull();
        assertThat(Published.about(fromNowhere.referralId(), List.of(Topics.lifecycle("no-such-agency"),
                Topics.lifecycle(fromNowhere.targetAgencyId())))).isEmpty();
    }

    @Test
    void anEventNotSignedByTheAgencyItSpeaksForChangesNothingAndIsSetAsideWithTheReason() throws Exception {
        Map<String, String> reasons = new LinkedHashMap<>();
        // unsigned
        ReferralSubmitted unsigned = Submissions.infantOfDetainee("dinsos-1608", new Region("16", "16.08"));
        kafka.send(RUTAN_INTAKE, unsigned.referralId(), json.writeValueAsString(unsigned),
                headers(EventTypes.REFERRAL_SUBMITTED));
        reasons.put(unsigned.referralId(), "not signed: a " + EventTypes.REFERRAL_SUBMITTED + " event must carry the "
                + "signature of agency rutan-martapura");
        // signed by another agency, in the Rutan's name: a gateway that does not hold the Rutan's key
        ReferralSubmitted forged = Submissions.infantOfDetainee("dinsos-1608", new Region("16", "16.08"));
        String forgedData = json.writeValueAsString(forged);
        kafka.send(RUTAN_INTAKE, forged.referralId(), forgedData, KafkaTestClient.cloudEventSignedBy(
                "kemensos", UUID.randomUUID().toString(), EventTypes.REFERRAL_SUBMITTED,
                CloudEventAttributes.SOURCE_AGENCY_GATEWAY, "rutan-martapura", forged.referralId(), forgedData));
        reasons.put(forged.referralId(), "signed with key kemensos.dev-1, which is not one of agency "
                + "rutan-martapura's");
        // signed by referral-service, in the Rutan's name: a service's key acts for no agency
        ReferralSubmitted byTheService = Submissions.infantOfDetainee("dinsos-1608", new Region("16", "16.08"));
        String byTheServiceData = json.writeValueAsString(byTheService);
        kafka.send(RUTAN_INTAKE, byTheService.referralId(), byTheServiceData,
                KafkaTestClient.cloudEventSignedBy("referral-service", UUID.randomUUID().toString(),
                        EventTypes.REFERRAL_SUBMITTED, CloudEventAttributes.SOURCE_AGENCY_GATEWAY, "rutan-martapura",
                        byTheService.referralId(), byTheServiceData));
        reasons.put(byTheService.referralId(), "signed with key referral-service.dev-1, which is not one of agency "
                + "rutan-martapura's");
        // signed by the Rutan, then changed on the way: another target
        ReferralSubmitted changed = Submissions.infantOfDetainee("dinsos-1608", new Region("16", "16.08"));
        String signedData = json.writeValueAsString(changed);
        kafka.send(RUTAN_INTAKE, changed.referralId(), signedData.replace("dinsos-1608", "lksa-1608"),
                KafkaTestClient.signedCloudEvent(UUID.randomUUID().toString(), EventTypes.REFERRAL_SUBMITTED,
                        CloudEventAttributes.SOURCE_AGENCY_GATEWAY, "rutan-martapura", changed.referralId(),
                        signedData));
        reasons.put(changed.referralId(), "the signature does not verify with key rutan-martapura.dev-1");
        // signed by Dinas Sosial, but a referral in the Rutan's name
        ReferralSubmitted elsewhere = Submissions.infantOfDetainee("dinsos-1608", new Region("16", "16.08"));
        String elsewhereData = json.writeValueAsString(elsewhere);
        kafka.send(Topics.intake("dinsos-1608", Urgency.NORMAL), elsewhere.referralId(), elsewhereData, KafkaTestClient.signedCloudEvent(
                UUID.randomUUID().toString(), EventTypes.REFERRAL_SUBMITTED, CloudEventAttributes.SOURCE_AGENCY_GATEWAY,
                "dinsos-1608", elsewhere.referralId(), elsewhereData));
        reasons.put(elsewhere.referralId(), "was published for agency dinsos-1608 but speaks for rutan-martapura");

        for (Map.Entry<String, String> refused : reasons.entrySet()) {
            ConsumerRecord<String, String> dead = kafka.await(Topics.DEAD_LETTER_REFERRAL_SERVICE,
                    r -> refused.getKey().equals(r.key()), 1, WAIT).get(0);
            assertThat(KafkaTestClient.headerValue(dead, "dead-letter-reason").orElseThrow())
                    .contains(refused.getValue());
            Referral stored = QuarkusTransaction.requiringNew().call(() -> Referral.findById(UUID.fromString(
                    refused.getKey())));
            assertThat(stored).as("stored").isNull();
        }
    }

    @Test
    void anEventOnAnotherAgencysTopicIsRefusedWhateverItsSignature() throws Exception {
        // the Rutan's referral, signed by the Rutan, but on Dinas Sosial's topic: where the broker lets only Dinas
        // Sosial's gateway (and the shared one) write
        ReferralSubmitted misplaced = Submissions.infantOfDetainee("dinsos-1608", new Region("16", "16.08"));
        String data = json.writeValueAsString(misplaced);
        kafka.send(Topics.intake("dinsos-1608", Urgency.NORMAL), misplaced.referralId(), data,
                KafkaTestClient.signedCloudEvent(UUID.randomUUID().toString(), EventTypes.REFERRAL_SUBMITTED,
                        CloudEventAttributes.SOURCE_AGENCY_GATEWAY, "rutan-martapura", misplaced.referralId(), data));

        ConsumerRecord<String, String> dead = kafka.await(Topics.DEAD_LETTER_REFERRAL_SERVICE,
                r -> misplaced.referralId().equals(r.key()), 1, WAIT).get(0);
        assertThat(KafkaTestClient.headerValue(dead, "dead-letter-reason").orElseThrow()).isEqualTo(
                EventTypes.REFERRAL_SUBMITTED + " in the name of agency rutan-martapura on "
                        + Topics.intake("dinsos-1608", Urgency.NORMAL) + ", which is not that agency's topic");
        Referral stored = QuarkusTransaction.requiringNew().call(() -> Referral.findById(UUID.fromString(
                misplaced.referralId())));
        assertThat(stored).isNull();
    }

    private static List<Header> headers(String type) {
        return KafkaTestClient.cloudEvent(UUID.randomUUID().toString(), type,
                CloudEventAttributes.SOURCE_AGENCY_GATEWAY, "rutan-martapura");
    }
}
