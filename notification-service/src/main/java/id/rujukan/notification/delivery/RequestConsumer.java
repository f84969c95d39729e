package id.rujukan.notification.delivery;

import id.rujukan.contract.EventTypes;
import id.rujukan.contract.NotificationRequested;
import id.rujukan.messaging.ConsumedEvents;
import id.rujukan.messaging.EventReader;
import id.rujukan.messaging.ReceivedEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes notification requests: queues each once (by event id and by notification key), then asks
 * the sender to deliver what is due. A record that is not a valid request goes to the dead-letter topic.
 */
@ApplicationScoped
public class RequestConsumer {

    private final EventReader reader;
    private final ConsumedEvents consumedEvents;
    private final Deliveries deliveries;

    public RequestConsumer(EventReader reader, ConsumedEvents consumedEvents, Deliveries deliveries) {
        this.reader = reader;
        this.consumedEvents = consumedEvents;
        this.deliveries = deliveries;
    }

    @Incoming("notification-requests")
    @Blocking
    public void consume(String payload, IncomingCloudEventMetadata<String> cloudEvent) {
        ReceivedEvent<NotificationRequested> event = reader.read(payload, cloudEvent, NotificationRequested.class,
                Set.of(EventTypes.NOTIFICATION_REQUESTED));
        if (deliveries.queue(event.id(), event.data())) {
            deliveries.sendDue();
        }
    }
}
