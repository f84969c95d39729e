package id.rujukan.messaging.signing;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.EventSignatures;
import id.rujukan.contract.EventSigner;
import id.rujukan.messaging.InvalidEventException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every event is checked before it does anything: it must be signed by the signer its type names
 * ({@link EventSigner}), with one of the signer's keys: an agency's from the directory ({@link AgencyKeyring}), a
 * service's from {@link SigningConfig#serviceKeys()}. An event without a signature, signed with a key that is not
 * the signer's (another agency's, a service's where an agency must sign, one retired before the event), or whose
 * signature does not verify (changed on the way) is refused, to the dead-letter topic with the reason. So no one
 * who can write to a topic can act in the name of an agency or a service whose key it does not hold.
 */
@ApplicationScoped
public class SignatureCheck {

    /** The services' keys, by their owner (the service's name). */
    private final Map<String, List<AgencyPublished.SigningKey>> serviceKeys;
    private final Instance<AgencyKeyring> agencies;
    /** Parsed public keys, by their published text. */
    private final Map<String, PublicKey> parsed = new ConcurrentHashMap<>();

    public SignatureCheck(SigningConfig config, Instance<AgencyKeyring> agencies) {
        this.agencies = agencies;
        this.serviceKeys = serviceKeys(config.serviceKeys().orElse(List.of()));
        if (serviceKeys.isEmpty()) {
            Log.warn("No service keys are configured (rujukan.signing.service-keys): every event a service signed "
                    + "will be refused");
        } else {
            Log.infof("Verifying the events of %s with their keys", String.join(", ", serviceKeys.keySet()));
        }
    }

    /**
     * @param signedBytes what the signature covers ({@link EventSignatures#signedBytes})
     * @param keyId the {@code signingkey} attribute, or {@code null}
     * @param signature the {@code signature} attribute, or {@code null}
     * @throws InvalidEventException saying why the event is not its signer's
     */
    public void verify(String type, String agencyId, Instant occurredAt, byte[] signedBytes, String keyId,
            String signature) {
        EventSigner signer = EventSigner.of(type);
        String owner = signer.keyOwner(agencyId);
        String whose = signer == EventSigner.AGENCY ? "agency " + agencyId : owner;
        List<AgencyPublished.SigningKey> known = signer == EventSigner.AGENCY
                ? agencyKeys(agencyId)
                : serviceKeys.getOrDefault(owner, List.of());
        if (signature == null || keyId == null) {
            throw new InvalidEventException("not signed: a " + type + " event must carry the signature of " + whose);
        }
        AgencyPublished.SigningKey key = known.stream().filter(each -> each.keyId().equals(keyId)).findFirst()
                .orElseThrow(() -> new InvalidEventException("signed with key " + keyId + ", which is not one of "
                        + whose + "'s"));
        if (key.retiredAt() != null && (occurredAt == null || occurredAt.isAfter(key.retiredAt()))) {
            throw new InvalidEventException("signed with key " + keyId + " of " + whose + ", retired at "
                    + key.retiredAt() + ", before the event");
        }
        PublicKey publicKey;
        try {
            publicKey = parsed.computeIfAbsent(key.publicKey(), EventSignatures::publicKey);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("key " + keyId + " of " + whose + " is not an Ed25519 public key");
        }
        if (!EventSignatures.verifies(publicKey, signedBytes, signature)) {
            throw new InvalidEventException("the signature does not verify with key " + keyId + " of " + whose
                    + ": the event was changed, or was not made by " + whose);
        }
    }

    private List<AgencyPublished.SigningKey> agencyKeys(String agencyId) {
        if (!agencies.isResolvable()) {
            throw new InvalidEventException("an event signed by agency " + agencyId + ": this service takes none");
        }
        return agencies.get().signingKeys(agencyId).orElseThrow(() -> new InvalidEventException(
                "an event in the name of agency " + agencyId + ", which is not in the directory"))
                .stream().toList();
    }

    private static Map<String, List<AgencyPublished.SigningKey>> serviceKeys(List<String> configured) {
        Map<String, List<AgencyPublished.SigningKey>> byOwner = new TreeMap<>();
        for (String entry : configured) {
            int colon = entry.indexOf(':');
            int dot = entry.indexOf('.');
            if (colon < 0 || dot < 0 || dot > colon) {
                throw new IllegalArgumentException("rujukan.signing.service-keys: '" + entry
                        + "' is not <owner>.<keyName>:<base64 public key>");
            }
            String keyId = entry.substring(0, colon);
            String publicKey = entry.substring(colon + 1).strip();
            EventSignatures.publicKey(publicKey); // refused at start, not at the first event
            byOwner.computeIfAbsent(keyId.substring(0, dot), owner -> new ArrayList<>())
                    .add(new AgencyPublished.SigningKey(keyId, publicKey, null));
        }
        return byOwner;
    }
}
