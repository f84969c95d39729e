package id.rujukan.gateway.grant;

import id.rujukan.contract.KeyGrants;
import id.rujukan.messaging.signing.SigningConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;

/**
 * The private grant keys of the agencies this gateway acts for, beside their signing keys in
 * {@code rujukan.signing.key-dir}: {@code <agencyId>.<keyName>.grant.pem} (X25519, PKCS #8), key id
 * {@code <agencyId>.<keyName>}, whose public half the agency publishes in the directory
 * ({@link id.rujukan.contract.AgencyPublished#grantKeys()}). Retired keys stay, so a grant sealed for one before the
 * rotation still opens.
 */
// read at start: a key file that is not a key stops the service from starting, not its first event
@Startup
@ApplicationScoped
public class GrantKeys {

    private static final Pattern FILE = Pattern.compile("([a-z0-9-]+)\\.([A-Za-z0-9_-]+)\\.grant\\.pem");

    private record Held(String agencyId, AsymmetricCipherKeyPair key) {
    }

    private final Map<String, Held> byKeyId = new TreeMap<>();

    public GrantKeys(SigningConfig config) {
        try (Stream<Path> files = Files.list(config.keyDir())) {
            for (Path file : files.sorted().toList()) {
                Matcher name = FILE.matcher(file.getFileName().toString());
                if (name.matches()) {
                    byKeyId.put(name.group(1) + "." + name.group(2),
                            new Held(name.group(1), KeyGrants.privateKey(Files.readString(file))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The grant keys could not be read from " + config.keyDir(), e);
        }
        Log.infof("Opening case keys granted with %d grant keys from %s", byKeyId.size(), config.keyDir());
    }

    /** The agency's grant key of this id, if this gateway holds it. */
    public Optional<AsymmetricCipherKeyPair> of(String agencyId, String keyId) {
        return Optional.ofNullable(byKeyId.get(keyId)).filter(held -> held.agencyId().equals(agencyId))
                .map(Held::key);
    }
}
