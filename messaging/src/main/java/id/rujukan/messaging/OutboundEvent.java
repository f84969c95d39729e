package id.rujukan.messaging;

import java.time.Instant;
import java.util.List;

/**
 * An event to be written to the outbox.
 *
 * @param topics where it goes: one topic, or the own topics of each agency it concerns (one event, the same id
 *        and signature on each, so a reader of several knows it as one)
 * @param key the Kafka key: the referral or case id (the agency id for directory records)
 * @param agencyId the agency whose action caused the event, or {@code system}
 * @param data the event data, written as JSON
 */
public record OutboundEvent(List<String> topics, String key, String type, String source, String agencyId,
        Instant occurredAt, Object data) {

    public OutboundEvent {
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("an event for no topic: " + type);
        }
        topics = List.copyOf(topics);
    }

    public OutboundEvent(String topic, String key, String type, String source, String agencyId, Instant occurredAt,
            Object data) {
        this(List.of(topic), key, type, source, agencyId, occurredAt, data);
    }
}
