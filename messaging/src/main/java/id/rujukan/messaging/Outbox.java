package id.rujukan.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventSignatures;
import id.rujukan.messaging.signing.SigningKeys;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Writes events in the caller's transaction, so that a state change and the events describing it are
 * committed together or not at all. After the commit, the relay is woken to send them at once.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;
    private final EntityManager entityManager;
    private final SigningKeys keys;
    private final Instance<EventLog> logs;

    public Outbox(ObjectMapper json, OutboxRelay relay, TransactionSynchronizationRegistry transactions,
            EntityManager entityManager, SigningKeys keys, Instance<EventLog> logs) {
        this.json = json;
        this.keys = keys;
        this.logs = logs;
        this.entityManager = entityManager;
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
        return add(List.of(topic), key, type, source, agencyId, occurredAt, data);
    }

    /** Adds one event to several topics (the own topics of each agency it concerns), with one id and signature. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(List<String> topics, String key, String type, String source, String agencyId,
            Instant occurredAt, Object data) {
        return addAll(List.of(new OutboundEvent(topics, key, type, source, agencyId, occurredAt, data))).get(0);
    }

    /**
     * Adds events to the outbox in one JDBC batch, in the order given (the relay keeps that order).
     * Hibernate cannot batch rows whose key comes from an identity column, and a burst of escalations
     * writes thousands of events in one go.
     *
     * @return the event ids, in the same order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> addAll(List<OutboundEvent> events) {
        List<UUID> ids = new ArrayList<>(events.size());
        List<Row> rows = new ArrayList<>();
        for (OutboundEvent event : events) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            String payload = toJson(event);
            SigningKeys.Signed signed = sign(id, event, payload);
            for (String topic : event.topics()) {
                rows.add(new Row(id, topic, event.key(), event.type(), event.source(), event.key(), event.agencyId(),
                        event.occurredAt(), payload, signed));
            }
        }
        insert(rows);
        return ids;
    }

    /**
     * Passes an event on, as it is, to another topic: its id, attributes, data and signature unchanged, so that its
     * reader checks the signature of the agency that made it, not this service's. For what only that agency may
     * say and this service may not read (a case key granted to another agency).
     *
     * @throws IllegalArgumentException for an event without a signature or a subject (its Kafka key)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forward(String topic, IncomingCloudEventMetadata<?> event, String payload) {
        String subject = event.getSubject().orElseThrow(() -> new IllegalArgumentException(
                "an event without a subject cannot be passed on: " + event.getId()));
        String signature = event.getExtension(EventSignatures.SIGNATURE).map(Object::toString).orElseThrow(
                () -> new IllegalArgumentException("an unsigned event is not passed on: " + event.getId()));
        String keyId = event.getExtension(EventSignatures.KEY).map(Object::toString).orElseThrow(
                () -> new IllegalArgumentException("an unsigned event is not passed on: " + event.getId()));
        String agency = event.getExtension(CloudEventAttributes.AGENCY).map(Object::toString)
                .orElse(CloudEventAttributes.SYSTEM);
        Instant occurredAt = event.getTimeStamp().map(time -> time.toInstant()).orElseGet(Instant::now);
        insert(List.of(new Row(UUID.fromString(event.getId()), topic, subject, event.getType(),
                event.getSource().toString(), subject, agency, occurredAt, payload,
                new SigningKeys.Signed(keyId, signature))));
    }

    /** One outbox row: an event for one topic. */
    private record Row(UUID id, String topic, String key, String type, String source, String subject,
            String agencyId, Instant occurredAt, String payload, SigningKeys.Signed signed) {
    }

    private void insert(List<Row> rows) {
        List<EventLog.Entry> sent = new ArrayList<>(rows.size());
        Timestamp now = Timestamp.from(Instant.now());
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_event (event_id, topic, event_key, type, source, subject, agency_id,
                        occurred_at, payload, created_at, traceparent, signature, signing_key)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                String traceparent = TraceContext.current();
                UUID last = null;
                for (Row row : rows) {
                    insert.setObject(1, row.id());
                    insert.setString(2, row.topic());
                    insert.setString(3, row.key());
                    insert.setString(4, row.type());
                    insert.setString(5, row.source());
                    insert.setString(6, row.subject());
                    insert.setString(7, row.agencyId());
                    insert.setTimestamp(8, Timestamp.from(row.occurredAt()));
                    insert.setString(9, row.payload());
                    insert.setTimestamp(10, now);
                    insert.setString(11, traceparent);
                    insert.setString(12, row.signed().signature());
                    insert.setString(13, row.signed().keyId());
                    insert.addBatch();
                    // one entry an event, however many topics it goes to (its rows are consecutive)
                    if (!row.id().equals(last)) {
                        sent.add(new EventLog.Entry(EventLog.Direction.SENT, row.id().toString(), row.type(),
                                row.source(), row.agencyId(), row.subject(), row.occurredAt(), row.payload(),
                                row.signed().keyId(), row.signed().signature()));
                    }
                    last = row.id();
                }
                insert.executeBatch();
            }
        });
        if (logs.isResolvable()) {
            logs.get().record(sent);
        }
        wakeRelayAfterCommit();
    }

    /** Signed as it will travel: its id, type, source, agency, subject (the key) and data. */
    private SigningKeys.Signed sign(UUID id, OutboundEvent event, String payload) {
        return keys.sign(event.type(), event.agencyId(), EventSignatures.signedBytes(id.toString(), event.type(),
                event.source(), event.agencyId(), event.key(), payload));
    }

    private String toJson(OutboundEvent event) {
        try {
            return json.writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be written as JSON: " + event.type(), e);
        }
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(OutboxRelay.class) != null) {
            return;
        }
        transactions.putResource(OutboxRelay.class, Boolean.TRUE);
        AfterCommit.run(transactions, relay::wakeUp);
    }
}
