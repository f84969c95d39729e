package id.rujukan.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * referral-service refused an action: not legal in the referral's current state, or not the acting
 * agency's to take. The timeline shows it; nothing else changed.
 */
public record ReferralActionRefused(
        @NotBlank String actionId,
        @NotBlank String referralId,
        @NotNull ReferralAction action,
        @NotBlank String agencyId,
        @NotBlank String currentState,
        @NotBlank String reason,
        @NotNull Instant at) {
}
