package id.rujukan.infra.testing;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.EventSignatures;
import id.rujukan.contract.EventSigner;
import id.rujukan.contract.KeyGrants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import java.util.stream.Collectors;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;

/**
 * The dev-only signing keys of the demo agencies and of the services ({@code dev-keys/} at the root of the
 * repository), for tests that put on a topic what a gateway or a service would, signed as it signs, and for the
 * local stack.
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

    /** @param owner an agency id, or a service's name */
    public static String keyId(String owner) {
        return owner + "." + KEY_NAME;
    }

    public static PrivateKey of(String owner) {
        try {
            return EventSignatures.privateKey(Files.readString(dir().resolve(keyId(owner) + ".pem")));
        } catch (IOException e) {
            throw new UncheckedIOException("No dev key of " + owner, e);
        }
    }

    /** The owner's dev public key, as the directory or the services' setting hold it ({@code public-keys.txt}). */
    public static String publicKey(String owner) {
        try {
            return Files.readAllLines(dir().resolve("public-keys.txt")).stream().map(line -> line.split(" "))
                    .filter(fields -> fields[0].equals(owner)).map(fields -> fields[2]).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No dev public key of " + owner));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The agency's dev grant key ({@code <agency>.dev-1.grant.pem}), with its public half. */
    public static AsymmetricCipherKeyPair grantKey(String agencyId) {
        try {
            return KeyGrants.privateKey(Files.readString(dir().resolve(keyId(agencyId) + ".grant.pem")));
        } catch (IOException e) {
            throw new UncheckedIOException("No dev grant key of " + agencyId, e);
        }
    }

    /** The agency's dev grant key as the directory holds it ({@code grant-keys.txt}). */
    public static AgencyPublished.GrantKey grantPublicKey(String agencyId) {
        try {
            return Files.readAllLines(dir().resolve("grant-keys.txt")).stream().map(line -> line.split(" "))
                    .filter(fields -> fields[0].equals(agencyId))
                    .map(fields -> new AgencyPublished.GrantKey(fields[1], fields[2], null)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No dev grant key of " + agencyId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The agencies with a dev key: the demo directory's, and those only tests make. */
    public static List<String> agencies() {
        List<String> services = EventSigner.services();
        try {
            return Files.readAllLines(dir().resolve("public-keys.txt")).stream().filter(line -> !line.isBlank())
                    .map(line -> line.split(" ")[0]).filter(owner -> !services.contains(owner)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The services' dev public keys as {@code rujukan.signing.service-keys} takes them. */
    public static String serviceKeys() {
        return EventSigner.services().stream().map(service -> keyId(service) + ":" + publicKey(service))
                .collect(Collectors.joining(","));
    }
}
