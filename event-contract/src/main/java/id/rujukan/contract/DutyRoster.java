package id.rujukan.contract;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who is on duty for a role at an agency at a moment, by its roster: the one rule, used by referral-service to
 * address an alert and find gaps ahead, and by notification-service to send it to whoever is on duty when it goes.
 */
public final class DutyRoster {

    /** How far ahead gaps are looked for and shown: a week, one turn of a weekly roster. */
    public static final Duration GAPS_AHEAD = Duration.ofDays(7);

    private DutyRoster() {
    }

    /** A time ahead when nobody is on duty in any of {@code roles}: an alert to them would reach no one. */
    public record Gap(List<String> roles, Instant from, Instant until) {
    }

    /** Whether the agency keeps a roster for the role; if not, every contact of the role is always on duty. */
    public static boolean rostered(AgencyPublished agency, String role) {
        return roster(agency).shifts().stream().anyMatch(shift -> shift.role().equals(role));
    }

    /**
     * The contact on duty for {@code role} at {@code at}: by the roster where the agency keeps one for the role
     * (with covers applied), else its first contact of the role. Empty when nobody is.
     */
    public static Optional<AgencyPublished.Contact> onDuty(AgencyPublished agency, String role, Instant at) {
        if (!rostered(agency, role)) {
            return agency.contacts().stream().filter(contact -> contact.role().equals(role)).findFirst();
        }
        ZonedDateTime local = at.atZone(ZoneId.of(agency.timeZone()));
        for (Roster.Shift shift : roster(agency).shifts()) {
            if (!shift.role().equals(role) || !covers(shift, local)) {
                continue;
            }
            Optional<String> person = present(roster(agency), shift.person(), at);
            Optional<AgencyPublished.Contact> contact = person.flatMap(email -> contact(agency, email));
            if (contact.isPresent()) {
                return contact;
            }
        }
        return Optional.empty();
    }

    /**
     * The first time within {@code [from, from + within)} when nobody is on duty in any of {@code roles} (say the
     * officers and the duty officer, whom an escalation's first step alerts), and until when (at most the window's
     * end). Empty when someone always is, or when the agency keeps no roster for any of the roles.
     */
    public static Optional<Gap> firstGap(AgencyPublished agency, List<String> roles, Instant from, Duration within) {
        if (roles.stream().noneMatch(role -> rostered(agency, role))) {
            return Optional.empty();
        }
        Instant end = from.plus(within);
        Instant gapStart = null;
        for (Instant at : changes(agency, from, end)) {
            boolean nobody = roles.stream().allMatch(role -> onDuty(agency, role, at).isEmpty());
            if (nobody && gapStart == null) {
                gapStart = at;
            } else if (!nobody && gapStart != null) {
                return Optional.of(new Gap(roles, gapStart, at));
            }
        }
        return gapStart == null ? Optional.empty() : Optional.of(new Gap(roles, gapStart, end));
    }

    /** Every moment in the window when who is on duty can change: shift starts and ends, covers' bounds. */
    private static TreeSet<Instant> changes(AgencyPublished agency, Instant from, Instant end) {
        ZoneId zone = ZoneId.of(agency.timeZone());
        TreeSet<Instant> changes = new TreeSet<>();
        changes.add(from);
        LocalDate first = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = end.atZone(zone).toLocalDate();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (Roster.Shift shift : roster(agency).shifts()) {
                changes.add(day.atTime(LocalTime.parse(shift.start())).atZone(zone).toInstant());
                changes.add(day.atTime(LocalTime.parse(shift.end())).atZone(zone).toInstant());
            }
        }
        for (Roster.Cover cover : roster(agency).covers()) {
            changes.add(cover.from());
            changes.add(cover.until());
        }
        return new TreeSet<>(changes.subSet(from, true, end, false));
    }

    /** Whether the shift covers this local time: on one of its days, or past midnight after one of them. */
    private static boolean covers(Roster.Shift shift, ZonedDateTime local) {
        LocalTime start = LocalTime.parse(shift.start());
        LocalTime end = LocalTime.parse(shift.end());
        LocalTime time = local.toLocalTime();
        DayOfWeek today = local.getDayOfWeek();
        if (start.isBefore(end)) {
            return shift.days().contains(today) && !time.isBefore(start) && time.isBefore(end);
        }
        // through midnight (or the whole day when start == end): today's part, and the part after yesterday's start
        return shift.days().contains(today) && !time.isBefore(start)
                || shift.days().contains(today.minus(1)) && time.isBefore(end);
    }

    /** Who is there for {@code person} at {@code at}: themself, their cover, or nobody. */
    private static Optional<String> present(Roster roster, String person, Instant at) {
        for (Roster.Cover cover : roster.covers()) {
            if (cover.person().equalsIgnoreCase(person) && !at.isBefore(cover.from()) && at.isBefore(cover.until())) {
                return Optional.ofNullable(cover.cover());
            }
        }
        return Optional.of(person);
    }

    private static Optional<AgencyPublished.Contact> contact(AgencyPublished agency, String email) {
        return agency.contacts().stream().filter(contact -> contact.email().equalsIgnoreCase(email)).findFirst();
    }

    private static Roster roster(AgencyPublished agency) {
        return agency.roster() == null ? Roster.NONE : agency.roster();
    }
}
