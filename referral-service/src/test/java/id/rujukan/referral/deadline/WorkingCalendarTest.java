package id.rujukan.referral.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** How far ahead the service's own holidays file (calendar/holidays-id.json) holds the public holidays. */
class WorkingCalendarTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @Test
    void theFileHoldsThisYearAndTheNextUntilTheNextYearBegins() {
        assertThat(calendarAt(LocalDateTime.of(2026, 11, 29, 9, 0)).yearsAhead()).isEqualTo(1);
        assertThat(calendarAt(LocalDateTime.of(2027, 1, 1, 0, 0)).yearsAhead()).isZero();
        assertThat(calendarAt(LocalDateTime.of(2027, 12, 31, 23, 59)).yearsAhead()).isZero();
    }

    @Test
    void aYearTheFileDoesNotHoldIsSaidAsSoonAsItBeginsInJakarta() {
        // 1 January 2028 00:30 WIB is still 31 December in UTC
        assertThat(calendarAt(LocalDateTime.of(2028, 1, 1, 0, 30)).yearsAhead()).isEqualTo(-1);
    }

    @Test
    void aHolidayOfTheFileIsNoWorkingDayAndAWeekdayWithoutOneIs() {
        WorkingCalendar calendar = calendarAt(LocalDateTime.of(2026, 11, 29, 9, 0));

        assertThat(calendar.isWorkingDay(LocalDateTime.of(2026, 12, 25, 0, 0).toLocalDate())).isFalse();
        assertThat(calendar.isWorkingDay(LocalDateTime.of(2026, 12, 23, 0, 0).toLocalDate())).isTrue();
        assertThat(calendar.isWorkingDay(LocalDateTime.of(2026, 12, 26, 0, 0).toLocalDate())).isFalse();
    }

    private static WorkingCalendar calendarAt(LocalDateTime wib) {
        return new WorkingCalendar("calendar/holidays-id.json", new ObjectMapper(),
                Clock.fixed(wib.atZone(WIB).toInstant(), ZoneOffset.UTC));
    }
}
