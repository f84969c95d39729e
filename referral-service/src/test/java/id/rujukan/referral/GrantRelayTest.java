package id.rujukan.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.CaseErased;
import id.rujukan.contract.CaseKeyDestroyed;
import id.rujukan.contract.CaseKeyGranted;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventSignatures;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.KeyGrants;
import id.rujukan.contract.ReferralAction;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.contract.Region;
import id.rujukan.contract.Topics;
import id.rujukan.contract.Urgency;
import id.rujukan.infra.testing.DevKeys;
import id.rujukan.infra.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A case key granted by a referral's referrer reaches the agency it is for, as the referrer signed it, and no one
 * else; a case's erasure by the agency responsible for it reaches every other party, and each party's confirmation
 * the others: referral-service passes them on and cannot open any of it.
 */
@QuarkusTest
class GrantRelayTest {

    private static final Region OKU_TIMUR = new Region("16", "16.08");

    @Inject
    Story story;

    @Inject
    ObjectMapper json;

    @Test
    void aGrantByTheReferrerToItsTargetReachesTheTargetsLifecycleTopicUnchangedWithTheReferrersSignature() {
        ReferralSubmitted submitted = Submissions.infantOfDetainee("dinsos-1608", OKU_TIMUR);
        story.submitAndAwaitRouting(submitted);
        CaseKeyGranted grant = grant(submitted, "dinsos-1608");
        String eventId = UUID.randomUUID().toString();
        String data = story.write(grant);

        sendAsReferrer(submitted, eventId, data);

        ConsumerRecord<String, String> passedOn = story.kafka().await(Topics.lifecycle("dinsos-1608"),
                r -> eventId.equals(KafkaTestClient.headerValue(r, "ce_id").orElse(null)), 1, Story.WAIT).get(0);
        assertThat(passedOn.value()).isEqualTo(data);
        assertThat(passedOn.key()).isEqualTo(submitted.referralId());
        assertThat(KafkaTestClient.headerValue(passedOn, "ce_type")).contains(EventTypes.CASE_KEY_GRANTED);
        assertThat(KafkaTestClient.headerValue(passedOn, "ce_" + CloudEventAttributes.AGENCY)).contains("rutan-martapura");
        assertThat(KafkaTestClient.headerValue(passedOn, "ce_" + EventSignatures.KEY))
                .contains(DevKeys.keyId("rutan-martapura"));
        // the referrer's own signature, which verifies over what the target reads
        assertThat(EventSignatures.verifies(EventSignatures.publicKey(DevKeys.publicKey("rutan-martapura")),
                EventSignatures.signedBytes(eventId, EventTypes.CASE_KEY_GRANTED,
                        CloudEventAttributes.SOURCE_AGENCY_GATEWAY, "rutan-martapura", submitted.referralId(), data),
                KafkaTestClient.headerValue(passedOn, "ce_" + EventSignatures.SIGNATURE).orElseThrow())).isTrue();
    }

    @Test
    void aGrantToAnAgencyTheReferralWasNeverAddressedToIsDeadLetteredWithItsReasonAndReachesNoOne() {
        ReferralSubmitted submitted = Submissions.infantOfDetainee("dinsos-1608", OKU_TIMUR);
        story.submitAndAwaitRouting(submitted);
        String refusedId = UUID.randomUUID().toString();

        sendAsReferrer(submitted, refusedId, story.write(grant(submitted, "kemensos")));
        String allowedId = UUID.randomUUID().toString();
        sendAsReferrer(submitted, allowedId, story.write(grant(submitted, "dinsos-1608")));

        ConsumerRecord<String, String> dead = story.kafka().await(Topics.DEAD_LETTER_REFERRAL_SERVICE,
                r -> refusedId.equals(KafkaTestClient.headerValue(r, "ce_id").orElse(null)), 1, Story.WAIT).get(0);
        assertThat(KafkaTestClient.headerValue(dead, "dead-letter-reason").orElseThrow())
                .contains("agency kemensos is not a target of referral " + submitted.referralId());
        // the grant after it, on the same partition, was passed on: the refused one was not, before it
        story.kafka().await(Topics.lifecycle("dinsos-1608"),
                r -> allowedId.equals(KafkaTestClient.headerValue(r, "ce_id").orElse(null)), 1, Story.WAIT);
        assertThat(story.kafka().readToEnd(Topics.lifecycle("kemensos"), Story.WAIT)).noneMatch(
                r -> refusedId.equals(KafkaTestClient.headerValue(r, "ce_id").orElse(null)));
    }

    @Test
    void aGrantByAnAgencyThatIsNotTheReferrerIsDeadLetteredWithItsReason() {
        ReferralSubmitted submitted = Submissions.infantOfDetainee("dinsos-1608", OKU_TIMUR);
        story.submitAndAwaitRouting(submitted);
        CaseKeyGranted byTarget = new CaseKeyGranted(submitted.referralId(), submitted.caseId(), "dinsos-1608",
                "lksa-1608", "lksa-1608.dev-1", "AAAA", "AAAA", submitted.sealedData(), Instant.now());
        String eventId = UUID.randomUUID().toString();
        String data = story.write(byTarget);

        story.kafka().send(Topics.intake("dinsos-1608", submitted.urgency()), submitted.referralId(), data,
                KafkaTestClient.signedCloudEvent(eventId, EventTypes.CASE_KEY_GRANTED,
                        CloudEventAttributes.SOURCE_AGENCY_GATEWAY, "dinsos-1608", submitted.referralId(), data));

        ConsumerRecord<String, String> dead = story.kafka().await(Topics.DEAD_LETTER_REFERRAL_SERVICE,
                r -> eventId.equals(KafkaTestClient.headerValue(r, "ce_id").orElse(null)), 1, Story.WAIT).get(0);
        assertThat(KafkaTestClient.headerValue(dead, "dead-letter-reason").orElseThrow())
                .contains("agency dinsos-1608 is not the referrer of referral " + submitted.referralId());
    }

    @Test
    void anErasureByTheAgencyResponsibleForTheCaseReachesEveryOtherPartyAFormerTargetToo() {
        ReferralSubmitted submitted = Submissions.infantOfDetainee(null, Submissions.OKU_TIMUR);
        story.submitAndAwaitRouting(submitted);
        story.act(Submissions.action(submitted.referralId(), ReferralAction.DECLINE, "dinsos-1608", "NO_CAPACITY",
                null, null));
        story.awaitTimeline(submitted.referralId(), "after Dinas Sosial Kabupaten OKU Timur declined");
        String data = story.write(new CaseErased(submitted.caseId(), "rutan-martapura", Instant.now()));
        String eventId = UUID.randomUUID().toString();

        story.kafka().send(Topics.intake("rutan-martapura", Urgency.NORMAL), submitted.caseId(), data,
                KafkaTestClient.signedCloudEvent(eventId, EventTypes.CASE_ERASED,
                        CloudEventAttributes.SOURCE_AGENCY_GATEWAY, "rutan-martapura", submitted.caseId(), data));

        // the new target and the one that declined, each on its own topic, as the Rutan signed it
        for (String party : List.of("dinsos-16", "dinsos-1608")) {
            ConsumerRecord<String, String> passedOn = story.kafka().await(Topics.lifecycle(party),
                    r -> eventId.equals(KafkaTestClient.headerValue(r, "ce_id").orElse(null)), 1, Story.WAIT).get(0);
            assertThat(passedOn.value()).isEqualTo(data);
            assertThat(KafkaTestClient.headerValue(passedOn, "ce_" + EventSignatures.KEY))
                    .contains(DevKeys.keyId("rutan-martapura"));
        }
        // and each one's confirmation reaches the others
        String confirmation = story.write(new CaseKeyDestroyed(submitted.caseId(), "dinsos-1608", eventId,
                Instant.now()));
        String confirmationId = UUID.randomUUID().toString();
        story.kafka().send(Topics.intake("dinsos-1608", Urgency.NORMAL), submitted.caseId(), confirmation,
                KafkaTestClient.signedCloudEvent(confirmationId, EventTypes.CASE_KEY_DESTROYED,
                        CloudEventAttributes.SOURCE_AGENCY_GATEWAY, "dinsos-1608", submitted.caseId(),
                        confirmation));
        for (String party : List.of("rutan-martapura", "dinsos-16")) {
            story.kafka().await(Topics.lifecycle(party),
                    r -> confirmationId.equals(KafkaTestClient.headerValue(r, "ce_id").orElse(null)), 1, Story.WAIT);
        }
    }

    @Test
    void anErasureByAnAgencyNotResponsibleForTheCaseIsDeadLetteredWithItsReason() {
        ReferralSubmitted submitted = Submissions.infantOfDetainee("dinsos-1608", OKU_TIMUR);
        story.submitAndAwaitRouting(submitted);
        String data = story.write(new CaseErased(submitted.caseId(), "dinsos-1608", Instant.now()));
        String eventId = UUID.randomUUID().toString();

        story.kafka().send(Topics.intake("dinsos-1608", Urgency.NORMAL), submitted.caseId(), data,
                KafkaTestClient.signedCloudEvent(eventId, EventTypes.CASE_ERASED,
                        CloudEventAttributes.SOURCE_AGENCY_GATEWAY, "dinsos-1608", submitted.caseId(), data));

        ConsumerRecord<String, String> dead = story.kafka().await(Topics.DEAD_LETTER_REFERRAL_SERVICE,
                r -> eventId.equals(KafkaTestClient.headerValue(r, "ce_id").orElse(null)), 1, Story.WAIT).get(0);
        assertThat(KafkaTestClient.headerValue(dead, "dead-letter-reason").orElseThrow())
                .contains("agency dinsos-1608 is not responsible for it");
    }

    /** As the referrer's gateway grants it: the data key sealed for the grantee's grant key. */
    private static CaseKeyGranted grant(ReferralSubmitted submitted, String grantee) {
        AgencyPublished.GrantKey key = DevKeys.grantPublicKey(grantee);
        byte[] dataKey = new byte[32];
        new SecureRandom().nextBytes(dataKey);
        KeyGrants.Sealed sealed = KeyGrants.seal(KeyGrants.publicKey(key.publicKey()), dataKey,
                KeyGrants.boundTo(submitted.referralId(), submitted.caseId(), submitted.referringAgencyId(), grantee,
                        key.keyId()));
        return new CaseKeyGranted(submitted.referralId(), submitted.caseId(), submitted.referringAgencyId(), grantee,
                key.keyId(), sealed.encapsulatedKey(), sealed.sealedKey(), submitted.sealedData(), Instant.now());
    }

    private void sendAsReferrer(ReferralSubmitted submitted, String eventId, String data) {
        story.kafka().send(Topics.intake(submitted.referringAgencyId(), submitted.urgency()), submitted.referralId(),
                data, KafkaTestClient.signedCloudEvent(eventId, EventTypes.CASE_KEY_GRANTED,
                        CloudEventAttributes.SOURCE_AGENCY_GATEWAY, submitted.referringAgencyId(),
                        submitted.referralId(), data));
    }
}
