package id.rujukan.gateway.protection;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Pattern;

/** Keys that protect children's data. */
@ConfigMapping(prefix = "rujukan.protection")
public interface ProtectionConfig {

    /**
     * The master key (base64 of 32 random bytes) that wraps every case's data key. Comes from a Secret in
     * production; losing it makes all sealed data unreadable.
     */
    @Pattern(regexp = "[A-Za-z0-9+/]{43}=", message = "must be base64 of 32 bytes")
    String masterKey();
}
