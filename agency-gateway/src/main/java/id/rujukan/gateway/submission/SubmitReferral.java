package id.rujukan.gateway.submission;

import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.ServiceNeeded;
import id.rujukan.contract.Sex;
import id.rujukan.contract.Urgency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The body of {@code POST /api/v1/referrals}.
 *
 * @param targetAgencyId the agency to refer to; leave out to let routing choose
 * @param serviceNeeded what the child needs from the receiving agency
 * @param child the child's personal data: sealed before it leaves the gateway
 * @param childRegion where the child is; routing uses it
 * @param summary what happened and what is asked, free text: sealed like the child's data
 */
public record SubmitReferral(
        @NotBlank @KnownAgency String referringAgencyId,
        @KnownAgency String targetAgencyId,
        ServiceNeeded serviceNeeded,
        @NotNull CaseCategory category,
        @NotNull Urgency urgency,
        @NotNull @Valid Child child,
        @NotNull @Valid ChildRegion childRegion,
        @NotNull @Valid Consent consent,
        @NotBlank @Size(max = 8000) String summary) {

    /**
     * @param nik the 16-digit national identity number, if the child has one
     * @param birthDate if known; events carry only the age band derived from it
     */
    public record Child(
            @NotBlank @Size(max = 200) String name,
            @Pattern(regexp = "\\d{16}", message = "must be 16 digits") String nik,
            @PastOrPresent LocalDate birthDate,
            @NotNull Sex sex,
            @Size(max = 500) String address,
            @Size(max = 2000) String familyDetails) {
    }

    /** Kemendagri codes: province {@code 16}, kabupaten/kota {@code 16.08}. */
    public record ChildRegion(
            @NotBlank @Pattern(regexp = "\\d{2}", message = "must be a 2-digit province code") String provinceCode,
            @Pattern(regexp = "\\d{2}\\.\\d{2}", message = "must be a kabupaten/kota code like 16.08") String regencyCode) {
    }

    /**
     * @param given the referral may only be made with consent (or a legal basis the note states)
     * @param givenBy who consented: the child, a parent, a guardian, a court, ...
     */
    public record Consent(
            @NotNull @AssertTrue(message = "consent must be given to refer a child") Boolean given,
            @NotBlank @Size(max = 100) String givenBy,
            @Size(max = 1000) String note) {
    }
}
