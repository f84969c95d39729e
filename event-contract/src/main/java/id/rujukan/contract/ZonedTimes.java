package id.rujukan.contract;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * A moment as a person in Indonesia reads it: in their zone, named as Indonesians name the zones (WIB, WITA,
 * WIT), with the day of the week where it matters. The one way the officers' pages and the alerts write a time.
 */
public final class ZonedTimes {

    /** Indonesia's three zones by the tz names the directory uses; another zone is shown by its id. */
    private static final Map<String, String> ZONE_NAMES = Map.of("Asia/Jakarta", "WIB", "Asia/Pontianak", "WIB",
            "Asia/Makassar", "WITA", "Asia/Jayapura", "WIT");

    private ZonedTimes() {
    }

    /** "5 Des 2026 18.00 WITA"; in English "5 Dec 2026 18:00 WITA". */
    public static String at(Instant instant, ZoneId zone, Locale locale) {
        return format(instant, zone, locale, "d MMM yyyy");
    }

    /** "Sabtu 5 Des 2026 18.00 WITA": for a time someone must plan for, such as a shift nobody holds. */
    public static String withDay(Instant instant, ZoneId zone, Locale locale) {
        return format(instant, zone, locale, "EEEE d MMM yyyy");
    }

    /** "Kam 10 Des 08.00", without the zone: for an SMS, which names the zone once. */
    public static String brief(Instant instant, ZoneId zone, Locale locale) {
        String pattern = "id".equals(locale.getLanguage()) ? "EEE d MMM HH.mm" : "EEE d MMM HH:mm";
        return DateTimeFormatter.ofPattern(pattern, locale).format(instant.atZone(zone));
    }

    /** WIB, WITA or WIT; another zone by its id. */
    public static String zoneName(ZoneId zone) {
        return ZONE_NAMES.getOrDefault(zone.getId(), zone.getId());
    }

    private static String format(Instant instant, ZoneId zone, Locale locale, String date) {
        // Indonesian writes 14.05, English 14:05
        String time = "id".equals(locale.getLanguage()) ? " HH.mm" : " HH:mm";
        return DateTimeFormatter.ofPattern(date + time, locale).format(instant.atZone(zone)) + " " + zoneName(zone);
    }
}
