package id.rujukan.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;

/**
 * A referral changed: its state, its target, or it gained a note. Every party's view follows these.
 * The types {@code routed} and {@code routing-failed} carry it too, for routing decisions.
 *
 * @param version the referral's version after this change; readers ignore anything not newer
 * @param previousTargetAgencyId the agency that was the target before a re-routing, or {@code null}
 * @param caseOwnerAgencyId the agency responsible for the case after this change
 * @param action the action that caused it, or {@code null} for the service's own decisions
 * @param actorAgencyId the acting agency, or {@code system}
 * @param actor the acting client or user id, or {@code system}
 * @param rule for a routing decision, the rule that decided
 * @param reason the change in words, without personal data, as the timeline shows it
 * @param note the sealed free-text note of the action, or {@code null}
 * @param allowedActions what each party may do now, by referral-service's lifecycle rules ({@code null}
 *        in events written before it was published)
 * @param receiveDueAt when the target must have acknowledged the referral, or {@code null} when that clock does
 *        not run; officers' inboxes sort by it
 * @param acceptDueAt when the target must have accepted or declined it, or {@code null} when that clock does not
 *        run
 * @param officerInCharge the target's officer in charge of an accepted referral (a user id), or {@code null}
 * @param progressDueAt when the target must next record progress on an accepted referral, or {@code null} when
 *        that clock does not run
 */
public record ReferralStateChanged(
        @NotBlank String referralId,
        long version,
        @NotNull ReferralKind kind,
        @NotBlank String caseId,
        @NotBlank String referringAgencyId,
        String targetAgencyId,
        String previousTargetAgencyId,
        @NotBlank String caseOwnerAgencyId,
        @NotNull CaseCategory category,
        @NotNull Urgency urgency,
        String fromState,
        @NotBlank String state,
        ReferralAction action,
        @NotBlank String actorAgencyId,
        @NotBlank String actor,
        String reasonCode,
        String rule,
        @NotBlank String reason,
        @Valid SealedData note,
        @NotNull Instant submittedAt,
        @NotNull Instant at,
        List<@Valid AllowedAction> allowedActions,
        Instant receiveDueAt,
        Instant acceptDueAt,
        String officerInCharge,
        Instant progressDueAt) {
}
