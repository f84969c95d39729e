package id.rujukan.gateway.readmodel;

import id.rujukan.contract.EventTypes;
import id.rujukan.contract.ReferralRouted;
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
        ReferralRouted routed = reader.read(payload, cloudEvent, ReferralRouted.class,
                Set.of(EventTypes.REFERRAL_ROUTED, EventTypes.REFERRAL_ROUTING_FAILED)).data();
        views.routed(routed);
    }
}
