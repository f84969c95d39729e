package id.rujukan.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * A party agency's gateway confirms that it holds no key of an erased case any more ({@link CaseErased}), and will
 * take none (a grant still on its way is refused). Published on the party's intake topic, signed in its name;
 * referral-service passes it on, unchanged, to the case's other parties, so each sees the confirmation in the
 * timeline of its referrals of the case.
 *
 * @param caseId the case
 * @param agencyId the party agency whose gateway destroyed its key
 * @param erasureId the id of the {@link CaseErased} event it answers
 * @param at when the key was destroyed
 */
public record CaseKeyDestroyed(@NotBlank String caseId, @NotBlank String agencyId, @NotBlank String erasureId,
        @NotNull Instant at) {
}
