package id.rujukan.referral.deadline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A running clock of one referral, holding the next escalation step to fire. Deleted when the answer it
 * waits for arrives or its chain has run out.
 */
@Entity
@Table(name = "referral_deadline")
public class Deadline extends PanacheEntityBase {

    /** The referral must be received. */
    public static final String RECEIVE = "RECEIVE";
    /** The referral must be accepted or declined. */
    public static final String ACCEPT = "ACCEPT";

    @EmbeddedId
    public Key key;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "next_step", nullable = false)
    public int nextStep;

    @Column(name = "next_fire_at", nullable = false)
    public Instant nextFireAt;

    public static Deadline start(UUID referralId, String kind, Instant dueAt) {
        Deadline deadline = new Deadline();
        deadline.key = new Key(referralId, kind);
        deadline.dueAt = dueAt;
        deadline.nextStep = 1;
        deadline.nextFireAt = dueAt;
        deadline.persist();
        return deadline;
    }

    /** Stops a clock: the answer it waited for has come. */
    public static void stop(UUID referralId, String kind) {
        delete("key.referralId = ?1 and key.kind = ?2", referralId, kind);
    }

    /** Stops every clock of the referral. */
    public static void stopAll(UUID referralId) {
        delete("key.referralId", referralId);
    }

    @Embeddable
    public record Key(@Column(name = "referral_id") UUID referralId, @Column(name = "kind") String kind)
            implements Serializable {
    }
}
