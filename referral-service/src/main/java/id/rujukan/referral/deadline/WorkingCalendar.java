package id.rujukan.referral.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;

/** Indonesian working days: Monday to Friday, except the public holidays of the holidays file. */
@ApplicationScoped
public class WorkingCalendar {

    private final Set<LocalDate> holidays = new HashSet<>();

    public WorkingCalendar(DeadlineConfig config, ObjectMapper json) {
        String file = config.holidaysFile();
        Path path = Path.of(file);
        try (InputStream in = Files.exists(path) ? Files.newInputStream(path)
                : Thread.currentThread().getContextClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("Holidays file not found as a file or on the classpath: " + file);
            }
            for (JsonNode holiday : json.readTree(in).path("holidays")) {
                holidays.add(LocalDate.parse(holiday.path("date").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable holidays file " + file, e);
        }
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
