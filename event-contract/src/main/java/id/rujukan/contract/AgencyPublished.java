package id.rujukan.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
 * @param grantKeys the public keys cases' data keys are granted to the agency with ({@link CaseKeyGranted}); the
 *        one not retired is used for new grants; {@code null} or empty for an agency that has none yet, which is then
 *        granted nothing (its gateway cannot open a child's data another gateway sealed)
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
        List<@Valid SigningKey> signingKeys,
        List<@Valid GrantKey> grantKeys) {

    /** An agency with signing keys and no grant keys. */
    public AgencyPublished(String agencyId, String name, AgencyType type, Region region, String timeZone,
            List<ServiceNeeded> services, Integer capacity, String workingHours, boolean countsWorkingDays,
            List<Contact> contacts, Roster roster, List<SigningKey> signingKeys) {
        this(agencyId, name, type, region, timeZone, services, capacity, workingHours, countsWorkingDays, contacts,
                roster, signingKeys, null);
    }

    /** An agency without signing keys. */
    public AgencyPublished(String agencyId, String name, AgencyType type, Region region, String timeZone,
            List<ServiceNeeded> services, Integer capacity, String workingHours, boolean countsWorkingDays,
            List<Contact> contacts, Roster roster) {
        this(agencyId, name, type, region, timeZone, services, capacity, workingHours, countsWorkingDays, contacts,
                roster, null, null);
    }

    /** An agency without a roster: every contact is on duty for their role. */
    public AgencyPublished(String agencyId, String name, AgencyType type, Region region, String timeZone,
            List<ServiceNeeded> services, Integer capacity, String workingHours, boolean countsWorkingDays,
            List<Contact> contacts) {
        this(agencyId, name, type, region, timeZone, services, capacity, workingHours, countsWorkingDays, contacts,
                null, null, null);
    }

    /** The same agency with another roster, everything else kept. */
    public AgencyPublished withRoster(Roster changed) {
        return new AgencyPublished(agencyId, name, type, region, timeZone, services, capacity, workingHours,
                countsWorkingDays, contacts, changed, signingKeys, grantKeys);
    }

    /** The same agency with other signing keys, everything else kept. */
    public AgencyPublished withSigningKeys(List<SigningKey> keys) {
        return new AgencyPublished(agencyId, name, type, region, timeZone, services, capacity, workingHours,
                countsWorkingDays, contacts, roster, keys, grantKeys);
    }

    /** The same agency with other grant keys, everything else kept. */
    public AgencyPublished withGrantKeys(List<GrantKey> keys) {
        return new AgencyPublished(agencyId, name, type, region, timeZone, services, capacity, workingHours,
                countsWorkingDays, contacts, roster, signingKeys, keys);
    }

    /** The grant key new grants to the agency are sealed for: the last one listed that is not retired. */
    public Optional<GrantKey> currentGrantKey() {
        if (grantKeys == null) {
            return Optional.empty();
        }
        return grantKeys.stream().filter(key -> key.retiredAt() == null).reduce((first, second) -> second);
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
     * A public key cases' data keys are granted to the agency with ({@link KeyGrants}).
     *
     * @param keyId how grants name it ({@link CaseKeyGranted#grantKeyId()}); unique across the directory
     * @param publicKey the X25519 key, X.509 SubjectPublicKeyInfo in base64
     * @param retiredAt from when no new grant is sealed for it; {@code null} while in use
     */
    public record GrantKey(@NotBlank String keyId, @NotBlank String publicKey, Instant retiredAt) {
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
