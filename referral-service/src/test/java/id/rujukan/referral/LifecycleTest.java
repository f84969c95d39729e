package id.rujukan.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.AgeBand;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.OfficerDeparted;
import id.rujukan.contract.ReferralAction;
import id.rujukan.contract.ReferralActionRequested;
import id.rujukan.contract.ReferralState;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.contract.ServiceNeeded;
import id.rujukan.contract.Topics;
import id.rujukan.contract.Urgency;
import id.rujukan.infra.testing.KafkaTestClient;
import id.rujukan.referral.deadline.Deadline;
import id.rujukan.referral.lifecycle.CareCase;
import id.rujukan.referral.lifecycle.HistoryKind;
import id.rujukan.referral.lifecycle.Referral;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LifecycleTest {

    @Inject
    Story story;

    @Inject
    ObjectMapper json;

    @Test
    void aDeclineReroutesToTheNextCandidateAndTheTimelineExplainsWhy() {
        ReferralSubmitted referral = Submissions.infantOfDetainee(null, Submissions.OKU_TIMUR);
        story.submitAndAwaitRouting(referral);

        story.act(Submissions.action(referral.referralId(), ReferralAction.DECLINE, "dinsos-1608", "NO_CAPACITY",
                null, null));
        story.awaitTimeline(referral.referralId(), "after Dinas Sosial Kabupaten OKU Timur declined");

        Referral rerouted = story.referral(referral.referralId());
        assertThat(rerouted.state).isEqualTo(ReferralState.ROUTED);
        assertThat(rerouted.targetAgencyId).isEqualTo("dinsos-16");
        assertThat(rerouted.formerTargets).containsExactly("dinsos-1608");
        assertThat(story.history(referral.referralId())).extracting(h -> h.kind + " " + h.toState + ": " + h.reason)
                .containsExactly(
                        "SUBMITTED REQUESTED: submitted",
                        "ROUTING ROUTED: routed to Dinas Sosial Kabupaten OKU Timur by rule infant-of-detainee, "
                                + "region 16.08 (candidate 1 of 2)",
                        "TRANSITION DECLINED: declined by Dinas Sosial Kabupaten OKU Timur: NO_CAPACITY",
                        "ROUTING ROUTED: routed to Dinas Sosial Provinsi Sumatera Selatan by rule infant-of-detainee, "
                                + "after Dinas Sosial Kabupaten OKU Timur declined (candidate 2 of 2)");
        // the new target's clock runs; the old one's stopped
        assertThat(QuarkusTransaction.requiringNew().call(() -> Deadline.<Deadline>list("key.referralId",
                UUID.fromString(referral.referralId())))).extracting(d -> d.key.kind()).containsExactly("RECEIVE");
    }

    @Test
    void whenTheLastCandidateDeclinesTheReferralReturnsToTheReferrerAndTheProvinceIsTold() throws Exception {
        ReferralSubmitted referral = Submissions.infantOfDetainee(null, Submissions.OKU_TIMUR);
        story.submitAndAwaitRouting(referral);
        story.act(Submissions.action(referral.referralId(), ReferralAction.DECLINE, "dinsos-1608", "NO_CAPACITY",
                null, null));
        story.awaitTimeline(referral.referralId(), "candidate 2 of 2");
        story.act(Submissions.action(referral.referralId(), ReferralAction.DECLINE, "dinsos-16", "OUT_OF_MANDATE",
                null, null));

        story.awaitTimeline(referral.referralId(), "no candidate left");
        Referral unplaced = story.referral(referral.referralId());
        assertThat(unplaced.state).isEqualTo(ReferralState.DECLINED);
        assertThat(unplaced.targetAgencyId).isNull();
        List<ConsumerRecord<String, String>> requests = story.kafka().await(Topics.NOTIFICATION_REQUEST_TOPICS,
                r -> referral.referralId().equals(r.key()) && r.value().contains(":unplaced:"), 2, Story.WAIT);
        assertThat(requests).extracting(r -> json.readTree(r.value()).get("agencyId").asText()).containsOnly("dinsos-16");
        assertThat(story.history(referral.referralId())).extracting(h -> h.kind).contains(HistoryKind.ESCALATION);
    }

    @Test
    void aChildInConflictWithTheLawGoesToBapasWithTheLegalClocksRunning() {
        ReferralSubmitted referral = Submissions.childInConflictWithTheLaw();

        Referral routed = story.submitAndAwaitRouting(referral);

        assertThat(routed.targetAgencyId).isEqualTo("bapas-palembang");
        assertThat(routed.candidates).containsExactly("bapas-palembang", "sakti-peksos-1608");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Deadline.<Deadline>list("key.referralId",
                UUID.fromString(referral.referralId())))).extracting(d -> d.key.kind())
                .containsExactlyInAnyOrder("RECEIVE", "LEGAL_LITMAS", "LEGAL_DIVERSION");

        story.act(Submissions.action(referral, ReferralAction.ACCEPT, "bapas-palembang"));
        story.awaitState(referral.referralId(), ReferralState.ACCEPTED);
        story.act(Submissions.action(referral.referralId(), ReferralAction.PROGRESS, "bapas-palembang", null, null,
                "LITMAS_SUBMITTED"));
        story.awaitState(referral.referralId(), ReferralState.IN_PROGRESS);
        // the litmas clock stopped; the diversion's runs on, beside the one progress clock the report restarted
        assertThat(QuarkusTransaction.requiringNew().call(() -> Deadline.<Deadline>list("key.referralId",
                UUID.fromString(referral.referralId())))).extracting(d -> d.key.kind())
                .satisfiesExactlyInAnyOrder(kind -> assertThat(kind).isEqualTo("LEGAL_DIVERSION"),
                        kind -> assertThat(kind).startsWith("PROGRESS_"));
    }

    @Test
    void aFullLksaIsSkippedForTemporaryCare() {
        // lksa-1608 has 2 places: fill them
        for (int i = 0; i < 2; i++) {
            ReferralSubmitted placed = temporaryCare();
            assertThat(story.submitAndAwaitRouting(placed).targetAgencyId).isEqualTo("lksa-1608");
            story.act(Submissions.action(placed, ReferralAction.ACCEPT, "lksa-1608"));
            story.awaitState(placed.referralId(), ReferralState.ACCEPTED);
        }

        Referral third = story.submitAndAwaitRouting(temporaryCare());

        assertThat(third.targetAgencyId).isEqualTo("dinsos-1608");
        assertThat(story.history(third.id.toString()).get(1).reason)
                .contains("skipped: LKSA Harapan Bunda Martapura is full (2 of 2 places)");
    }

    @Test
    void anIllegalActionIsRefusedWithTheCurrentStateAndChangesNothing() throws Exception {
        ReferralSubmitted referral = Submissions.infantOfDetainee("dinsos-1608", Submissions.OKU_TIMUR);
        story.submitAndAwaitRouting(referral);
        story.act(Submissions.action(referral, ReferralAction.CANCEL, "rutan-martapura"));
        story.awaitState(referral.referralId(), ReferralState.CANCELLED);

        story.act(Submissions.action(referral, ReferralAction.ACCEPT, "dinsos-1608"));
        story.act(Submissions.action(referral, ReferralAction.NOTE, "lksa-6371"));

        story.awaitTimeline(referral.referralId(), "note refused");
        assertThat(story.history(referral.referralId())).filteredOn(h -> h.kind == HistoryKind.REFUSED)
                .extracting(h -> h.reason).containsExactly(
                        "accept refused: cannot accept a referral that is CANCELLED",
                        "note refused: agency lksa-6371 may not note this referral");
        assertThat(story.referral(referral.referralId()).state).isEqualTo(ReferralState.CANCELLED);
        // each refusal told to the agency whose action it was
        ConsumerRecord<String, String> refused = story.kafka().await(Topics.lifecycle("dinsos-1608"),
                r -> referral.referralId().equals(r.key())
                        && KafkaTestClient.headerValue(r, "ce_type").orElse("").equals(EventTypes.REFERRAL_ACTION_REFUSED),
                1, Story.WAIT).get(0);
        JsonNode data = json.readTree(refused.value());
        assertThat(data.get("currentState").asText()).isEqualTo("CANCELLED");
        assertThat(data.get("action").asText()).isEqualTo("ACCEPT");
        ConsumerRecord<String, String> refusedNote = story.kafka().await(Topics.lifecycle("lksa-6371"),
                r -> referral.referralId().equals(r.key())
                        && KafkaTestClient.headerValue(r, "ce_type").orElse("").equals(EventTypes.REFERRAL_ACTION_REFUSED),
                1, Story.WAIT).get(0);
        assertThat(json.readTree(refusedNote.value()).get("action").asText()).isEqualTo("NOTE");
    }

    @Test
    void aSupervisorAcceptsForAnOfficerWhoIsThenInChargeAndTheTimelineSaysWhoActedForWhom() throws Exception {
        ReferralSubmitted referral = Submissions.infantOfDetainee("dinsos-1608", Submissions.OKU_TIMUR);
        story.submitAndAwaitRouting(referral);

        story.act(new ReferralActionRequested(UUID.randomUUID().toString(), referral.referralId(),
                ReferralAction.ACCEPT, "dinsos-1608", "sari.supervisor", null, null, null, null, Instant.now(),
                "budi.officer", null));
        Referral accepted = story.awaitState(referral.referralId(), ReferralState.ACCEPTED);
        assertThat(accepted.officerInCharge).isEqualTo("budi.officer");
        assertThat(story.history(referral.referralId())).filteredOn(h -> h.toState == ReferralState.ACCEPTED)
                .singleElement().satisfies(h -> {
                    assertThat(h.actor).isEqualTo("sari.supervisor");
                    assertThat(h.onBehalfOf).isEqualTo("budi.officer");
                    assertThat(h.reason).isEqualTo("accepted by Dinas Sosial Kabupaten OKU Timur; officer in charge: "
                            + "budi.officer; sari.supervisor acted on behalf of budi.officer");
                });

        // budi goes on leave: the supervisor puts ani in charge
        story.act(new ReferralActionRequested(UUID.randomUUID().toString(), referral.referralId(),
                ReferralAction.REASSIGN, "dinsos-1608", "sari.supervisor", null, null, null, null, Instant.now(),
                null, "ani.officer"));
        story.awaitTimeline(referral.referralId(), "officer in charge changed from budi.officer to ani.officer");
        assertThat(story.referral(referral.referralId()).officerInCharge).isEqualTo("ani.officer");
        // the referrer learns who is in charge now
        JsonNode reassigned = story.kafka().await(Topics.lifecycle(referral.referringAgencyId()),
                r -> referral.referralId().equals(r.key()) && "REASSIGN".equals(story.read(r.value()).path("action").asText()),
                1, Story.WAIT).stream().map(r -> story.read(r.value())).findFirst().orElseThrow();
        assertThat(reassigned.get("officerInCharge").asText()).isEqualTo("ani.officer");
        assertThat(reassigned.get("state").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void whenTheOfficerInChargeLeavesTheReferralAwaitsAnotherAndTheSupervisorIsAlerted() {
        ReferralSubmitted referral = Submissions.infantOfDetainee("dinsos-1608", Submissions.OKU_TIMUR);
        story.submitAndAwaitRouting(referral);
        story.act(new ReferralActionRequested(UUID.randomUUID().toString(), referral.referralId(),
                ReferralAction.ACCEPT, "dinsos-1608", "rina.officer", null, null, null, null, Instant.now()));
        story.awaitState(referral.referralId(), ReferralState.ACCEPTED);

        String departed = story.write(new OfficerDeparted("dinsos-1608", "rina.officer", "admin.dinsos-1608",
                Instant.now()));
        story.kafka().send(Topics.intake("dinsos-1608", Urgency.NORMAL), "dinsos-1608", departed, KafkaTestClient.signedCloudEvent(
                UUID.randomUUID().toString(), EventTypes.OFFICER_DEPARTED, CloudEventAttributes.SOURCE_AGENCY_GATEWAY,
                "dinsos-1608", "dinsos-1608", departed));

        story.awaitTimeline(referral.referralId(), "officer in charge rina.officer left the agency");
        assertThat(story.referral(referral.referralId()).officerInCharge).isNull();
        assertThat(story.kafka().await(Topics.NOTIFICATION_REQUEST_TOPICS, r -> referral.referralId().equals(r.key())
                && r.value().contains("referral-unassigned"), 2, Story.WAIT))
                .extracting(r -> story.read(r.value()).get("recipientRole").asText())
                .containsExactly("SUPERVISOR", "SUPERVISOR");
    }

    @Test
    void aCodeNotInTheListIsRefusedNamingTheField() {
        ReferralSubmitted referral = Submissions.infantOfDetainee("dinsos-1608", Submissions.OKU_TIMUR);
        story.submitAndAwaitRouting(referral);

        story.act(Submissions.action(referral.referralId(), ReferralAction.DECLINE, "dinsos-1608", "TOO_BUSY", null,
                null));

        story.awaitTimeline(referral.referralId(), "decline refused");
        assertThat(story.history(referral.referralId())).filteredOn(h -> h.kind == HistoryKind.REFUSED)
                .extracting(h -> h.reason).singleElement().asString()
                .startsWith("decline refused: reasonCode 'TOO_BUSY' is not one of NO_CAPACITY, WRONG_REGION, ");
        assertThat(story.referral(referral.referralId()).state).isEqualTo(ReferralState.ROUTED);
    }

    @Test
    void aHandoffMovesTheCaseOnlyWhenTheReceivingAgencyAccepts() {
        String caseId = "case-" + UUID.randomUUID();
        ReferralSubmitted first = Submissions.referral("dinsos-1607", "dinsos-1608", ServiceNeeded.TEMPORARY_CARE,
                CaseCategory.NEGLECT, Urgency.NORMAL, Submissions.OKU_TIMUR, AgeBand.CHILD_5_TO_11);
        ReferralSubmitted opening = new ReferralSubmitted(first.referralId(), first.kind(), caseId,
                first.referringAgencyId(), first.targetAgencyId(), first.serviceNeeded(), first.category(),
                first.urgency(), first.childRegion(), first.ageBand(), first.sex(), first.sealedData(),
                first.submittedAt());
        story.submitAndAwaitRouting(opening);
        ReferralSubmitted handoff = Submissions.handoff(caseId, "dinsos-1607", "dinsos-1608");

        story.submitAndAwaitRouting(handoff);
        assertThat(owner(caseId)).isEqualTo("dinsos-1607");
        story.act(Submissions.action(handoff, ReferralAction.RECEIVE, "dinsos-1608"));
        story.awaitState(handoff.referralId(), ReferralState.RECEIVED);
        assertThat(owner(caseId)).isEqualTo("dinsos-1607");
        story.act(Submissions.action(handoff, ReferralAction.ACCEPT, "dinsos-1608"));
        story.awaitState(handoff.referralId(), ReferralState.ACCEPTED);

        assertThat(owner(caseId)).isEqualTo("dinsos-1608");
        story.awaitTimeline(handoff.referralId(), "case " + caseId + " is now theirs");
    }

    private static ReferralSubmitted temporaryCare() {
        return Submissions.referral("puskesmas-martapura", null, ServiceNeeded.TEMPORARY_CARE, CaseCategory.NEGLECT,
                Urgency.HIGH, Submissions.OKU_TIMUR, AgeBand.CHILD_5_TO_11);
    }

    private static String owner(String caseId) {
        return QuarkusTransaction.requiringNew().call(() -> CareCase.<CareCase>findById(caseId).ownerAgencyId);
    }
}
