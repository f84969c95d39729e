package id.rujukan.messaging;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One event waiting in the outbox: a CloudEvent's attributes, its Kafka topic and key, and its JSON data. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "event_key", nullable = false)
    public String eventKey;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String source;

    public String subject;

    @Column(name = "agency_id", nullable = false)
    public String agencyId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** W3C traceparent of the work that wrote the event, if it was traced. */
    public String traceparent;

    /**
     * The signature by the signer the event's type names ({@link id.rujukan.contract.EventSigner}); {@code null} only
     * in rows written before services signed their events.
     */
    public String signature;

    /** The id of the key that made {@link #signature}. */
    @Column(name = "signing_key")
    public String signingKey;
}
