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
 * @param onBehalfOf the officer a supervisor or head acted for (a user id), or {@code null} when the actor acted
 *        for themself; the timeline names both
 * @param officerInCharge for an acceptance, the officer who will be in charge of the referral (a user id): by
 *        default the one it was accepted by or for; progress reminders go to them
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
        @NotNull Instant requestedAt,
        @Size(max = 128) @Pattern(regexp = ReferralActionRequested.USER_ID) String onBehalfOf,
        @Size(max = 128) @Pattern(regexp = ReferralActionRequested.USER_ID) String officerInCharge) {

    /** A user id as Keycloak's user names allow: letters, digits and {@code . _ - @}. */
    public static final String USER_ID = "[A-Za-z0-9._@-]+";

    /** An action taken by the actor for themself, as most are. */
    public ReferralActionRequested(String actionId, String referralId, ReferralAction action, String agencyId,
            String actor, String reasonCode, String outcomeCode, String milestone, SealedData note,
            Instant requestedAt) {
        this(actionId, referralId, action, agencyId, actor, reasonCode, outcomeCode, milestone, note, requestedAt,
                null, null);
    }
}
