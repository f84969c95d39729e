package id.rujukan.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.AgeBand;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.ReferralAction;
import id.rujukan.contract.ReferralState;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.contract.Region;
import id.rujukan.contract.Topics;
import id.rujukan.contract.Urgency;
import id.rujukan.referral.deadline.Deadline;
import id.rujukan.referral.escalation.Escalator;
import id.rujukan.referral.lifecycle.HistoryKind;
import id.rujukan.referral.lifecycle.Referral;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EscalationTest {

    @Inject
    Story story;

    @Inject
    TestClock clock;

    @Inject
    Escalator escalator;

    @Inject
    ObjectMapper json;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void anEmergencyNobodyAcknowledgesRemindsTheOfficerAt15MinutesThenReachesSupervisorHeadProvinceAndMinistryOnceEach()
            throws Exception {
        ReferralSubmitted referral = emergencyTo("dinsos-1608");
        Instant routed = story.submitAndAwaitRouting(referral).routedAt;

        clock.set(routed.plus(Duration.ofMinutes(14)));
        escalator.fireDue();
        assertThat(story.escalations(referral.referralId())).isEmpty();

        clock.set(routed.plus(Duration.ofMinutes(15)));
        awaitSteps(referral, 1);
        assertThat(story.escalations(referral.referralId()))
                .containsExactly(new Story.Fired("RECEIVE", 1, "OFFICERS", "dinsos-1608"));

        clock.set(routed.plus(Duration.ofMinutes(30)));
        awaitSteps(referral, 2);
        clock.set(routed.plus(Duration.ofMinutes(45)));
        awaitSteps(referral, 3);
        clock.set(routed.plus(Duration.ofMinutes(75)));
        awaitSteps(referral, 4);
        clock.set(routed.plus(Duration.ofHours(3)));
        awaitSteps(referral, 5);
        // the chain has run out: more time and more polls fire nothing more
        clock.set(routed.plus(Duration.ofDays(2)));
        escalator.fireDue();
        escalator.fireDue();

        assertThat(story.escalations(referral.referralId())).containsExactly(
                new Story.Fired("RECEIVE", 1, "OFFICERS", "dinsos-1608"),
                new Story.Fired("RECEIVE", 2, "SUPERVISOR", "dinsos-1608"),
                new Story.Fired("RECEIVE", 3, "HEAD", "dinsos-1608"),
                new Story.Fired("RECEIVE", 4, "PROVINCE", "dinsos-16"),
                new Story.Fired("RECEIVE", 5, "MINISTRY", "kemensos"));
        assertThat(story.history(referral.referralId())).filteredOn(h -> h.kind == HistoryKind.ESCALATION)
                .extracting(h -> h.reason).satisfiesExactly(
                        r -> assertThat(r).startsWith("step 1: reminded the officers of Dinas Sosial Kabupaten OKU Timur; not received"),
                        r -> assertThat(r).startsWith("step 2: escalated to the supervisor of Dinas Sosial Kabupaten OKU Timur"),
                        r -> assertThat(r).startsWith("step 3: escalated to the head of Dinas Sosial Kabupaten OKU Timur"),
                        r -> assertThat(r).startsWith("step 4: escalated to the province: Dinas Sosial Provinsi Sumatera Selatan"),
                        r -> assertThat(r).startsWith("step 5: escalated to the Ministry: Kementerian Sosial"));

        // every alert by email and by SMS
        List<JsonNode> requests = requests(referral, 20);
        assertThat(requests).extracting(r -> r.get("notificationKey").asText()).doesNotHaveDuplicates();
        assertThat(requests).filteredOn(r -> "SUPERVISOR".equals(r.path("level").asText()))
                .extracting(r -> r.get("recipientRole").asText() + "@" + r.get("agencyId").asText() + " by "
                        + r.get("channel").asText())
                .containsExactlyInAnyOrder("SUPERVISOR@dinsos-1608 by EMAIL", "SUPERVISOR@dinsos-1608 by SMS");
        assertThat(requests).filteredOn(r -> "PROVINCE".equals(r.path("level").asText()))
                .filteredOn(r -> "SMS".equals(r.get("channel").asText()))
                .extracting(r -> r.get("recipientRole").asText() + "@" + r.get("agencyId").asText())
                .containsExactlyInAnyOrder("HEAD@dinsos-16", "DUTY_OFFICER@dinsos-16");
        assertThat(requests).filteredOn(r -> "OFFICERS".equals(r.path("level").asText()))
                .extracting(r -> r.get("template").asText() + " " + r.get("notificationKey").asText())
                .containsExactlyInAnyOrder(
                        "referral-reminder " + referral.referralId() + ":RECEIVE-1:dinsos-1608:OFFICER:EMAIL",
                        "referral-reminder " + referral.referralId() + ":RECEIVE-1:dinsos-1608:OFFICER:SMS",
                        "referral-reminder " + referral.referralId() + ":RECEIVE-1:dinsos-1608:DUTY_OFFICER:EMAIL",
                        "referral-reminder " + referral.referralId() + ":RECEIVE-1:dinsos-1608:DUTY_OFFICER:SMS");
    }

    @Test
    void anAcceptedEmergencyWithoutProgressEscalatesAtItsCadenceStepByStepOnceAndAReportStartsTheCadenceOver()
            throws Exception {
        ReferralSubmitted referral = emergencyTo("dinsos-1608");
        Instant routed = story.submitAndAwaitRouting(referral).routedAt;
        Instant acceptedAt = routed.plus(Duration.ofMinutes(5));
        clock.set(acceptedAt);
        story.act(Submissions.action(referral, ReferralAction.ACCEPT, "dinsos-1608"));
        Referral accepted = story.awaitState(referral.referralId(), ReferralState.ACCEPTED);
        // an emergency's progress is due daily, counted from the acceptance; the one who accepted is in charge
        Instant due = acceptedAt.plus(Duration.ofHours(24));
        assertThat(accepted.progressDueAt).isEqualTo(due);
        assertThat(accepted.officerInCharge).isEqualTo("officer-dinsos-1608");

        clock.set(due.minusSeconds(1));
        escalator.fireDue();
        assertThat(story.escalations(referral.referralId())).isEmpty();

        clock.set(due);
        awaitSteps(referral, 1);
        clock.set(due.plus(Duration.ofMinutes(15)));
        awaitSteps(referral, 2);
        clock.set(due.plus(Duration.ofMinutes(30)));
        awaitSteps(referral, 3);
        List<Story.Fired> missed = story.escalations(referral.referralId());
        String firstClock = missed.get(0).deadline();
        assertThat(firstClock).startsWith("PROGRESS_");
        assertThat(missed).containsExactly(new Story.Fired(firstClock, 1, "OFFICERS", "dinsos-1608"),
                new Story.Fired(firstClock, 2, "SUPERVISOR", "dinsos-1608"),
                new Story.Fired(firstClock, 3, "HEAD", "dinsos-1608"));
        assertThat(story.history(referral.referralId())).filteredOn(h -> h.kind == HistoryKind.ESCALATION)
                .extracting(h -> h.reason).first().asString()
                .startsWith("step 1: reminded the officers of Dinas Sosial Kabupaten OKU Timur; no progress recorded "
                        + "(officer in charge: officer-dinsos-1608)");

        // a report stops that chain (its province step would be due at +75 min) and starts a new daily clock
        Instant reported = due.plus(Duration.ofMinutes(40));
        clock.set(reported);
        story.act(Submissions.action(referral, ReferralAction.PROGRESS, "dinsos-1608"));
        Referral inProgress = story.awaitState(referral.referralId(), ReferralState.IN_PROGRESS);
        assertThat(inProgress.progressDueAt).isEqualTo(reported.plus(Duration.ofHours(24)));
        clock.set(due.plus(Duration.ofMinutes(75)));
        escalator.fireDue();
        clock.set(inProgress.progressDueAt.minusSeconds(1));
        escalator.fireDue();
        assertThat(story.escalations(referral.referralId())).hasSize(3);

        // the next missed report escalates again from the officers, under a clock of its own
        clock.set(inProgress.progressDueAt);
        awaitSteps(referral, 4);
        Story.Fired again = story.escalations(referral.referralId()).get(3);
        assertThat(again.step()).isEqualTo(1);
        assertThat(again.level()).isEqualTo("OFFICERS");
        assertThat(again.deadline()).startsWith("PROGRESS_").isNotEqualTo(firstClock);

        // each step's alerts say that progress is missing, each under a key of its own
        List<JsonNode> alerts = story.kafka().await(Topics.NOTIFICATION_REQUEST_TOPICS,
                r -> referral.referralId().equals(r.key()) && r.value().contains("referral-progress-overdue"), 12,
                Story.WAIT).stream().map(r -> story.read(r.value())).toList();
        assertThat(alerts).extracting(a -> a.get("notificationKey").asText()).doesNotHaveDuplicates();
        assertThat(alerts).extracting(a -> a.get("level").asText() + " " + a.get("recipientRole").asText())
                .filteredOn(level -> !level.startsWith("OFFICERS"))
                .containsExactlyInAnyOrder("SUPERVISOR SUPERVISOR", "SUPERVISOR SUPERVISOR", "HEAD HEAD", "HEAD HEAD");
    }

    @Test
    void acknowledgingInBetweenStopsTheChainAndAcceptingStopsTheAcceptClock() {
        ReferralSubmitted referral = emergencyTo("dinsos-1608");
        Instant routed = story.submitAndAwaitRouting(referral).routedAt;

        clock.set(routed.plus(Duration.ofMinutes(30)));
        awaitSteps(referral, 2);
        story.act(Submissions.action(referral, ReferralAction.ACKNOWLEDGE, "dinsos-1608"));
        story.awaitState(referral.referralId(), ReferralState.RECEIVED);

        clock.set(routed.plus(Duration.ofMinutes(59)));
        escalator.fireDue();
        assertThat(story.escalations(referral.referralId())).extracting(Story.Fired::deadline)
                .containsExactly("RECEIVE", "RECEIVE");

        // received but not accepted within the hour: the accept clock's own chain starts with a reminder
        clock.set(routed.plus(Duration.ofMinutes(60)));
        awaitSteps(referral, 3);
        story.act(Submissions.action(referral, ReferralAction.ACCEPT, "dinsos-1608"));
        story.awaitState(referral.referralId(), ReferralState.ACCEPTED);
        clock.set(routed.plus(Duration.ofDays(3)));
        escalator.fireDue();

        // (progress, owed daily from the acceptance, has a clock of its own)
        assertThat(story.escalations(referral.referralId())).filteredOn(f -> !f.deadline().startsWith("PROGRESS_"))
                .containsExactly(
                new Story.Fired("RECEIVE", 1, "OFFICERS", "dinsos-1608"),
                new Story.Fired("RECEIVE", 2, "SUPERVISOR", "dinsos-1608"),
                new Story.Fired("ACCEPT", 1, "OFFICERS", "dinsos-1608"));
    }

    @Test
    void replicasClaimingTogetherNeverFireTheSameStepTwice() throws Exception {
        List<ReferralSubmitted> referrals = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            referrals.add(emergencyTo("dinsos-1607"));
        }
        referrals.forEach(story::submit);
        Instant latestRouting = referrals.stream()
                .map(r -> story.awaitState(r.referralId(), ReferralState.ROUTED).routedAt).max(Instant::compareTo)
                .orElseThrow();

        // four claimers at once, as replicas would, while the scheduler polls too
        clock.set(latestRouting.plus(Duration.ofHours(3)));
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        List<Future<Integer>> fired = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (int replica = 0; replica < 4; replica++) {
                fired.add(replicas.submit((Callable<Integer>) escalator::fireDue));
            }
            for (Future<Integer> f : fired) {
                f.get();
            }
        }
        replicas.shutdown();
        await().atMost(Story.WAIT).until(() -> referrals.stream()
                .allMatch(r -> story.escalations(r.referralId()).size() == 5));

        for (ReferralSubmitted referral : referrals) {
            assertThat(story.escalations(referral.referralId())).extracting(Story.Fired::step)
                    .containsExactly(1, 2, 3, 4, 5);
            assertThat(story.history(referral.referralId())).filteredOn(h -> h.kind == HistoryKind.ESCALATION)
                    .hasSize(5);
        }
    }

    @Test
    void aWorkingDayDeadlineSkipsAPublicHolidayAndAWeekend() {
        // Thursday 24 December 2026, 10:00 WITA in Banjarmasin; Friday is Christmas, then the weekend
        ZoneId wita = ZoneId.of("Asia/Makassar");
        clock.set(LocalDateTime.of(2026, 12, 24, 10, 0).atZone(wita).toInstant());
        ReferralSubmitted referral = Submissions.referral("rutan-martapura", "dinsos-6371", null,
                CaseCategory.NEGLECT, Urgency.NORMAL, new Region("63", "63.71"), AgeBand.CHILD_5_TO_11);

        Referral routed = story.submitAndAwaitRouting(referral);

        // received within 24 h = one working day: Monday 28th; accepted within 3 days: Wednesday 30th
        assertThat(routed.receiveDueAt.atZone(wita).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2026, 12, 28, 10, 0));
        assertThat(routed.acceptDueAt.atZone(wita).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2026, 12, 30, 10, 0));
        // an agency counting calendar days, in WIB, has its deadline the next day
        ReferralSubmitted calendar = Submissions.referral("rutan-martapura", "dinsos-1608", null,
                CaseCategory.NEGLECT, Urgency.NORMAL, Submissions.OKU_TIMUR, AgeBand.CHILD_5_TO_11);
        assertThat(story.submitAndAwaitRouting(calendar).receiveDueAt.atZone(wita).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2026, 12, 25, 10, 0));
    }

    @Test
    void theSppaClocksFallDue72HoursAndSevenDaysAfterRoutingAndEachMissedOneEscalatesOnceUntilItsMilestone() {
        ReferralSubmitted referral = Submissions.childInConflictWithTheLaw();
        Referral routed = story.submitAndAwaitRouting(referral);
        assertThat(routed.targetAgencyId).isEqualTo("bapas-palembang");
        // accepted at once, so only the legal clocks run on: Bapas still owes the litmas and the diversion
        clock.set(routed.routedAt);
        story.act(Submissions.action(referral, ReferralAction.ACCEPT, "bapas-palembang"));
        Referral accepted = story.awaitState(referral.referralId(), ReferralState.ACCEPTED);
        Instant litmasDue = routed.routedAt.plus(Duration.ofHours(72));
        Instant diversionDue = routed.routedAt.plus(Duration.ofDays(7));
        assertThat(legalDueTimes(referral)).containsOnly(entry("LEGAL_LITMAS", litmasDue), entry("LEGAL_DIVERSION", diversionDue));
        // while the litmas is owed, progress is due daily, not every 3 days as for other high-urgency referrals
        assertThat(accepted.progressDueAt).isEqualTo(routed.routedAt.plus(Duration.ofHours(24)));

        clock.set(litmasDue.minusSeconds(1));
        escalator.fireDue();
        assertThat(legalSteps(referral)).isEmpty();
        clock.set(litmasDue);
        await().atMost(Story.WAIT).until(() -> legalSteps(referral).size() == 1);
        assertThat(story.history(referral.referralId())).filteredOn(h -> h.kind == HistoryKind.ESCALATION)
                .filteredOn(h -> h.reason.contains("legal deadline")).singleElement()
                .satisfies(h -> assertThat(h.reason).startsWith(
                        "step 1: reminded the officers of Bapas Kelas I Palembang; legal deadline litmas passed"));

        // the litmas is handed in: its clock stops, the diversion's runs on to its own deadline, and progress is
        // due again at the urgency's own pace
        story.act(Submissions.action(referral.referralId(), ReferralAction.PROGRESS, "bapas-palembang", null, null,
                "LITMAS_SUBMITTED"));
        Referral reported = story.awaitState(referral.referralId(), ReferralState.IN_PROGRESS);
        assertThat(legalDueTimes(referral)).containsOnlyKeys("LEGAL_DIVERSION");
        assertThat(reported.progressDueAt).isEqualTo(litmasDue.plus(Duration.ofDays(3)));
        clock.set(diversionDue.minusSeconds(1));
        escalator.fireDue();
        assertThat(legalSteps(referral)).hasSize(1);
        clock.set(diversionDue);
        await().atMost(Story.WAIT).until(() -> legalSteps(referral).size() == 2);
        escalator.fireDue();
        escalator.fireDue();
        assertThat(legalSteps(referral)).containsExactly(
                new Story.Fired("LEGAL_LITMAS", 1, "OFFICERS", "bapas-palembang"),
                new Story.Fired("LEGAL_DIVERSION", 1, "OFFICERS", "bapas-palembang"));
    }

    private Map<String, Instant> legalDueTimes(ReferralSubmitted referral) {
        return dueTimes(referral).entrySet().stream().filter(e -> e.getKey().startsWith("LEGAL_"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private List<Story.Fired> legalSteps(ReferralSubmitted referral) {
        return story.escalations(referral.referralId()).stream().filter(f -> f.deadline().startsWith("LEGAL_"))
                .toList();
    }

    @Test
    void anEmergencyInPapuaAtNightIsDueAQuarterOfAnHourLaterAndEscalatesThen() {
        // Saturday 5 December 2026, 23:00 WIT in Papua (21:00 in Jakarta); the province's Dinas Sosial, which no
        // other test refers to (the report test counts Jayapura's)
        ZoneId wit = ZoneId.of("Asia/Jayapura");
        clock.set(LocalDateTime.of(2026, 12, 5, 23, 0).atZone(wit).toInstant());
        ReferralSubmitted referral = Submissions.referral("rutan-martapura", "dinsos-94", null,
                CaseCategory.PHYSICAL_ABUSE, Urgency.EMERGENCY, new Region("94", "94.71"), AgeBand.TODDLER_1_TO_4);

        Referral routed = story.submitAndAwaitRouting(referral);

        // a weekend night does not wait for office hours, in Papua as anywhere
        assertThat(routed.receiveDueAt.atZone(wit).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 12, 5, 23, 15));
        assertThat(routed.acceptDueAt.atZone(wit).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 12, 6, 0, 0));
        clock.set(routed.receiveDueAt.minusSeconds(1));
        escalator.fireDue();
        assertThat(story.escalations(referral.referralId())).isEmpty();
        clock.set(routed.receiveDueAt);
        awaitSteps(referral, 1);
        assertThat(story.escalations(referral.referralId()))
                .containsExactly(new Story.Fired("RECEIVE", 1, "OFFICERS", "dinsos-94"));
    }

    private Map<String, Instant> dueTimes(ReferralSubmitted referral) {
        return QuarkusTransaction.requiringNew().call(() -> Deadline.<Deadline>list("key.referralId",
                UUID.fromString(referral.referralId())).stream()
                .collect(Collectors.toMap(d -> d.key.kind(), d -> d.dueAt)));
    }

    private ReferralSubmitted emergencyTo(String agencyId) {
        return Submissions.referral("rutan-martapura", agencyId, null, CaseCategory.PHYSICAL_ABUSE,
                Urgency.EMERGENCY, Submissions.OKU_TIMUR, AgeBand.TODDLER_1_TO_4);
    }

    private void awaitSteps(ReferralSubmitted referral, int steps) {
        await().atMost(Story.WAIT).until(() -> story.escalations(referral.referralId()).size() >= steps);
    }

    private List<JsonNode> requests(ReferralSubmitted referral, int expected) throws Exception {
        List<ConsumerRecord<String, String>> records = story.kafka().await(Topics.NOTIFICATION_REQUEST_TOPICS,
                r -> referral.referralId().equals(r.key()), expected, Story.WAIT);
        List<JsonNode> requests = new ArrayList<>();
        Set<String> escalationOnly = new HashSet<>(Set.of("OFFICERS", "SUPERVISOR", "HEAD", "PROVINCE", "MINISTRY"));
        for (ConsumerRecord<String, String> record : records) {
            JsonNode request = json.readTree(record.value());
            if (escalationOnly.contains(request.path("level").asText())) {
                // an emergency's alerts travel on the urgent topic, read ahead of any backlog of routine ones
                assertThat(record.topic()).as(record.value()).isEqualTo(Topics.NOTIFICATION_REQUESTS_URGENT);
                requests.add(request);
            }
        }
        return requests;
    }
}
