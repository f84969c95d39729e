package id.rujukan.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * referral-service chose the agency a referral goes to, and why; or, for {@code routing-failed}, found
 * none ({@code targetAgencyId} is then {@code null} and the state {@code FAILED}).
 *
 * @param version the referral's version after this change; readers ignore anything not newer than
 *        what they hold
 * @param rule the routing rule that decided
 * @param reason the decision in words, as the timeline shows it
 */
public record ReferralRouted(
        @NotBlank String referralId,
        long version,
        @NotBlank String referringAgencyId,
        String targetAgencyId,
        @NotNull CaseCategory category,
        @NotNull Urgency urgency,
        @NotBlank String state,
        @NotBlank String rule,
        @NotBlank String reason,
        @NotNull Instant submittedAt,
        @NotNull Instant routedAt) {
}
