package id.rujukan.gateway.readmodel;

import id.rujukan.contract.EventTypes;
import id.rujukan.contract.ReferralActionRefused;
import id.rujukan.contract.ReferralEscalated;
import id.rujukan.contract.ReferralStateChanged;
import id.rujukan.messaging.EventReader;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the read model up to date from referral-service's lifecycle events. Applying an event twice
 * changes nothing (versions only grow), so redeliveries need no log.
 */
@ApplicationScoped
public class LifecycleConsumer {

    private final EventReader reader;
    private final ReferralViews views;

    public LifecycleConsumer(EventReader reader, ReferralViews views) {
        this.reader = reader;
        this.views = views;
    }

    @Incoming("referral-lifecycle")
    @Blocking
    @Transactional
    public void consume(String payload, IncomingCloudEventMetadata<String> cloudEvent) {
        String type = cloudEvent == null ? null : cloudEvent.getType();
        if (EventTypes.REFERRAL_ESCALATED.equals(type)) {
            // checked, so garbage still goes to the dead-letter topic; the timeline that shows it is to come
            reader.read(payload, cloudEvent, ReferralEscalated.class, Set.of(EventTypes.REFERRAL_ESCALATED));
            return;
        }
        if (EventTypes.REFERRAL_ACTION_REFUSED.equals(type)) {
            reader.read(payload, cloudEvent, ReferralActionRefused.class, Set.of(EventTypes.REFERRAL_ACTION_REFUSED));
            return;
        }
        ReferralStateChanged changed = reader.read(payload, cloudEvent, ReferralStateChanged.class,
                Set.of(EventTypes.REFERRAL_ROUTED, EventTypes.REFERRAL_ROUTING_FAILED,
                        EventTypes.REFERRAL_STATE_CHANGED)).data();
        views.changed(changed);
    }
}
