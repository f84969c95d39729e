package id.rujukan.messaging;

import java.util.Optional;

/**
 * Signs the events a service writes to its outbox, for the agency each speaks for
 * ({@link id.rujukan.contract.EventSignatures}). A gateway holds the private keys of the agencies it serves; a
 * service without a signer writes its events unsigned.
 */
public interface EventSigner {

    /** The signature of {@code signedBytes} by the agency's current key, or empty if this service holds none. */
    Optional<Signed> sign(String agencyId, byte[] signedBytes);

    /** A signature and the id of the key that made it. */
    record Signed(String keyId, String signature) {
    }
}
