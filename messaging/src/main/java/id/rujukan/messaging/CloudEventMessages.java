package id.rujukan.messaging;

import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventSignatures;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadataBuilder;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Builds the Kafka message of one event of the contract: a CloudEvent in binary mode keyed by the
 * referral (or agency) id, completing {@code acked} when Kafka has acknowledged it, or failing it.
 */
public final class CloudEventMessages {

    private CloudEventMessages() {
    }

    /**
     * @param topic the topic, or {@code null} for the channel's own
     * @param key the Kafka key, also the CloudEvent subject
     * @param signingKey the id of the key that signed it, or {@code null} for an unsigned event
     * @param signature the signer's signature ({@link EventSignatures}), or {@code null}
     * @param trace the trace the record continues (its context goes out in the {@code traceparent} header)
     */
    public static Message<String> of(String topic, String key, String eventId, String type, String source,
            String agencyId, Instant occurredAt, String data, String signingKey, String signature, Context trace,
            CompletableFuture<Void> acked) {
        OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> kafka =
                OutgoingKafkaRecordMetadata.<String>builder().withKey(key);
        if (topic != null) {
            kafka.withTopic(topic);
        }
        OutgoingCloudEventMetadataBuilder<String> cloudEvent =
                OutgoingCloudEventMetadata.<String>builder()
                .withId(eventId)
                .withType(type)
                .withSource(URI.create(source))
                .withSubject(key)
                .withTimestamp(occurredAt.atZone(ZoneOffset.UTC))
                .withDataContentType(CloudEventAttributes.DATA_CONTENT_TYPE)
                .withExtension(CloudEventAttributes.AGENCY, agencyId);
        if (signature != null) {
            cloudEvent.withExtension(EventSignatures.SIGNATURE, signature)
                    .withExtension(EventSignatures.KEY, signingKey);
        }
        return Message.of(data, Metadata.of(kafka.build(), cloudEvent.build(), TracingMetadata.withCurrent(trace)),
                () -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
    }
}
