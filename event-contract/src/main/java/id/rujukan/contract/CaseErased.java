package id.rujukan.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * A case's personal data erased at the request of the agency responsible for it: its gateway destroyed the case's
 * key, and tells every other holder to destroy theirs. It publishes this on its intake topic, signed in its name;
 * referral-service checks that the agency is responsible for the case and passes it on, unchanged, to the lifecycle
 * topic of every other party agency of the case's referrals (referrers, targets, former targets). Each party's
 * gateway destroys its key of the case (if it holds one, or is yet to be granted one) and answers with
 * {@link CaseKeyDestroyed}.
 *
 * @param caseId the case
 * @param agencyId the agency responsible for the case, that erased it
 * @param at when it was erased
 */
public record CaseErased(@NotBlank String caseId, @NotBlank String agencyId, @NotNull Instant at) {
}
