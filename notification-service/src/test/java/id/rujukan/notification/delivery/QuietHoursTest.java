package id.rujukan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import id.rujukan.contract.Urgency;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Quiet hours as the service is configured (22:00-06:00), at their edges, in each of Indonesia's three zones. */
class QuietHoursTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private final QuietHours quiet = new QuietHours(LocalTime.of(22, 0), LocalTime.of(6, 0));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"})
    void aRoutineSmsWaitsFrom2200Until0600InTheRecipientsZoneAndNotAMinuteLonger(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        Instant nextMorning = DAY.plusDays(1).atTime(6, 0).atZone(zone).toInstant();

        assertThat(quiet.deferUntil(Urgency.HIGH, at(DAY, 21, 59, zone), zone)).isEmpty();
        assertThat(quiet.deferUntil(Urgency.HIGH, at(DAY, 22, 0, zone), zone)).contains(nextMorning);
        assertThat(quiet.deferUntil(Urgency.LOW, at(DAY.plusDays(1), 0, 0, zone), zone)).contains(nextMorning);
        assertThat(quiet.deferUntil(Urgency.NORMAL, at(DAY.plusDays(1), 5, 59, zone), zone)).contains(nextMorning);
        assertThat(quiet.deferUntil(Urgency.NORMAL, at(DAY.plusDays(1), 6, 0, zone), zone)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"})
    void anEmergencyNeverWaits(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);

        assertThat(quiet.deferUntil(Urgency.EMERGENCY, at(DAY, 23, 30, zone), zone)).isEmpty();
        assertThat(quiet.deferUntil(Urgency.EMERGENCY, at(DAY.plusDays(1), 3, 0, zone), zone)).isEmpty();
    }

    @Test
    void oneInstantIsQuietInPapuaWhileJakartaIsStillAwake() {
        ZoneId wib = ZoneId.of("Asia/Jakarta");
        ZoneId wit = ZoneId.of("Asia/Jayapura");
        Instant evening = at(DAY, 20, 30, wib); // 22:30 WIT

        assertThat(quiet.deferUntil(Urgency.HIGH, evening, wib)).isEmpty();
        // until 06:00 WIT, which is 04:00 WIB
        assertThat(quiet.deferUntil(Urgency.HIGH, evening, wit)).contains(at(DAY.plusDays(1), 4, 0, wib));
    }

    private static Instant at(LocalDate day, int hour, int minute, ZoneId zone) {
        return day.atTime(hour, minute).atZone(zone).toInstant();
    }
}
