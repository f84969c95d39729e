package id.rujukan.messaging;

import java.time.Instant;

/**
 * An event to be written to the outbox.
 *
 * @param key the Kafka key: the referral or case id (the agency id for directory records)
 * @param agencyId the agency whose action caused the event, or {@code system}
 * @param data the event data, written as JSON
 */
public record OutboundEvent(String topic, String key, String type, String source, String agencyId,
        Instant occurredAt, Object data) {
}
