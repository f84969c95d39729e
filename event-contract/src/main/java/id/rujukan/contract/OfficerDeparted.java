package id.rujukan.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/**
 * An agency's admin recorded at the gateway that an officer left the agency or was disabled: the gateway refuses
 * the officer's requests from then on, and referral-service takes the officer off every referral they were in
 * charge of, asking the agency's supervisor to name another.
 *
 * @param officer the officer's user id (a user name, never a name)
 * @param departedBy the admin who recorded it
 */
public record OfficerDeparted(@NotBlank String agencyId,
        @NotBlank @Pattern(regexp = ReferralActionRequested.USER_ID) String officer, @NotBlank String departedBy,
        @NotNull Instant departedAt) {
}
