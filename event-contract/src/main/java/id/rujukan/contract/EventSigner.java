package id.rujukan.contract;

import java.util.Arrays;
import java.util.List;

/**
 * Who signs an event ({@link EventTypes#SIGNER}): the agency it speaks for, or the service that wrote it. A key
 * belongs to its owner, named in the key id ({@code <owner>.<keyName>}): an agency id, or a service's name.
 */
public enum EventSigner {

    /** The agency in the event's {@link CloudEventAttributes#AGENCY} attribute, with its key in the directory. */
    AGENCY(null),
    REFERRAL_SERVICE("referral-service"),
    NOTIFICATION_SERVICE("notification-service");

    private final String service;

    EventSigner(String service) {
        this.service = service;
    }

    /** Whose key signs an event of this signer in the name of {@code agencyId}: the agency's, or the service's. */
    public String keyOwner(String agencyId) {
        return service == null ? agencyId : service;
    }

    /** The names of the services that sign their own events (their key owners). */
    public static List<String> services() {
        return Arrays.stream(values()).filter(signer -> signer.service != null).map(signer -> signer.service)
                .toList();
    }

    /** The signer of an event of this type; an unknown type has none. */
    public static EventSigner of(String type) {
        EventSigner signer = EventTypes.SIGNER.get(type);
        if (signer == null) {
            throw new IllegalArgumentException("no signer is known for event type " + type);
        }
        return signer;
    }
}
