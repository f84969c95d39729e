package id.rujukan.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * An agency submitted a referral at the gateway. Carries the routing facts in clear and the child's
 * personal data, the consent details and the summary sealed.
 *
 * @param targetAgencyId the agency the referrer named, or {@code null} to let routing choose
 * @param serviceNeeded what the child needs, or {@code null}
 * @param caseId the case this referral belongs to; a new case takes the referral's id
 */
public record ReferralSubmitted(
        @NotBlank @Pattern(regexp = UUID) String referralId,
        @NotNull ReferralKind kind,
        @NotBlank @Size(max = 64) String caseId,
        @NotBlank String referringAgencyId,
        String targetAgencyId,
        ServiceNeeded serviceNeeded,
        @NotNull CaseCategory category,
        @NotNull Urgency urgency,
        @NotNull @Valid Region childRegion,
        @NotNull AgeBand ageBand,
        @NotNull Sex sex,
        @NotNull @Valid SealedData sealedData,
        @NotNull Instant submittedAt) {

    /** A referral id is a UUID, lower case, as the gateway issues it. */
    public static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
}
