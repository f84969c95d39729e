package id.rujukan.messaging.signing;

import id.rujukan.contract.EventSignatures;
import id.rujukan.contract.EventSigner;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The private keys this service signs events with ({@link SigningConfig#keyDir()}). Each event is signed by the
 * signer its type names ({@link EventSigner}): the agency it speaks for, at a gateway; the service itself, at
 * referral-service and notification-service. Where an owner has several keys (a rotation under way), the last key
 * name in sort order signs, so name keys so that they sort by age ({@code 2026-11}, {@code 2027-05}).
 */
// read at start: a key file that is not a key stops the service from starting, not its first event
@Startup
@ApplicationScoped
public class SigningKeys {

    private static final Pattern FILE = Pattern.compile("([a-z0-9-]+)\\.([A-Za-z0-9_-]+)\\.pem");

    /** A signature and the id of the key that made it. */
    public record Signed(String keyId, String signature) {
    }

    /** An owner's current key and its id. */
    private record Key(String keyId, PrivateKey privateKey) {
    }

    private final Map<String, Key> keys;

    public SigningKeys(SigningConfig config) {
        this.keys = read(config.keyDir());
        Log.infof("Signing events with the keys of %d owners from %s", keys.size(), config.keyDir());
    }

    /** Whether this service holds a key of the owner (an agency id, or a service's name). */
    public boolean holds(String owner) {
        return keys.containsKey(owner);
    }

    /**
     * The signature of an event by the signer its type names.
     *
     * @throws IllegalStateException if this service holds no key of that signer: an event every reader would
     *         refuse is not written
     */
    public Signed sign(String type, String agencyId, byte[] signedBytes) {
        String owner = EventSigner.of(type).keyOwner(agencyId);
        Key key = keys.get(owner);
        if (key == null) {
            throw new IllegalStateException("This service holds no signing key of " + owner + ", which signs "
                    + type + " events");
        }
        return new Signed(key.keyId(), EventSignatures.sign(key.privateKey(), signedBytes));
    }

    private static Map<String, Key> read(Path dir) {
        Map<String, Key> current = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            // in name order, so that an owner's last key name is the one kept
            for (Path file : files.sorted().toList()) {
                Matcher name = FILE.matcher(file.getFileName().toString());
                if (!name.matches()) {
                    continue;
                }
                current.put(name.group(1), new Key(name.group(1) + "." + name.group(2),
                        EventSignatures.privateKey(Files.readString(file))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The signing keys could not be read from " + dir, e);
        }
        return current;
    }
}
