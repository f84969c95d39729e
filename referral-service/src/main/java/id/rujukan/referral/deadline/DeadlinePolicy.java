package id.rujukan.referral.deadline;

import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.Urgency;
import id.rujukan.referral.directory.Agency;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When a routed referral must be received and accepted, and which legal clocks run for it. Deadlines
 * are computed in the receiving agency's time zone; for an agency that counts working days, a deadline
 * of whole days skips weekends and public holidays (shorter ones never wait: an emergency at 23:00 on a
 * Saturday is due at 23:15).
 */
@ApplicationScoped
public class DeadlinePolicy {

    private final DeadlineConfig config;
    private final WorkingCalendar calendar;

    public DeadlinePolicy(DeadlineConfig config, WorkingCalendar calendar) {
        this.config = config;
        this.calendar = calendar;
        validate(config);
    }

    /** A legal clock running for a referral: its name (the deadline kind), when it is due, what stops it. */
    public record LegalDeadline(String kind, Instant dueAt, String milestone, String law) {
    }

    public Instant receiveDue(Instant routedAt, Urgency urgency, Agency target) {
        return plus(routedAt, window(urgency).receivedWithin(), target);
    }

    public Instant acceptDue(Instant routedAt, Urgency urgency, Agency target) {
        return plus(routedAt, window(urgency).acceptedWithin(), target);
    }

    /**
     * When progress must next be recorded on an accepted referral, counted from {@code from} (its acceptance or
     * its last progress report): the urgency's cadence, or a running legal clock's if that is shorter.
     *
     * @param runningClocks the kinds of the referral's clocks still running
     */
    public Instant progressDue(Instant from, Urgency urgency, CaseCategory category, Agency target,
            Collection<String> runningClocks) {
        Duration every = window(urgency).progressEvery();
        for (Map.Entry<String, DeadlineConfig.LegalClock> clock : config.legal().entrySet()) {
            DeadlineConfig.LegalClock legal = clock.getValue();
            if (legal.category() == category && legal.agencyTypes().contains(target.type)
                    && runningClocks.contains(kindOf(clock.getKey())) && legal.progressEvery().isPresent()
                    && legal.progressEvery().get().compareTo(every) < 0) {
                every = legal.progressEvery().get();
            }
        }
        return plus(from, every, target);
    }

    public List<LegalDeadline> legalDeadlines(Instant routedAt, CaseCategory category, Agency target) {
        List<LegalDeadline> deadlines = new ArrayList<>();
        for (Map.Entry<String, DeadlineConfig.LegalClock> clock : config.legal().entrySet()) {
            DeadlineConfig.LegalClock legal = clock.getValue();
            if (legal.category() == category && legal.agencyTypes().contains(target.type)) {
                deadlines.add(new LegalDeadline(kindOf(clock.getKey()), routedAt.plus(legal.within()),
                        legal.milestone(), legal.law()));
            }
        }
        return deadlines;
    }

    /** The legal clock kinds a progress milestone stops. */
    public List<String> stoppedBy(String milestone) {
        return config.legal().entrySet().stream().filter(clock -> clock.getValue().milestone().equals(milestone))
                .map(clock -> kindOf(clock.getKey())).toList();
    }

    private Instant plus(Instant start, Duration within, Agency target) {
        boolean wholeDays = within.compareTo(Duration.ofDays(1)) >= 0 && within.toHours() % 24 == 0
                && within.toMinutesPart() == 0 && within.toSecondsPart() == 0;
        if (target.countsWorkingDays && wholeDays) {
            return calendar.plusWorkingDays(start.atZone(target.zone()), within.toDays()).toInstant();
        }
        return start.plus(within);
    }

    private DeadlineConfig.Window window(Urgency urgency) {
        return config.urgency().get(urgency.name().toLowerCase(Locale.ROOT));
    }

    private static String kindOf(String legalClockName) {
        return "LEGAL_" + legalClockName.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static void validate(DeadlineConfig config) {
        List<String> problems = new ArrayList<>();
        for (Urgency urgency : Urgency.values()) {
            String key = urgency.name().toLowerCase(Locale.ROOT);
            DeadlineConfig.Window window = config.urgency().get(key);
            if (window == null) {
                problems.add("rujukan.deadlines.urgency." + key + " is missing");
                continue;
            }
            if (window.receivedWithin().isNegative() || window.receivedWithin().isZero()) {
                problems.add("rujukan.deadlines.urgency." + key + ".received-within must be positive");
            }
            if (window.progressEvery().isNegative() || window.progressEvery().isZero()) {
                problems.add("rujukan.deadlines.urgency." + key + ".progress-every must be positive");
            }
            if (window.acceptedWithin().compareTo(window.receivedWithin()) < 0) {
                problems.add("rujukan.deadlines.urgency." + key + ".accepted-within must not be shorter than received-within");
            }
        }
        for (String key : config.urgency().keySet()) {
            if (Arrays.stream(Urgency.values()).noneMatch(urgency -> urgency.name().equalsIgnoreCase(key))) {
                problems.add("rujukan.deadlines.urgency." + key + " is not an urgency");
            }
        }
        config.legal().forEach((name, clock) -> {
            if (clock.within().isNegative() || clock.within().isZero()) {
                problems.add("rujukan.deadlines.legal." + name + ".within must be positive");
            }
            if (clock.progressEvery().filter(every -> every.isNegative() || every.isZero()).isPresent()) {
                problems.add("rujukan.deadlines.legal." + name + ".progress-every must be positive");
            }
            if (clock.agencyTypes().isEmpty()) {
                problems.add("rujukan.deadlines.legal." + name + ".agency-types must name at least one agency type");
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid deadline policy: " + String.join("; ", problems));
        }
    }
}
