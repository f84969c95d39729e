package id.rujukan.notification.template;

import id.rujukan.contract.ZonedTimes;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The hours of a gap in an agency's roster as the recipient reads them, in their zone and language.
 *
 * @param role the first of the roles nobody holds, which names the level ({@code OFFICER}, {@code SUPERVISOR},
 *        {@code HEAD})
 * @param from "Kamis 10 Des 2026 08.00 WITA", for an email
 * @param fromBrief "Kam 10 Des 08.00", for an SMS, with {@code zone} once after the hours
 */
public record GapHours(String role, String from, String until, String fromBrief, String untilBrief, String zone) {

    public static GapHours of(List<String> roles, Instant from, Instant until, ZoneId zone, Locale locale) {
        return new GapHours(roles.get(0), ZonedTimes.withDay(from, zone, locale),
                ZonedTimes.withDay(until, zone, locale), ZonedTimes.brief(from, zone, locale),
                ZonedTimes.brief(until, zone, locale), ZonedTimes.zoneName(zone));
    }
}
