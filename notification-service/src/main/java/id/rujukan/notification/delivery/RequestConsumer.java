package id.rujukan.notification.delivery;

import id.rujukan.contract.EventTypes;
import id.rujukan.contract.NotificationRequested;
import id.rujukan.messaging.EventReader;
import id.rujukan.messaging.ReceivedEvent;
import id.rujukan.messaging.RecordBatches;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes notification requests in batches, routine and urgent ones on separate channels, each batch queued in one
 * transaction ({@link RecordBatches}): each
 * request once (by event id and by notification key); then the senders are woken ({@link Deliveries}) to
 * send it at once. A record that is not a valid request goes to the dead-letter topic with the reason; a database
 * outage is waited out, the batch held.
 */
@ApplicationScoped
public class RequestConsumer {

    private final RecordBatches batches;
    private final EventReader reader;
    private final DeliveryQueue queue;
    private final Deliveries deliveries;

    public RequestConsumer(RecordBatches batches, EventReader reader, DeliveryQueue queue, Deliveries deliveries) {
        this.batches = batches;
        this.reader = reader;
        this.queue = queue;
        this.deliveries = deliveries;
    }

    @Incoming("notification-requests")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return queue(batch);
    }

    /**
     * The urgent requests, by a consumer and a worker of their own: whatever backlog of routine requests the
     * other channel is working through, an emergency is queued (and, with priority 0, sent) at once.
     */
    @Incoming("notification-requests-urgent")
    @Blocking
    public CompletionStage<Void> consumeUrgent(KafkaRecordBatch<String, String> batch) {
        return queue(batch);
    }

    private CompletionStage<Void> queue(KafkaRecordBatch<String, String> batch) {
        AtomicBoolean queued = new AtomicBoolean();
        CompletionStage<Void> applied = batches.apply(batch, (payload, cloudEvent) -> {
            ReceivedEvent<NotificationRequested> event = reader.read(payload, cloudEvent,
                    NotificationRequested.class, Set.of(EventTypes.NOTIFICATION_REQUESTED));
            if (queue.queue(event.id(), event.data())) {
                queued.set(true);
            }
        });
        if (queued.get()) {
            deliveries.wake();
        }
        return applied;
    }
}
