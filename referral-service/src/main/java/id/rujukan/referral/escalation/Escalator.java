package id.rujukan.referral.escalation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.Level;
import id.rujukan.contract.NotificationRequested;
import id.rujukan.contract.ReferralEscalated;
import id.rujukan.contract.Topics;
import id.rujukan.contract.Urgency;
import id.rujukan.messaging.DueRows;
import id.rujukan.messaging.OutboundEvent;
import id.rujukan.messaging.Outbox;
import id.rujukan.referral.alert.Alerts;
import id.rujukan.referral.deadline.Deadline;
import id.rujukan.referral.directory.Agencies;
import id.rujukan.referral.directory.Agency;
import id.rujukan.referral.metrics.ReferralMetrics;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.hibernate.Session;

/**
 * Fires the escalation steps that are due. Each transaction claims a batch of due clocks with
 * {@code FOR UPDATE SKIP LOCKED} (another replica skips them instead of waiting), and for each writes the
 * step's escalation row, its timeline row, its events and alerts to the outbox, and moves the clock to
 * its next step, then commits. A crash before the commit leaves the clock as it was, to be claimed
 * again; after it, the clock has moved on. The escalation table's key refuses a step fired twice.
 *
 * <p>It never locks the referral row: an action that stops a clock locks the referral, then deletes the
 * clock row, and waits for a firing in progress; taking the locks the other way round would deadlock.
 */
@ApplicationScoped
public class Escalator {

    private static final TypeReference<List<EscalationStep>> CHAIN = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Alerts alerts;
    private final ObjectMapper json;
    private final EscalationConfig config;
    private final Agencies agencies;
    private final Clock clock;
    private final ReferralMetrics metrics;

    public Escalator(EntityManager entityManager, Outbox outbox, Alerts alerts, ObjectMapper json,
            EscalationConfig config, Agencies agencies, Clock clock, ReferralMetrics metrics) {
        this.metrics = metrics;
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.alerts = alerts;
        this.json = json;
        this.config = config;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** Fires every step due now, batch by batch; returns how many fired. */
    public int fireDue() {
        int fired = 0;
        while (true) {
            int batch = QuarkusTransaction.requiringNew().call(this::fireBatch);
            fired += batch;
            if (batch < config.claimBatch()) {
                return fired;
            }
        }
    }

    private record Due(UUID referralId, String deadline, Instant dueAt, int step, Instant firedFor,
            String targetAgencyId, Urgency urgency, CaseCategory category, String referringAgencyId, String state,
            String officerInCharge, List<EscalationStep> chain) {
    }

    private int fireBatch() {
        Instant now = clock.instant();
        Map<String, List<EscalationStep>> chains = new HashMap<>();
        List<Due> due = DueRows.claim(entityManager, """
                select d.referral_id, d.kind, d.due_at, d.next_step, d.next_fire_at, r.target_agency_id,
                    r.urgency, r.category, r.referring_agency_id, r.state, r.officer_in_charge,
                    r.escalation_chain::text as chain
                from referral_deadline d join referral r on r.id = d.referral_id
                where d.next_fire_at <= :now
                order by d.next_fire_at
                limit :batch""", "d", Map.of("now", Timestamp.from(now), "batch", config.claimBatch()))
                .stream().map(row -> new Due(row.get("referral_id", UUID.class), row.get("kind", String.class),
                        DueRows.instant(row, "due_at"), ((Number) row.get("next_step")).intValue(),
                        DueRows.instant(row, "next_fire_at"), row.get("target_agency_id", String.class),
                        Urgency.valueOf(row.get("urgency", String.class)),
                        CaseCategory.valueOf(row.get("category", String.class)),
                        row.get("referring_agency_id", String.class), row.get("state", String.class),
                        row.get("officer_in_charge", String.class), chains.computeIfAbsent(row.get("chain", String.class), this::chain)))
                .toList();
        if (due.isEmpty()) {
            return 0;
        }
        List<OutboundEvent> events = new ArrayList<>();
        List<Object[]> escalations = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        List<Due> advance = new ArrayList<>();
        List<Due> finished = new ArrayList<>();
        for (Due d : due) {
            EscalationStep step = d.chain().get(d.step() - 1);
            Agency target = agencies.byId(d.targetAgencyId()).orElseThrow();
            Optional<Agency> notified = notified(step.level(), target);
            String referralId = d.referralId().toString();
            String reason = reason(d, step, target, notified);
            String stepKey = d.deadline() + "-" + d.step();
            List<OutboundEvent> alertsOfStep = notified.map(agency -> alerts.requests(referralId, stepKey,
                    template(d.deadline(), step.level()), agency,
                    step.level().roles(), d.referringAgencyId(), d.category(), d.urgency(), step.level().name(), now))
                    .orElse(List.of());
            List<String> roles = alertsOfStep.stream()
                    .map(event -> ((NotificationRequested) event.data()).recipientRole())
                    .distinct().toList();
            if (notified.isPresent() && step.level().roles().stream().noneMatch(roles::contains)) {
                reason += roles.isEmpty() ? "; nobody on duty to alert"
                        : "; nobody on duty as " + String.join(" or ", step.level().roles()) + ", so the "
                                + String.join(" and ", roles) + " was alerted at once";
            }
            // to the target, whose deadline it is, and to the referrer, who is waiting on it
            events.add(new OutboundEvent(Stream.of(d.targetAgencyId(), d.referringAgencyId()).distinct()
                    .map(Topics::lifecycle).toList(), referralId, EventTypes.REFERRAL_ESCALATED,
                    CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM, now,
                    new ReferralEscalated(referralId, d.targetAgencyId(), d.deadline(), d.step(), step.level().name(),
                            notified.map(agency -> agency.id).orElse(null), roles, d.urgency(), d.dueAt(), now,
                            reason)));
            events.addAll(alertsOfStep);
            escalations.add(new Object[] {d.referralId(), d.deadline(), d.step(), step.level().name(),
                    notified.map(agency -> agency.id).orElse(null), Timestamp.from(d.dueAt()), Timestamp.from(now)});
            history.add(new Object[] {d.referralId(), Timestamp.from(now), reason, d.state()});
            if (d.step() < d.chain().size()) {
                advance.add(d);
            } else {
                finished.add(d);
            }
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into escalation (referral_id, deadline, step, level, notified_agency_id, due_at, fired_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")) {
                for (Object[] row : escalations) {
                    for (int i = 0; i < row.length; i++) {
                        insert.setObject(i + 1, row[i]);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into referral_history (referral_id, at, kind, actor_agency_id, actor, from_state,
                        to_state, reason)
                    values (?, ?, 'ESCALATION', 'system', 'system', ?, ?, ?)""")) {
                for (Object[] row : history) {
                    insert.setObject(1, row[0]);
                    insert.setTimestamp(2, (Timestamp) row[1]);
                    insert.setString(3, (String) row[3]);
                    insert.setString(4, (String) row[3]);
                    insert.setString(5, (String) row[2]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            // one statement for the batch's clocks, not one per clock: PostgreSQL plans and runs it once
            try (PreparedStatement update = connection.prepareStatement("""
                    update referral_deadline d set next_step = d.next_step + 1, next_fire_at = moved.next_fire_at
                    from unnest(?::uuid[], ?::text[], ?::timestamptz[]) as moved (referral_id, kind, next_fire_at)
                    where d.referral_id = moved.referral_id and d.kind = moved.kind""")) {
                update.setArray(1, connection.createArrayOf("uuid", advance.stream().map(Due::referralId).toArray()));
                update.setArray(2, connection.createArrayOf("text", advance.stream().map(Due::deadline).toArray()));
                // planned from the previous step's time, not from now: a late firing does not stretch the chain
                update.setArray(3, connection.createArrayOf("timestamptz", advance.stream()
                        .map(d -> Timestamp.from(d.firedFor().plus(d.chain().get(d.step()).after()))).toArray()));
                update.executeUpdate();
            }
            try (PreparedStatement delete = connection.prepareStatement("""
                    delete from referral_deadline d
                    using unnest(?::uuid[], ?::text[]) as done (referral_id, kind)
                    where d.referral_id = done.referral_id and d.kind = done.kind""")) {
                delete.setArray(1, connection.createArrayOf("uuid", finished.stream().map(Due::referralId).toArray()));
                delete.setArray(2, connection.createArrayOf("text", finished.stream().map(Due::deadline).toArray()));
                delete.executeUpdate();
            }
        });
        outbox.addAll(events);
        metrics.escalated(due.stream().map(d -> d.chain().get(d.step() - 1).level()).toList());
        Log.debugf("Escalation: %d steps fired", due.size());
        return due.size();
    }

    /** The agency a level tells: the receiving agency, its province's Dinas Sosial, or the Ministry. */
    private Optional<Agency> notified(Level level, Agency target) {
        return switch (level) {
            case OFFICERS, SUPERVISOR, HEAD -> Optional.ofNullable(target);
            case PROVINCE -> target == null ? Optional.empty()
                    : Agency.dinasSosialOfProvince(agencies.all(), target.provinceCode);
            case MINISTRY -> Agency.ministry(agencies.all());
        };
    }

    private static String template(String deadline, Level level) {
        if (Deadline.isProgress(deadline)) {
            return Alerts.PROGRESS_OVERDUE;
        }
        return level == Level.OFFICERS ? Alerts.REMINDER : Alerts.ESCALATION;
    }

    private static String reason(Due d, EscalationStep step, Agency target, Optional<Agency> notified) {
        String what = Deadline.isProgress(d.deadline())
                ? "no progress recorded (officer in charge: " + d.officerInCharge() + ")" : switch (d.deadline()) {
            case Deadline.RECEIVE -> "not received";
            case Deadline.ACCEPT -> "not accepted or declined";
            default -> "legal deadline " + d.deadline().substring("LEGAL_".length()).toLowerCase(Locale.ROOT) + " passed";
        };
        String who = switch (step.level()) {
            case OFFICERS -> "reminded the officers of ";
            case SUPERVISOR -> "escalated to the supervisor of ";
            case HEAD -> "escalated to the head of ";
            case PROVINCE -> "escalated to the province: ";
            case MINISTRY -> "escalated to the Ministry: ";
        };
        String whom = notified.map(agency -> agency.name).orElse("nobody (no such agency in the directory)");
        return "step " + d.step() + ": " + who + whom + "; " + what + " by " + (target == null ? d.targetAgencyId()
                : target.name) + ", due " + d.dueAt();
    }

    private List<EscalationStep> chain(String frozen) {
        try {
            return json.readValue(frozen, CHAIN);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable escalation chain " + frozen, e);
        }
    }
}
