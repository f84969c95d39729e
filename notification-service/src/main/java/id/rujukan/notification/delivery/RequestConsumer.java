package id.rujukan.notification.delivery;

import id.rujukan.contract.EventTypes;
import id.rujukan.contract.NotificationRequested;
import id.rujukan.messaging.EventReader;
import id.rujukan.messaging.ReceivedEvent;
import id.rujukan.messaging.Transient;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes notification requests: queues each once (by event id and by notification key), then has
 * the delivery run at once on a thread of its own. A record that is not a valid request goes to the
 * dead-letter topic.
 */
@ApplicationScoped
public class RequestConsumer {

    private final EventReader reader;
    private final Deliveries deliveries;
    private final ManagedExecutor executor;

    public RequestConsumer(EventReader reader, Deliveries deliveries, ManagedExecutor executor) {
        this.reader = reader;
        this.deliveries = deliveries;
        this.executor = executor;
    }

    @Incoming("notification-requests")
    @Blocking
    public void consume(String payload, IncomingCloudEventMetadata<String> cloudEvent) {
        ReceivedEvent<NotificationRequested> event = reader.read(payload, cloudEvent, NotificationRequested.class,
                Set.of(EventTypes.NOTIFICATION_REQUESTED));
        // a database outage is waited out (the record held), not dead-lettered
        if (Transient.call(() -> deliveries.queue(event.id(), event.data()))) {
            // not on this thread: it runs on the channel's ordered Vert.x context, which the mailer's
            // callbacks need too, so waiting here for the mail would wait for ever
            executor.execute(deliveries::sendDue);
        }
    }
}
