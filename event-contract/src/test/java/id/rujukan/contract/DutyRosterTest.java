package id.rujukan.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who is on duty, by an agency's roster in WITA: office hours on weekdays, an after-hours officer every night. */
class DutyRosterTest {

    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    private static final List<DayOfWeek> EVERY_DAY = List.of(DayOfWeek.values());
    private static final List<Roster.Shift> SHIFTS = List.of(
            new Roster.Shift("DUTY_OFFICER", "budi@dinsos.test", WEEKDAYS, "08:00", "16:00"),
            new Roster.Shift("DUTY_OFFICER", "sari@dinsos.test", List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                    "08:00", "16:00"),
            new Roster.Shift("DUTY_OFFICER", "sari@dinsos.test", EVERY_DAY, "16:00", "08:00"),
            new Roster.Shift("SUPERVISOR", "kabid@dinsos.test", EVERY_DAY, "00:00", "00:00"));

    @Test
    void onASaturdayNightTheAfterHoursOfficerIsOnDutyNotTheWeekdayOne() {
        AgencyPublished agency = agency(List.of());

        assertThat(person(agency, "DUTY_OFFICER", at(2026, 12, 5, 22, 0))).contains("sari@dinsos.test");
        assertThat(person(agency, "DUTY_OFFICER", at(2026, 12, 2, 10, 0))).contains("budi@dinsos.test");
        // the night shift that began on Wednesday is still on at 07:59 on Thursday, and over at 08:00
        assertThat(person(agency, "DUTY_OFFICER", at(2026, 12, 3, 7, 59))).contains("sari@dinsos.test");
        assertThat(person(agency, "DUTY_OFFICER", at(2026, 12, 3, 8, 0))).contains("budi@dinsos.test");
        // a whole-day shift
        assertThat(person(agency, "SUPERVISOR", at(2026, 12, 6, 3, 0))).contains("kabid@dinsos.test");
    }

    @Test
    void onLeaveTheCoverIsOnDutyAndWithoutCoverNobodyIs() {
        Roster.Cover leave = new Roster.Cover("budi@dinsos.test", at(2026, 12, 2, 0, 0), at(2026, 12, 3, 0, 0),
                "ani@dinsos.test", "LEAVE");
        assertThat(person(agency(List.of(leave)), "DUTY_OFFICER", at(2026, 12, 2, 10, 0))).contains("ani@dinsos.test");
        // the day after the leave, budi is back
        assertThat(person(agency(List.of(leave)), "DUTY_OFFICER", at(2026, 12, 3, 10, 0)))
                .contains("budi@dinsos.test");

        Roster.Cover uncovered = new Roster.Cover("budi@dinsos.test", at(2026, 12, 2, 0, 0), at(2026, 12, 3, 0, 0),
                null, "SICK");
        assertThat(person(agency(List.of(uncovered)), "DUTY_OFFICER", at(2026, 12, 2, 10, 0))).isEmpty();
    }

    @Test
    void aRoleWithoutShiftsHasItsContactOnDutyAlways() {
        assertThat(person(agency(List.of()), "HEAD", at(2026, 12, 6, 3, 0))).contains("kadis@dinsos.test");
        assertThat(DutyRoster.rostered(agency(List.of()), "HEAD")).isFalse();
    }

    @Test
    void aLeaveWithoutCoverThreeDaysAheadIsTheFirstGapAndItsLength() {
        Instant now = at(2026, 11, 30, 9, 0);
        Roster.Cover uncovered = new Roster.Cover("budi@dinsos.test", at(2026, 12, 3, 0, 0), at(2026, 12, 4, 0, 0),
                null, "LEAVE");

        for (List<String> roles : List.of(List.of("OFFICER", "DUTY_OFFICER"), List.of("SUPERVISOR"), List.of("HEAD"))) {
            assertThat(DutyRoster.firstGap(agency(List.of()), roles, now, Duration.ofDays(7))).as(roles.toString())
                    .isEmpty();
        }
        assertThat(DutyRoster.firstGap(agency(List.of(uncovered)), List.of("DUTY_OFFICER"), now, Duration.ofDays(7)))
                .contains(new DutyRoster.Gap(List.of("DUTY_OFFICER"), at(2026, 12, 3, 8, 0), at(2026, 12, 3, 16, 0)));
        // an officer not on the roster is there all the same: no gap for the officers' level
        assertThat(DutyRoster.firstGap(agency(List.of(uncovered)), List.of("OFFICER", "DUTY_OFFICER"), now,
                Duration.ofDays(7))).isEmpty();
        // beyond the window it is not reported yet
        assertThat(DutyRoster.firstGap(agency(List.of(uncovered)), List.of("DUTY_OFFICER"), now, Duration.ofDays(2)))
                .isEmpty();
    }

    private static Optional<String> person(AgencyPublished agency, String role, Instant at) {
        return DutyRoster.onDuty(agency, role, at).map(AgencyPublished.Contact::email);
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(WITA).toInstant();
    }

    private static AgencyPublished agency(List<Roster.Cover> covers) {
        return new AgencyPublished("dinsos-6371", "Dinas Sosial Kota Banjarmasin", AgencyType.DINAS_SOSIAL_KABUPATEN_KOTA,
                new Region("63", "63.71"), WITA.getId(), List.of(), null, "08:00-16:00", true, List.of(
                        contact("DUTY_OFFICER", "budi@dinsos.test"), contact("DUTY_OFFICER", "sari@dinsos.test"),
                        contact("OFFICER", "ani@dinsos.test"), contact("SUPERVISOR", "kabid@dinsos.test"),
                        contact("HEAD", "kadis@dinsos.test")),
                new Roster(SHIFTS, covers));
    }

    private static AgencyPublished.Contact contact(String role, String email) {
        return new AgencyPublished.Contact(role, null, email, "+6281200000000", "id", null);
    }
}
