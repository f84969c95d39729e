package id.rujukan.gateway.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.rujukan.contract.CaseErased;
import id.rujukan.contract.CaseKeyDestroyed;
import id.rujukan.contract.CaseKeyGranted;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.ReferralActionRefused;
import id.rujukan.contract.ReferralEscalated;
import id.rujukan.contract.ReferralStateChanged;
import id.rujukan.contract.Topics;
import id.rujukan.gateway.erasure.CaseErasures;
import id.rujukan.gateway.grant.CaseKeyGrants;
import id.rujukan.gateway.note.Notes;
import id.rujukan.gateway.webhook.WebhookQueue;
import id.rujukan.messaging.EventReader;
import id.rujukan.messaging.InvalidEventException;
import id.rujukan.messaging.ReceivedEvent;
import id.rujukan.messaging.RecordBatches;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the read model up to date from referral-service's lifecycle events, grants and takes case keys
 * ({@link CaseKeyGrants}), and destroys those of erased cases ({@link CaseErasures}). Applying an event twice
 * changes nothing (versions only grow), so redeliveries need no log.
 */
@ApplicationScoped
public class LifecycleConsumer {

    private final RecordBatches batches;
    private final EventReader reader;
    private final ReferralViews views;
    private final Timeline timeline;
    private final WebhookQueue webhooks;
    private final ObjectMapper json;
    private final Notes notes;
    private final CaseKeyGrants grants;
    private final CaseErasures erasures;

    public LifecycleConsumer(RecordBatches batches, EventReader reader, ReferralViews views, Timeline timeline,
            WebhookQueue webhooks, ObjectMapper json, Notes notes, CaseKeyGrants grants, CaseErasures erasures) {
        this.notes = notes;
        this.grants = grants;
        this.erasures = erasures;
        this.batches = batches;
        this.reader = reader;
        this.views = views;
        this.timeline = timeline;
        this.webhooks = webhooks;
        this.json = json;
    }

    // in batches, each applied in one transaction; a database outage is waited out (the batch held), not
    // dead-lettered
    @Incoming("referral-lifecycle")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, (RecordBatches.TopicWork) this::apply);
    }

    private void apply(String topic, String payload, IncomingCloudEventMetadata<String> cloudEvent) {
        String type = cloudEvent == null ? null : cloudEvent.getType();
        if (EventTypes.CASE_ERASED.equals(type)) {
            // for the agency whose lifecycle topic it came on: the shared gateway is told once for each party
            erasures.erase(reader.read(payload, cloudEvent, CaseErased.class, Set.of(EventTypes.CASE_ERASED)),
                    Topics.agencyOf(topic).orElseThrow(() -> new InvalidEventException(
                            "an erasure on " + topic + ", which is no agency's topic")));
            return;
        }
        if (EventTypes.CASE_KEY_DESTROYED.equals(type)) {
            erasures.confirmed(reader.read(payload, cloudEvent, CaseKeyDestroyed.class,
                    Set.of(EventTypes.CASE_KEY_DESTROYED)));
            return;
        }
        if (EventTypes.REFERRAL_ESCALATED.equals(type)) {
            ReceivedEvent<ReferralEscalated> event = reader.read(payload, cloudEvent, ReferralEscalated.class,
                    Set.of(EventTypes.REFERRAL_ESCALATED));
            ReferralEscalated escalated = event.data();
            views.markOverdue(UUID.fromString(escalated.referralId()));
            timeline.add(event.id(), UUID.fromString(escalated.referralId()), new Timeline.Entry(escalated.firedAt(),
                    "ESCALATION", CloudEventAttributes.SYSTEM, CloudEventAttributes.SYSTEM, null, null,
                    escalated.reason()));
            webhooks.enqueue(event.id(), event.type(), UUID.fromString(escalated.referralId()), push(event, payload),
                    Set.of(escalated.targetAgencyId()));
            return;
        }
        if (EventTypes.CASE_KEY_GRANTED.equals(type)) {
            grants.receive(reader.read(payload, cloudEvent, CaseKeyGranted.class,
                    Set.of(EventTypes.CASE_KEY_GRANTED)));
            return;
        }
        if (EventTypes.REFERRAL_ACTION_REFUSED.equals(type)) {
            ReceivedEvent<ReferralActionRefused> event = reader.read(payload, cloudEvent, ReferralActionRefused.class,
                    Set.of(EventTypes.REFERRAL_ACTION_REFUSED));
            ReferralActionRefused refused = event.data();
            timeline.add(event.id(), UUID.fromString(refused.referralId()), new Timeline.Entry(refused.at(),
                    "REFUSED", refused.agencyId(), null, refused.currentState(), refused.currentState(),
                    refused.action().name().toLowerCase(Locale.ROOT) + " refused: " + refused.reason()));
            webhooks.enqueue(event.id(), event.type(), UUID.fromString(refused.referralId()), push(event, payload),
                    Set.of(refused.agencyId()));
            return;
        }
        ReceivedEvent<ReferralStateChanged> event = reader.read(payload, cloudEvent, ReferralStateChanged.class,
                Set.of(EventTypes.REFERRAL_ROUTED, EventTypes.REFERRAL_ROUTING_FAILED,
                        EventTypes.REFERRAL_STATE_CHANGED));
        ReferralStateChanged changed = event.data();
        views.changed(changed);
        grants.grantTarget(changed);
        notes.add(event.id(), changed);
        timeline.add(event.id(), UUID.fromString(changed.referralId()), new Timeline.Entry(changed.at(),
                changed.rule() != null ? "ROUTING" : changed.action() == null ? "TRANSITION" : changed.action().name(),
                changed.actorAgencyId(), changed.actor(), changed.fromState(), changed.state(), changed.reason(),
                new Timeline.Facts(changed.targetAgencyId(), changed.rule(), changed.reasonCode(),
                        changed.officerInCharge())));
        Set<String> concerned = new HashSet<>();
        concerned.add(changed.referringAgencyId());
        if (changed.targetAgencyId() != null) {
            concerned.add(changed.targetAgencyId());
        }
        if (changed.previousTargetAgencyId() != null) {
            concerned.add(changed.previousTargetAgencyId());
        }
        webhooks.enqueue(event.id(), event.type(), UUID.fromString(changed.referralId()), push(event, payload),
                concerned);
    }

    /** What an agency's webhook receives: the event's id and type, and its data as published. */
    private String push(ReceivedEvent<?> event, String payload) {
        ObjectNode push = json.createObjectNode();
        push.put("id", event.id());
        push.put("type", event.type());
        try {
            push.set("data", json.readTree(payload));
            return json.writeValueAsString(push);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event read a moment ago is no longer JSON", e);
        }
    }
}
