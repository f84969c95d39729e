package id.rujukan.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * A case's data key, granted to a party agency of one of its referrals by the agency whose gateway sealed the
 * referral's data: what lets the party's own gateway open the child's data, where no shared service can. The
 * referrer's gateway publishes it on its intake topic, signed in the referrer's name, when routing names a target
 * it does not act for (a declined target's successor gets its own); referral-service checks that the grantee is a
 * target of the referral, now or before, and passes the event on, as it is, to the grantee's lifecycle topic. It
 * cannot open it: the key is sealed ({@link KeyGrants}) for the grantee's grant key, one of
 * {@link AgencyPublished#grantKeys()}.
 *
 * @param referralId the referral that makes the grantee a party
 * @param caseId the case whose data key this is ({@link SealedData#keyId()} of the case's data)
 * @param granterAgencyId the agency that grants it, the referral's referrer, whose name the event is signed in
 * @param granteeAgencyId the agency it is for
 * @param grantKeyId which of the grantee's grant keys it is sealed for
 * @param encapsulatedKey base64 of the HPKE encapsulated key (RFC 9180 {@code enc})
 * @param sealedKey base64 of the data key, sealed by HPKE
 * @param details the referral's personal data as the referrer's gateway sealed it with that key: the grantee's
 *        gateway has no other copy
 * @param at when it was granted
 */
public record CaseKeyGranted(
        @NotBlank String referralId,
        @NotBlank String caseId,
        @NotBlank String granterAgencyId,
        @NotBlank String granteeAgencyId,
        @NotBlank String grantKeyId,
        @NotBlank String encapsulatedKey,
        @NotBlank String sealedKey,
        @NotNull @Valid SealedData details,
        @NotNull Instant at) {
}
