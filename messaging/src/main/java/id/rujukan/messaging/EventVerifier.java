package id.rujukan.messaging;

import java.time.Instant;

/**
 * Checks that an event was signed by the agency it speaks for, before it is handled ({@link EventReader}). A
 * service with a verifier refuses every event that fails it, to its dead-letter topic with the reason.
 */
public interface EventVerifier {

    /**
     * @param signedBytes what the signature covers ({@link id.rujukan.contract.EventSignatures#signedBytes})
     * @param keyId the {@code signingkey} attribute, or {@code null}
     * @param signature the {@code signature} attribute, or {@code null}
     * @throws InvalidEventException saying why the event is not the agency's
     */
    void verify(String agencyId, Instant occurredAt, byte[] signedBytes, String keyId, String signature);
}
