package id.rujukan.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * An agency acted on a referral at the gateway. referral-service applies it if it is legal in the
 * referral's current state and the agency may do it, and otherwise records the refusal.
 *
 * @param actionId unique per action; a retried action is applied once
 * @param agencyId the acting agency
 * @param actor the client or user who acted (an id, never a name)
 * @param reasonCode for a decline, e.g. {@code NO_CAPACITY}
 * @param outcomeCode for a completion, e.g. {@code PLACED_WITH_FAMILY}
 * @param milestone for a progress report, e.g. {@code LITMAS_SUBMITTED}; stops a legal clock
 * @param note free text, sealed with the case key like the child's data, or {@code null}
 */
public record ReferralActionRequested(
        @NotBlank @Pattern(regexp = ReferralSubmitted.UUID) String actionId,
        @NotBlank @Pattern(regexp = ReferralSubmitted.UUID) String referralId,
        @NotNull ReferralAction action,
        @NotBlank String agencyId,
        @NotBlank String actor,
        @Size(max = 64) String reasonCode,
        @Size(max = 64) String outcomeCode,
        @Size(max = 64) String milestone,
        @Valid SealedData note,
        @NotNull Instant requestedAt) {
}
