package id.rujukan.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.List;

/**
 * The directory record of one agency, as other services keep it. Latest record per agency id wins
 * (the topic is compacted).
 *
 * @param timeZone IANA zone: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)
 * @param capacity places the agency has (e.g. an LKSA's beds), or {@code null} where that does not apply
 * @param workingHours office hours in the agency's zone, e.g. {@code 08:00-16:00}
 * @param countsWorkingDays deadlines of whole days skip weekends and public holidays for this agency
 * @param roster who is on duty when ({@link DutyRoster}), or {@code null} for none: then every contact is on duty
 * @param signingKeys the public keys the agency's events are signed with ({@link EventSignatures}), retired ones
 *        too so that old events still verify; {@code null} or empty for an agency that has none yet
 */
public record AgencyPublished(
        @NotBlank String agencyId,
        @NotBlank String name,
        @NotNull AgencyType type,
        @NotNull @Valid Region region,
        @NotBlank String timeZone,
        @NotNull List<ServiceNeeded> services,
        @PositiveOrZero Integer capacity,
        @Pattern(regexp = "[0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9]") String workingHours,
        boolean countsWorkingDays,
        @NotNull List<@Valid Contact> contacts,
        @Valid Roster roster,
        List<@Valid SigningKey> signingKeys) {

    /** An agency without signing keys. */
    public AgencyPublished(String agencyId, String name, AgencyType type, Region region, String timeZone,
            List<ServiceNeeded> services, Integer capacity, String workingHours, boolean countsWorkingDays,
            List<Contact> contacts, Roster roster) {
        this(agencyId, name, type, region, timeZone, services, capacity, workingHours, countsWorkingDays, contacts,
                roster, null);
    }

    /** An agency without a roster: every contact is on duty for their role. */
    public AgencyPublished(String agencyId, String name, AgencyType type, Region region, String timeZone,
            List<ServiceNeeded> services, Integer capacity, String workingHours, boolean countsWorkingDays,
            List<Contact> contacts) {
        this(agencyId, name, type, region, timeZone, services, capacity, workingHours, countsWorkingDays, contacts,
                null, null);
    }

    /** The same agency with another roster, everything else kept. */
    public AgencyPublished withRoster(Roster changed) {
        return new AgencyPublished(agencyId, name, type, region, timeZone, services, capacity, workingHours,
                countsWorkingDays, contacts, changed, signingKeys);
    }

    /** The same agency with other signing keys, everything else kept. */
    public AgencyPublished withSigningKeys(List<SigningKey> keys) {
        return new AgencyPublished(agencyId, name, type, region, timeZone, services, capacity, workingHours,
                countsWorkingDays, contacts, roster, keys);
    }

    /**
     * A public key of the agency's.
     *
     * @param keyId how events name it ({@link EventSignatures#KEY}); unique across the directory
     * @param publicKey the Ed25519 key, X.509 SubjectPublicKeyInfo in base64
     * @param retiredAt from when it signs nothing new: an event it signed with a later time is refused; {@code null}
     *        while in use
     */
    public record SigningKey(@NotBlank String keyId, @NotBlank String publicKey, Instant retiredAt) {
    }

    /**
     * A person an agency's alerts go to. The role is their place in the escalation chain:
     * {@code OFFICER} or {@code DUTY_OFFICER} first, then {@code SUPERVISOR}, then {@code HEAD};
     * {@code AGENCY_ADMIN} manages the agency's settings.
     *
     * @param language {@code id} (Bahasa Indonesia, the default) or {@code en}
     * @param timeZone the person's own IANA zone where it is not the agency's (quiet hours follow it)
     */
    public record Contact(@NotBlank String role, String name, @NotBlank String email, String phone, String language,
            String timeZone) {
    }
}
