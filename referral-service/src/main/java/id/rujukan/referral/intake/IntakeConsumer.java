package id.rujukan.referral.intake;

import id.rujukan.contract.CaseErased;
import id.rujukan.contract.CaseKeyDestroyed;
import id.rujukan.contract.CaseKeyGranted;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.OfficerDeparted;
import id.rujukan.contract.ReferralActionRequested;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.contract.RosterChanged;
import id.rujukan.contract.Topics;
import id.rujukan.messaging.ConsumedEvents;
import id.rujukan.messaging.EventReader;
import id.rujukan.messaging.InvalidEventException;
import id.rujukan.messaging.ReceivedEvent;
import id.rujukan.messaging.RecordBatches;
import id.rujukan.referral.directory.Directory;
import id.rujukan.referral.grant.GrantRelay;
import id.rujukan.referral.lifecycle.Referrals;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes what agencies did at their gateways, from each agency's own intake topics: submissions, actions and case
 * keys granted, keyed by referral id, so one agency's events about a referral arrive in order; cases erased and the
 * confirmations of their keys destroyed, keyed by case id; and an agency admin's roster, keyed by agency id. An event in another agency's name than the topic's is refused. Records come in
 * batches, each applied in one transaction ({@link RecordBatches}); each event is processed once: its id is logged
 * in the same transaction as its effect. A record that is not a valid event is moved aside by the channel's dead-letter strategy with the
 * reason while the other records are applied; a database outage is waited out instead, the batch held until
 * it can be stored.
 */
@ApplicationScoped
public class IntakeConsumer {

    private final RecordBatches batches;
    private final EventReader reader;
    private final ConsumedEvents consumedEvents;
    private final Referrals referrals;
    private final Directory directory;
    private final GrantRelay grants;

    public IntakeConsumer(RecordBatches batches, EventReader reader, ConsumedEvents consumedEvents,
            Referrals referrals, Directory directory, GrantRelay grants) {
        this.directory = directory;
        this.grants = grants;
        this.batches = batches;
        this.reader = reader;
        this.consumedEvents = consumedEvents;
        this.referrals = referrals;
    }

    // Blocking: the work is a JDBC transaction. Ordered (the default), so one referral's events stay in order.
    @Incoming("referral-intake")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, (RecordBatches.TopicWork) this::apply);
    }

    /**
     * Emergencies, by a consumer and a worker of their own: whatever backlog of routine referrals the other
     * channel is working through, an emergency is routed (and its officers asked to be alerted) at once. Each
     * referral's events all take one of the two topics, so they stay in order.
     */
    @Incoming("referral-intake-urgent")
    @Blocking
    public CompletionStage<Void> consumeUrgent(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, (RecordBatches.TopicWork) this::apply);
    }

    private void apply(String topic, String payload, IncomingCloudEventMetadata<String> cloudEvent) {
        String type = cloudEvent == null ? null : cloudEvent.getType();
        // the broker lets an agency's own gateway write only to its own topics: an event there in another
        // agency's name is refused, whatever its signature
        String agency = cloudEvent == null ? null : cloudEvent.getExtension(CloudEventAttributes.AGENCY)
                .map(Object::toString).orElse(null);
        if (agency != null && !Topics.agencyOf(topic).map(agency::equals).orElse(false)) {
            throw new InvalidEventException((type == null ? "an event" : type) + " in the name of agency " + agency
                    + " on " + topic + ", which is not that agency's topic");
        }
        if (EventTypes.ROSTER_CHANGED.equals(type)) {
            applyOwn(payload, cloudEvent, RosterChanged.class, RosterChanged::agencyId, directory::changeRoster);
        } else if (EventTypes.OFFICER_DEPARTED.equals(type)) {
            applyOwn(payload, cloudEvent, OfficerDeparted.class, OfficerDeparted::agencyId,
                    referrals::officerDeparted);
        } else if (EventTypes.CASE_KEY_GRANTED.equals(type)) {
            applyOwn(payload, cloudEvent, CaseKeyGranted.class, CaseKeyGranted::granterAgencyId,
                    grant -> grants.passOn(grant, cloudEvent, payload));
        } else if (EventTypes.CASE_ERASED.equals(type)) {
            applyOwn(payload, cloudEvent, CaseErased.class, CaseErased::agencyId,
                    erased -> grants.passOn(erased, cloudEvent, payload));
        } else if (EventTypes.CASE_KEY_DESTROYED.equals(type)) {
            applyOwn(payload, cloudEvent, CaseKeyDestroyed.class, CaseKeyDestroyed::agencyId,
                    destroyed -> grants.passOn(destroyed, cloudEvent, payload));
        } else if (EventTypes.REFERRAL_ACTION_REQUESTED.equals(type)) {
            applyOwn(payload, cloudEvent, ReferralActionRequested.class, ReferralActionRequested::agencyId,
                    referrals::act);
        } else {
            applyOwn(payload, cloudEvent, ReferralSubmitted.class, ReferralSubmitted::referringAgencyId,
                    referrals::submit, Set.of(EventTypes.REFERRAL_SUBMITTED));
        }
    }

    /**
     * Applies, once, an event an agency's gateway published about that agency's own doing, signed by that agency
     * ({@link id.rujukan.referral.directory.AgencySignatures}): one that claims to act for another agency than the
     * one it was published and signed for is refused (dead letter, with the reason).
     */
    private <T extends Record> void applyOwn(String payload, IncomingCloudEventMetadata<String> cloudEvent,
            Class<T> type, Function<T, String> agencyOf, Consumer<T> effect) {
        applyOwn(payload, cloudEvent, type, agencyOf, effect, Set.of(cloudEvent.getType()));
    }

    private <T extends Record> void applyOwn(String payload, IncomingCloudEventMetadata<String> cloudEvent,
            Class<T> type, Function<T, String> agencyOf, Consumer<T> effect, Set<String> expectedTypes) {
        ReceivedEvent<T> event = reader.read(payload, cloudEvent, type, expectedTypes);
        if (!event.agencyId().equals(agencyOf.apply(event.data()))) {
            throw new InvalidEventException(cloudEvent.getType() + " " + event.id() + " was published for agency "
                    + event.agencyId() + " but speaks for " + agencyOf.apply(event.data()));
        }
        if (consumedEvents.firstDelivery(event.id())) {
            effect.accept(event.data());
        }
    }
}
