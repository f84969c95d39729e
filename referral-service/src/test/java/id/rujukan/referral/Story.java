package id.rujukan.referral;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.ReferralActionRequested;
import id.rujukan.contract.ReferralState;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.contract.Topics;
import id.rujukan.contract.Urgency;
import id.rujukan.infra.testing.KafkaTestClient;
import id.rujukan.infra.testing.KafkaTestResource;
import id.rujukan.referral.lifecycle.HistoryEntry;
import id.rujukan.referral.lifecycle.Referral;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** What tests do to the service and read back from it, as the gateway and an auditor would. */
@ApplicationScoped
public class Story {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final ObjectMapper json;
    private final EntityManager entityManager;
    /** Each submitted referral's urgency: its actions take the topic its submission took. */
    private final Map<String, Urgency> urgencies = new ConcurrentHashMap<>();

    public Story(ObjectMapper json, EntityManager entityManager) {
        this.json = json;
        this.entityManager = entityManager;
    }

    /** One escalation step as stored: which clock, which step, which level, which agency was told. */
    public record Fired(String deadline, int step, String level, String notifiedAgencyId) {
    }

    KafkaTestClient kafka() {
        return KafkaTestResource.client();
    }

    void submit(ReferralSubmitted submitted) {
        urgencies.put(submitted.referralId(), submitted.urgency());
        String data = write(submitted);
        kafka().send(Topics.intake(submitted.referringAgencyId(), submitted.urgency()), submitted.referralId(), data,
                KafkaTestClient.signedCloudEvent(UUID.randomUUID().toString(), EventTypes.REFERRAL_SUBMITTED,
                        CloudEventAttributes.SOURCE_AGENCY_GATEWAY, submitted.referringAgencyId(),
                        submitted.referralId(), data));
    }

    Referral submitAndAwaitRouting(ReferralSubmitted submitted) {
        submit(submitted);
        return awaitState(submitted.referralId(), ReferralState.ROUTED);
    }

    /** As the gateway does: on the acting agency's topic of the referral's urgency. */
    void act(ReferralActionRequested action) {
        String data = write(action);
        kafka().send(Topics.intake(action.agencyId(), urgencies.getOrDefault(action.referralId(), Urgency.NORMAL)),
                action.referralId(), data,
                KafkaTestClient.signedCloudEvent(UUID.randomUUID().toString(), EventTypes.REFERRAL_ACTION_REQUESTED,
                        CloudEventAttributes.SOURCE_AGENCY_GATEWAY, action.agencyId(), action.referralId(), data));
    }

    Referral awaitState(String referralId, ReferralState state) {
        await().atMost(WAIT).until(() -> {
            Referral referral = referral(referralId);
            return referral != null && referral.state == state;
        });
        return referral(referralId);
    }

    /** Waits until the timeline holds a line whose reason contains the text. */
    void awaitTimeline(String referralId, String text) {
        await().atMost(WAIT).until(() -> history(referralId).stream().anyMatch(h -> h.reason.contains(text)));
    }

    Referral referral(String referralId) {
        return QuarkusTransaction.requiringNew().call(() -> Referral.findById(UUID.fromString(referralId)));
    }

    List<HistoryEntry> history(String referralId) {
        return QuarkusTransaction.requiringNew().call(() -> HistoryEntry.of(UUID.fromString(referralId)));
    }

    @SuppressWarnings("unchecked")
    List<Fired> escalations(String referralId) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) entityManager.createNativeQuery(
                "select deadline, step, level, notified_agency_id from escalation where referral_id = :id "
                        + "order by fired_at, deadline, step")
                .setParameter("id", UUID.fromString(referralId)).getResultList()).stream()
                .map(row -> new Fired((String) row[0], ((Number) row[1]).intValue(), (String) row[2], (String) row[3]))
                .toList());
    }

    /** An event's data as JSON, for checks on what a reader of the topic sees. */
    JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
