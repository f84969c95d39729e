package id.rujukan.gateway.protection;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys that wrap cases' data keys: the current one wraps every key made or re-wrapped from now on; the
 * previous ones (after a rotation) still open the keys they wrapped until {@link KeyRotation} has re-wrapped them
 * all. Each is known by an id, a fingerprint that names it without giving it away, kept beside every wrapped key.
 */
@ApplicationScoped
public class MasterKeys {

    /** A master key and its id. */
    public record MasterKey(String id, SecretKey key) {
    }

    private final MasterKey current;
    private final List<MasterKey> previous = new ArrayList<>();

    public MasterKeys(ProtectionConfig config) {
        this.current = of(config.masterKey());
        for (String key : config.previousMasterKeys().orElse(List.of())) {
            if (!key.matches("[A-Za-z0-9+/]{43}=")) {
                throw new IllegalStateException("rujukan.protection.previous-master-keys: each must be base64 of 32 bytes");
            }
            MasterKey old = of(key);
            if (!old.id().equals(current.id())) {
                previous.add(old);
            }
        }
    }

    public MasterKey current() {
        return current;
    }

    /** The configured key of this id, current or previous. */
    public Optional<MasterKey> byId(String id) {
        return all().stream().filter(key -> key.id().equals(id)).findFirst();
    }

    /** Every configured key, the current one first. */
    public List<MasterKey> all() {
        List<MasterKey> all = new ArrayList<>(List.of(current));
        all.addAll(previous);
        return all;
    }

    /** The id of a master key (base64): the first 16 hex digits of a SHA-256 over a fixed label and the key. */
    public static String idOf(String base64Key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("rujukan master key id\n".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha256.digest(Base64.getDecoder().decode(base64Key))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MasterKey of(String base64Key) {
        return new MasterKey(idOf(base64Key), new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"));
    }
}
