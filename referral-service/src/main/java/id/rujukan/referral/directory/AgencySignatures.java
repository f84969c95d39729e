package id.rujukan.referral.directory;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.EventSignatures;
import id.rujukan.messaging.EventVerifier;
import id.rujukan.messaging.InvalidEventException;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every event an agency's gateway sends referral-service must be signed by that agency, with one of its keys in
 * the directory: an event without a signature, signed with a key that is not the agency's (another agency's, or
 * one retired before the event), or whose signature does not verify (changed on the way) is refused before it
 * does anything, to the dead-letter topic with the reason. So a gateway, or anyone else who can write to the
 * intake topics, cannot act in the name of an agency whose key it does not hold.
 */
@ApplicationScoped
public class AgencySignatures implements EventVerifier {

    private final Agencies agencies;
    /** Parsed public keys, by their published text. */
    private final Map<String, PublicKey> parsed = new ConcurrentHashMap<>();

    public AgencySignatures(Agencies agencies) {
        this.agencies = agencies;
    }

    @Override
    public void verify(String agencyId, Instant occurredAt, byte[] signedBytes, String keyId, String signature) {
        Agency agency = agencies.byId(agencyId).orElseThrow(() -> new InvalidEventException(
                "an event in the name of agency " + agencyId + ", which is not in the directory"));
        if (signature == null || keyId == null) {
            throw new InvalidEventException("not signed: an event in the name of agency " + agencyId
                    + " must carry its signature");
        }
        AgencyPublished.SigningKey key = Objects.requireNonNullElse(agency.signingKeys,
                        List.<AgencyPublished.SigningKey>of()).stream()
                .filter(known -> known.keyId().equals(keyId)).findFirst()
                .orElseThrow(() -> new InvalidEventException("signed with key " + keyId + ", which is not one of "
                        + "agency " + agencyId + "'s"));
        if (key.retiredAt() != null && (occurredAt == null || occurredAt.isAfter(key.retiredAt()))) {
            throw new InvalidEventException("signed with key " + keyId + " of agency " + agencyId
                    + ", retired at " + key.retiredAt() + ", before the event");
        }
        PublicKey publicKey;
        try {
            publicKey = parsed.computeIfAbsent(key.publicKey(), EventSignatures::publicKey);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("key " + keyId + " of agency " + agencyId + " in the directory is not an "
                    + "Ed25519 public key");
        }
        if (!EventSignatures.verifies(publicKey, signedBytes, signature)) {
            throw new InvalidEventException("the signature does not verify with key " + keyId + " of agency "
                    + agencyId + ": the event was changed, or was not made by that agency");
        }
    }
}
