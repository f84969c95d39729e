package id.rujukan.referral.directory;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.DutyRoster;
import id.rujukan.contract.Urgency;
import id.rujukan.referral.escalation.EscalationPolicy;
import id.rujukan.referral.escalation.EscalationStep;
import id.rujukan.referral.escalation.Level;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Finds, ahead of time, the hours when an agency's roster has nobody on duty at a level its escalation chains
 * alert (the officers, the supervisor, the head): schedule gaps that would otherwise alert no one, found only when
 * a child's referral meets them. The count is the gauge {@code rujukan_roster_gaps} (the k8s alert
 * RujukanRosterGap fires on it) and each gap is logged with the agency and the hours, never a person.
 */
@ApplicationScoped
public class RosterGaps {

    /** How far ahead gaps are looked for. */
    public static final Duration AHEAD = Duration.ofDays(7);
    private static final Set<Level> AT_THE_AGENCY = EnumSet.of(Level.OFFICERS, Level.SUPERVISOR, Level.HEAD);

    private final Agencies agencies;
    private final EscalationPolicy policy;
    private final Clock clock;
    private final AtomicInteger gaps = new AtomicInteger();

    public RosterGaps(Agencies agencies, EscalationPolicy policy, Clock clock, MeterRegistry registry) {
        this.agencies = agencies;
        this.policy = policy;
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

    /** Every gap ahead, agency by agency, and the gauge set to their number. */
    public List<Gap> check() {
        List<Gap> found = new ArrayList<>();
        for (Agency agency : agencies.all()) {
            if (agency.roster == null) {
                continue;
            }
            AgencyPublished record = agency.toRecord();
            for (Level level : levels(agency)) {
                DutyRoster.firstGap(record, level.roles(), clock.instant(), AHEAD)
                        .ifPresent(gap -> found.add(new Gap(agency.id, level, gap)));
            }
        }
        found.forEach(gap -> Log.warnf("Roster gap: nobody on duty as %s at %s from %s until %s",
                String.join(" or ", gap.level().roles()), gap.agencyId(), gap.gap().from(), gap.gap().until()));
        gaps.set(found.size());
        return found;
    }

    /** A level of an agency's chains with nobody on duty for a while. */
    public record Gap(String agencyId, Level level, DutyRoster.Gap gap) {
    }

    /** The levels at the agency itself that any of its chains alerts. */
    private Set<Level> levels(Agency agency) {
        Set<Level> levels = EnumSet.noneOf(Level.class);
        Arrays.stream(Urgency.values()).flatMap(urgency -> policy.chainFor(agency.type, urgency).stream())
                .map(EscalationStep::level).filter(AT_THE_AGENCY::contains).forEach(levels::add);
        return levels;
    }
}
