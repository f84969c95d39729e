package id.rujukan.referral.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Indonesian working days: Monday to Friday, except the public holidays of the holidays file. The holidays are
 * decreed year by year (SKB 3 Menteri), so the file must be extended before each new year: a year it does not cover
 * counts only weekends, and a deadline of working days there falls due before a holiday it should skip. That is the
 * safe side for a child (an alert too early, never too late), so the service still starts, but it says so at start
 * and in {@code rujukan_working_calendar_years_ahead}, which the operators' alert reads.
 */
@ApplicationScoped
public class WorkingCalendar {

    /** Years are turned over in WIB, where most agencies are. */
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private final Set<LocalDate> holidays = new HashSet<>();
    private final SortedSet<Integer> years = new TreeSet<>();
    private final Clock clock;

    @Inject
    public WorkingCalendar(DeadlineConfig config, ObjectMapper json, Clock clock, MeterRegistry registry) {
        this(config.holidaysFile(), json, clock);
        Gauge.builder("rujukan.working.calendar.years.ahead", this, calendar -> calendar.yearsAhead())
                .description("Years after the current one whose public holidays the working calendar holds; "
                        + "-1 when it does not hold the current year").register(registry);
        if (yearsAhead() < 1) {
            Log.warnf("The working calendar (%s) holds the public holidays of %s only: add the coming year's, "
                    + "or working-day deadlines there will not skip them", config.holidaysFile(), years);
        }
    }

    WorkingCalendar(String file, ObjectMapper json, Clock clock) {
        this.clock = clock;
        Path path = Path.of(file);
        try (InputStream in = Files.exists(path) ? Files.newInputStream(path)
                : Thread.currentThread().getContextClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("Holidays file not found as a file or on the classpath: " + file);
            }
            for (JsonNode holiday : json.readTree(in).path("holidays")) {
                LocalDate date = LocalDate.parse(holiday.path("date").asText());
                holidays.add(date);
                years.add(date.getYear());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable holidays file " + file, e);
        }
    }

    /**
     * How many years after the current one (in WIB) the calendar holds in a row: 1 while it holds this year and the
     * next, 0 in a year whose successor is missing, -1 once it does not hold the current year.
     */
    public int yearsAhead() {
        int year = LocalDate.ofInstant(clock.instant(), WIB).getYear();
        if (!years.contains(year)) {
            return -1;
        }
        int ahead = 0;
        while (years.contains(year + ahead + 1)) {
            ahead++;
        }
        return ahead;
    }

    public boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(date);
    }

    /** The same local time, {@code days} working days later: Friday 10:00 plus one is Monday 10:00. */
    public ZonedDateTime plusWorkingDays(ZonedDateTime start, long days) {
        ZonedDateTime at = start;
        long counted = 0;
        while (counted < days) {
            at = at.plusDays(1);
            if (isWorkingDay(at.toLocalDate())) {
                counted++;
            }
        }
        return at;
    }
}
