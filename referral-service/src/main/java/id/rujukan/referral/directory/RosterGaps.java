package id.rujukan.referral.directory;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.DutyRoster;
import id.rujukan.contract.Level;
import id.rujukan.contract.Roster;
import id.rujukan.contract.Urgency;
import id.rujukan.messaging.Outbox;
import id.rujukan.messaging.Writes;
import id.rujukan.referral.alert.Alerts;
import id.rujukan.referral.escalation.EscalationPolicy;
import id.rujukan.referral.escalation.EscalationStep;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Finds, ahead of time, the hours when an agency's roster has nobody on duty at a level its escalation chains
 * alert (the officers, the supervisor, the head): schedule gaps that would otherwise alert no one, found only when
 * a child's referral meets them. Each is told to the agency's admin and supervisor, by SMS and email, once per
 * version of the roster (a roster changed and still with a gap is told again); the count is the gauge
 * {@code rujukan_roster_gaps} (the k8s alert RujukanRosterGap fires on it), and each gap is logged with the agency
 * and the hours, never a person.
 */
@ApplicationScoped
public class RosterGaps {


    private final Agencies agencies;
    private final EscalationPolicy policy;
    private final Alerts alerts;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final Clock clock;
    private final AtomicInteger gaps = new AtomicInteger();

    public RosterGaps(Agencies agencies, EscalationPolicy policy, Alerts alerts, Outbox outbox,
            EntityManager entityManager, Clock clock, MeterRegistry registry) {
        this.agencies = agencies;
        this.policy = policy;
        this.alerts = alerts;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.clock = clock;
        Gauge.builder("rujukan.roster.gaps", gaps, AtomicInteger::get)
                .description("Levels of agencies' escalation chains with nobody on duty at some time in the next 7 "
                        + "days, by their rosters").register(registry);
    }

    @Scheduled(every = "${rujukan.rosters.check-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        check();
    }

    /**
     * Every gap ahead, agency by agency: the gauge set to their number, and each gap not yet told for its roster's
     * version told to the agency's admin and supervisor.
     */
    public List<Gap> check() {
        Instant now = clock.instant();
        List<Gap> found = new ArrayList<>();
        for (Agency agency : agencies.all()) {
            if (agency.roster == null) {
                continue;
            }
            AgencyPublished record = agency.toRecord();
            for (Level level : levels(agency)) {
                DutyRoster.firstGap(record, level.roles(), now, DutyRoster.GAPS_AHEAD)
                        .ifPresent(gap -> found.add(new Gap(agency, level, gap)));
            }
        }
        found.forEach(gap -> Log.warnf("Roster gap: nobody on duty as %s at %s from %s until %s",
                String.join(" or ", gap.level().roles()), gap.agencyId(), gap.gap().from(), gap.gap().until()));
        gaps.set(found.size());
        found.forEach(gap -> QuarkusTransaction.requiringNew().run(() -> tell(gap, now)));
        return found;
    }

    /** A level of an agency's chains with nobody on duty for a while, in one version of its roster. */
    public record Gap(String agencyId, Level level, DutyRoster.Gap gap, String rosterDigest) {

        Gap(Agency agency, Level level, DutyRoster.Gap gap) {
            this(agency.id, level, gap, digest(agency.roster));
        }
    }

    /** The alerts for a gap, unless its roster's version was told of it already (by this replica or another). */
    private void tell(Gap gap, Instant now) {
        int first = Writes.update(entityManager, """
                insert into roster_gap_alert (agency_id, level, roster_digest, gap_from, gap_until, alerted_at)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""", gap.agencyId(), gap.level(), gap.rosterDigest(),
                gap.gap().from(), gap.gap().until(), now);
        if (first == 1) {
            agencies.byId(gap.agencyId()).ifPresent(agency -> outbox.addAll(
                    alerts.rosterGap(agency, gap.level(), gap.gap(), gap.rosterDigest(), now)));
        }
    }

    /** Names a version of a roster: its shifts and covers, as the record writes them. */
    static String digest(Roster roster) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(roster.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The levels at the agency itself that any of its chains alerts. */
    private Set<Level> levels(Agency agency) {
        Set<Level> levels = EnumSet.noneOf(Level.class);
        Arrays.stream(Urgency.values()).flatMap(urgency -> policy.chainFor(agency.type, urgency).stream())
                .map(EscalationStep::level).filter(Level.AT_THE_AGENCY::contains).forEach(levels::add);
        return levels;
    }
}
