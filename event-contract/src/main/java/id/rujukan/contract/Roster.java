package id.rujukan.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;

/**
 * Who is on duty at an agency, for which role, on which days and hours (in the agency's zone), and who covers
 * whom on leave or in a swap. {@link DutyRoster} reads it; an agency without shifts for a role has its contacts
 * of that role always on duty, as before rosters.
 *
 * @param shifts the weekly pattern, in order: where two shifts of a role overlap, the first one's person is on duty
 * @param covers exceptions to the pattern, such as leave and swaps
 */
public record Roster(@NotNull List<@Valid Shift> shifts, @NotNull List<@Valid Cover> covers) {

    public static final Roster NONE = new Roster(List.of(), List.of());

    /**
     * A person on duty in a role on the given days from {@code start} to {@code end}, in the agency's zone. A shift
     * whose end is not after its start runs past midnight into the next day (16:00-08:00 is the night after each of
     * its days); {@code 00:00-00:00} is the whole day.
     *
     * @param role {@code DUTY_OFFICER}, {@code OFFICER}, {@code SUPERVISOR} or {@code HEAD}
     * @param person the email of one of the agency's contacts
     */
    public record Shift(@NotBlank String role, @NotBlank String person, @NotEmpty List<@NotNull DayOfWeek> days,
            @NotBlank @Pattern(regexp = HOUR) String start, @NotBlank @Pattern(regexp = HOUR) String end) {
    }

    /**
     * From {@code from} until {@code until}, wherever the roster puts {@code person}, {@code cover} is on duty
     * instead; no cover leaves those hours with nobody on duty (a gap, reported as such).
     *
     * @param person the email of the contact who is away
     * @param cover the email of the contact who covers, or {@code null}
     * @param reason {@code LEAVE}, {@code SWAP}, {@code SICK} or {@code TRAINING}, for the people reading the roster
     */
    public record Cover(@NotBlank String person, @NotNull Instant from, @NotNull Instant until, String cover,
            @Pattern(regexp = "LEAVE|SWAP|SICK|TRAINING") String reason) {
    }

    /** {@code HH:mm} on a 24-hour clock. */
    public static final String HOUR = "([01][0-9]|2[0-3]):[0-5][0-9]";
}
