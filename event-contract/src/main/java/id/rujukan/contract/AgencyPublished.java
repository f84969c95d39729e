package id.rujukan.contract;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * The directory record of one agency, as other services keep it. Latest record per agency id wins
 * (the topic is compacted).
 *
 * @param timeZone IANA zone: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)
 */
public record AgencyPublished(
        @NotBlank String agencyId,
        @NotBlank String name,
        @NotNull AgencyType type,
        @NotNull @Valid Region region,
        @NotBlank String timeZone,
        @NotNull List<ServiceNeeded> services,
        @NotNull List<@Valid Contact> contacts) {

    /** A person an agency's alerts go to. {@code role} is e.g. {@code DUTY_OFFICER}. */
    public record Contact(@NotBlank String role, String name, @NotBlank String email, String phone, String language) {
    }
}
