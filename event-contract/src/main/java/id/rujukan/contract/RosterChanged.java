package id.rujukan.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * An agency's admin replaced its duty roster at the gateway. referral-service keeps it in the directory and
 * publishes the agency again, so every service's copy follows.
 *
 * @param changedBy the admin who changed it (a user id, never a name)
 */
public record RosterChanged(@NotBlank String agencyId, @NotNull @Valid Roster roster, @NotBlank String changedBy,
        @NotNull Instant changedAt) {
}
