package id.rujukan.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes events in the caller's transaction, so that a state change and the events describing it are
 * committed together or not at all. After the commit, the relay is woken to send them at once.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    public Outbox(ObjectMapper json, OutboxRelay relay, TransactionSynchronizationRegistry transactions) {
        this.json = json;
        this.relay = relay;
        this.transactions = transactions;
    }

    /**
     * Adds an event to the outbox.
     *
     * @param key the Kafka key: the referral or case id (the agency id for directory records)
     * @param agencyId the agency whose action caused the event, or {@code system}
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(String topic, String key, String type, String source, String agencyId, Instant occurredAt,
            Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = topic;
        event.eventKey = key;
        event.type = type;
        event.source = source;
        event.subject = key;
        event.agencyId = agencyId;
        event.occurredAt = occurredAt;
        event.createdAt = Instant.now();
        try {
            event.payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be written as JSON: " + type, e);
        }
        event.persist();
        wakeRelayAfterCommit();
        return event.eventId;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(OutboxRelay.class) != null) {
            return;
        }
        transactions.putResource(OutboxRelay.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
