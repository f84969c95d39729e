package id.rujukan.infra.testing;

import id.rujukan.contract.EventSignatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;

/**
 * The demo agencies' dev-only signing keys ({@code dev-keys/} at the root of the repository), for tests that put
 * on a topic what an agency's gateway would: signed by the agency, as the gateway signs.
 */
public final class DevKeys {

    /** The name of every demo agency's one key. */
    public static final String KEY_NAME = "dev-1";

    private DevKeys() {
    }

    /** The directory of the keys: found from the working directory (a module's, or the root's) upwards. */
    public static Path dir() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.isDirectory(at.resolve("dev-keys"))) {
                return at.resolve("dev-keys");
            }
        }
        throw new IllegalStateException("No dev-keys directory above " + Path.of("").toAbsolutePath());
    }

    public static String keyId(String agencyId) {
        return agencyId + "." + KEY_NAME;
    }

    public static PrivateKey of(String agencyId) {
        try {
            return EventSignatures.privateKey(Files.readString(dir().resolve(keyId(agencyId) + ".pem")));
        } catch (IOException e) {
            throw new UncheckedIOException("No dev key for agency " + agencyId, e);
        }
    }

    /** The agency's dev public key as the directory publishes it ({@code public-keys.txt}). */
    public static String publicKey(String agencyId) {
        try {
            return Files.readAllLines(dir().resolve("public-keys.txt")).stream().map(line -> line.split(" "))
                    .filter(fields -> fields[0].equals(agencyId)).map(fields -> fields[2]).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No dev public key for agency " + agencyId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
