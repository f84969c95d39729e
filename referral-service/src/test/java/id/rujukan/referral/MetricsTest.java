package id.rujukan.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rujukan.contract.AgeBand;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.ReferralAction;
import id.rujukan.contract.ReferralState;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.contract.Urgency;
import id.rujukan.infra.testing.PrometheusText;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What an operator's dashboard reads at /q/metrics while a referral goes overdue and is acknowledged. */
@QuarkusTest
class MetricsTest {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final Map<String, String> EMERGENCY = Map.of("urgency", "EMERGENCY");

    @Inject
    Story story;

    @Inject
    TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void aReferralGoingOverdueEscalatingAndAcknowledgedShowsInTheMetrics() {
        String before = metrics();
        ReferralSubmitted referral = Submissions.referral("rutan-martapura", "dinsos-1608", null,
                CaseCategory.SEXUAL_VIOLENCE, Urgency.EMERGENCY, Submissions.OKU_TIMUR, AgeBand.TODDLER_1_TO_4);
        Instant routed = story.submitAndAwaitRouting(referral).routedAt;
        await().atMost(Story.WAIT).until(() -> value(metrics(), "rujukan_referrals",
                Map.of("state", "ROUTED", "urgency", "EMERGENCY")) >= 1);

        // 16 minutes on, nobody has acknowledged: overdue, and the officers have been reminded
        clock.set(routed.plus(Duration.ofMinutes(16)));
        await().atMost(Story.WAIT).until(() -> story.escalations(referral.referralId()).size() == 1);
        await().atMost(Story.WAIT).until(() -> value(metrics(), "rujukan_referrals_overdue", EMERGENCY) >= 1);
        assertThat(delta(before, metrics(), "rujukan_escalations_fired_total", Map.of("level", "OFFICERS")))
                .isGreaterThanOrEqualTo(1);

        story.act(Submissions.action(referral, ReferralAction.ACKNOWLEDGE, "dinsos-1608"));
        story.awaitState(referral.referralId(), ReferralState.RECEIVED);

        // counted once the transaction has committed, a moment after the state is visible
        await().atMost(Story.WAIT).until(() ->
                delta(before, metrics(), "rujukan_referral_acknowledge_time_seconds_count", EMERGENCY) >= 1);
        String after = metrics();
        assertThat(delta(before, after, "rujukan_referral_acknowledge_time_seconds_count", EMERGENCY)).isEqualTo(1);
        assertThat(delta(before, after, "rujukan_referral_acknowledge_time_seconds_sum", EMERGENCY))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(16).toSeconds());
        await().atMost(Story.WAIT).until(() -> value(metrics(), "rujukan_referrals",
                Map.of("state", "RECEIVED", "urgency", "EMERGENCY")) >= 1);
        // every state is shown, at 0 when empty, so panels never go blank
        assertThat(value(after, "rujukan_referrals", Map.of("state", "FAILED", "urgency", "LOW"))).isZero();
        assertThat(PrometheusText.has(after, "rujukan_escalations_backlog")).isTrue();
        assertThat(PrometheusText.has(after, "rujukan_outbox_lag_seconds")).isTrue();
        assertThat(delta(before, after, "rujukan_outbox_relayed_total", Map.of())).isGreaterThanOrEqualTo(3);
        // consumer lag, from the Kafka client's own metrics
        assertThat(PrometheusText.has(after, "kafka_consumer_fetch_manager_records_lag_max")).isTrue();
    }

    @Test
    void theOperatorsSeeWhenTheWorkingCalendarLacksNextYearsHolidays() {
        clock.set(LocalDateTime.of(2026, 11, 29, 9, 0).atZone(JAKARTA).toInstant());
        assertThat(value(metrics(), "rujukan_working_calendar_years_ahead", Map.of())).isEqualTo(1);
        // December 2027: the file has no holidays of 2028, which the k8s alert reads below 1
        clock.set(LocalDateTime.of(2027, 12, 1, 9, 0).atZone(JAKARTA).toInstant());
        assertThat(value(metrics(), "rujukan_working_calendar_years_ahead", Map.of())).isZero();
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String metrics, String name, Map<String, String> labels) {
        double value = PrometheusText.sum(metrics, name, labels);
        return Double.isNaN(value) ? 0 : value;
    }

    private static double delta(String before, String after, String name, Map<String, String> labels) {
        return value(after, name, labels) - value(before, name, labels);
    }
}
