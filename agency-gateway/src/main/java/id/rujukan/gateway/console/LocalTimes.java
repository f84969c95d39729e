package id.rujukan.gateway.console;

import id.rujukan.contract.ZonedTimes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Times as an officer reads them: in the zone of the officer's own agency (an officer in Jayapura reads WIT,
 * whoever sent the referral), named as Indonesians name the zones, and deadlines as time left or time late.
 */
final class LocalTimes {

    private LocalTimes() {
    }

    static String at(Instant instant, ZoneId zone, Locale locale) {
        if (instant == null) {
            return "–";
        }
        return ZonedTimes.at(instant, zone, locale);
    }

    /** "2 jam 5 menit", "3 hari": to the minute under two days. */
    static String span(Duration span, Words words) {
        Duration abs = span.abs();
        return abs.toDays() >= 2 ? words.days(abs.toDays()) : words.duration(abs.toHours(), abs.toMinutesPart());
    }

    /** "2 jam 5 menit lagi", "terlambat 3 jam 0 menit", "4 hari lagi": to the minute under two days. */
    static String left(Instant due, Instant now, Words words) {
        Duration left = Duration.between(now, due);
        boolean late = left.isNegative();
        Duration span = left.abs();
        if (span.toDays() >= 2) {
            return late ? words.lateDays(span.toDays()) : words.dueInDays(span.toDays());
        }
        return late ? words.late(span.toHours(), span.toMinutesPart())
                : words.dueIn(span.toHours(), span.toMinutesPart());
    }
}
