package id.rujukan.gateway.protection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Keys that protect children's data. */
@ConfigMapping(prefix = "rujukan.protection")
public interface ProtectionConfig {

    /**
     * The master key (base64 of 32 random bytes) that wraps every case's data key. Comes from a Secret in
     * production; losing it makes all sealed data unreadable.
     */
    @Pattern(regexp = "[A-Za-z0-9+/]{43}=", message = "must be base64 of 32 bytes")
    String masterKey();

    /**
     * Master keys used before the current one (base64, comma-separated), kept after a rotation until every case's
     * data key has been re-wrapped with the current key ({@code rujukan_case_keys_to_rewrap} at 0); then removed.
     */
    Optional<List<String>> previousMasterKeys();

    /** How often case keys still wrapped with a previous master key are looked for and re-wrapped. */
    @WithDefault("1m")
    Duration rotationEvery();
}
