package id.rujukan.referral.metrics;

import id.rujukan.contract.Level;
import id.rujukan.contract.ReferralState;
import id.rujukan.contract.Urgency;
import id.rujukan.messaging.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The referral service's domain metrics, for the dashboard and the alerts: referrals by state and urgency,
 * overdue referrals, escalation steps fired by level and those due but not yet fired, and the time agencies
 * take to acknowledge. Counts come from the database every {@code rujukan.metrics.refresh-every}, so they
 * are the same on every replica; events are counted when their transaction commits.
 */
@ApplicationScoped
public class ReferralMetrics {

    private final MeterRegistry registry;
    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;
    private final MultiGauge byStateAndUrgency;
    private final MultiGauge overdueByUrgency;
    private final AtomicLong escalationBacklog = new AtomicLong();
    private final Map<Level, Counter> escalations = new EnumMap<>(Level.class);

    public ReferralMetrics(MeterRegistry registry, EntityManager entityManager,
            TransactionSynchronizationRegistry transactions, Clock clock) {
        this.registry = registry;
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.clock = clock;
        this.byStateAndUrgency = MultiGauge.builder("rujukan.referrals")
                .description("Referrals by state and urgency").register(registry);
        this.overdueByUrgency = MultiGauge.builder("rujukan.referrals.overdue")
                .description("Open referrals with a deadline passed and not met, by urgency").register(registry);
        Gauge.builder("rujukan.escalations.backlog", escalationBacklog, AtomicLong::get)
                .description("Escalation steps due now and not yet fired (should stay near 0)").register(registry);
        for (Level level : Level.values()) {
            escalations.put(level, Counter.builder("rujukan.escalations.fired").tag("level", level.name())
                    .description("Escalation steps fired").register(registry));
        }
    }

    /** Counts the steps once their transaction has committed. */
    public void escalated(List<Level> levels) {
        afterCommit(() -> levels.forEach(level -> escalations.get(level).increment()));
    }

    /** Records the time from routing to the receiving agency's acknowledgement, once committed. */
    public void acknowledged(Urgency urgency, Duration sinceRouted) {
        afterCommit(() -> Timer.builder("rujukan.referral.acknowledge.time").tag("urgency", urgency.name())
                .description("Time from routing to acknowledgement by the receiving agency")
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMinutes(15), Duration.ofHours(2), Duration.ofHours(24))
                .register(registry).record(sinceRouted));
    }

    @Scheduled(every = "${rujukan.metrics.refresh-every}", delayed = "${rujukan.metrics.refresh-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void refresh() {
        Timestamp now = Timestamp.from(clock.instant());
        Map<Tags, Long> counts = new HashMap<>();
        // every state and urgency is shown, at 0 when there are none, so a panel never goes blank
        for (ReferralState state : ReferralState.values()) {
            for (Urgency urgency : Urgency.values()) {
                counts.put(Tags.of("state", state.name(), "urgency", urgency.name()), 0L);
            }
        }
        for (Object[] row : rows("select state, urgency, count(*) from referral group by state, urgency", null)) {
            counts.put(Tags.of("state", (String) row[0], "urgency", (String) row[1]), ((Number) row[2]).longValue());
        }
        List<MultiGauge.Row<?>> states = new ArrayList<>();
        counts.forEach((tags, count) -> states.add(MultiGauge.Row.of(tags, count)));
        byStateAndUrgency.register(states, true);
        List<MultiGauge.Row<?>> overdue = new ArrayList<>();
        Map<String, Long> overdueCounts = new HashMap<>();
        for (Object[] row : rows("""
                select r.urgency, count(distinct d.referral_id) from referral_deadline d
                join referral r on r.id = d.referral_id where d.due_at <= ?1 group by r.urgency""", now)) {
            overdueCounts.put((String) row[0], ((Number) row[1]).longValue());
        }
        for (Urgency urgency : Urgency.values()) {
            overdue.add(MultiGauge.Row.of(Tags.of("urgency", urgency.name()),
                    overdueCounts.getOrDefault(urgency.name(), 0L)));
        }
        overdueByUrgency.register(overdue, true);
        escalationBacklog.set(((Number) entityManager.createNativeQuery(
                "select count(*) from referral_deadline where next_fire_at <= ?1").setParameter(1, now)
                .getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Timestamp now) {
        var query = entityManager.createNativeQuery(sql);
        if (now != null) {
            query.setParameter(1, now);
        }
        return query.getResultList();
    }

    private void afterCommit(Runnable action) {
        AfterCommit.run(transactions, action);
    }
}
