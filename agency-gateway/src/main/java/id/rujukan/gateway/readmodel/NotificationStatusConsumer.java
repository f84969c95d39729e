package id.rujukan.gateway.readmodel;

import id.rujukan.contract.EventTypes;
import id.rujukan.contract.NotificationStatusChanged;
import id.rujukan.messaging.EventReader;
import id.rujukan.messaging.ReceivedEvent;
import id.rujukan.messaging.RecordBatches;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Puts what became of each alert into the referral's timeline: "EMAIL sent to the SUPERVISOR of ...". */
@ApplicationScoped
public class NotificationStatusConsumer {

    private final RecordBatches batches;
    private final EventReader reader;
    private final Timeline timeline;

    public NotificationStatusConsumer(RecordBatches batches, EventReader reader, Timeline timeline) {
        this.batches = batches;
        this.reader = reader;
        this.timeline = timeline;
    }

    // in batches, each applied in one transaction; a database outage is waited out (the batch held), not
    // dead-lettered
    @Incoming("notification-status")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, this::apply);
    }

    private void apply(String payload, IncomingCloudEventMetadata<String> cloudEvent) {
        ReceivedEvent<NotificationStatusChanged> event = reader.read(payload, cloudEvent,
                NotificationStatusChanged.class, Set.of(EventTypes.NOTIFICATION_SENT, EventTypes.NOTIFICATION_DELIVERED,
                        EventTypes.NOTIFICATION_FAILED));
        NotificationStatusChanged status = event.data();
        if (status.referralId() == null) {
            // about the agency itself (a roster gap): no referral's timeline to write it in
            return;
        }
        String detail = status.channel() + " " + status.status().toLowerCase(Locale.ROOT) + " to the "
                + status.recipientRole() + " of " + status.agencyId()
                + (status.detail() == null ? "" : ": " + status.detail());
        timeline.add(event.id(), UUID.fromString(status.referralId()), new Timeline.Entry(status.at(), "NOTIFICATION",
                status.agencyId(), status.recipientRole(), null, null, detail));
    }
}
