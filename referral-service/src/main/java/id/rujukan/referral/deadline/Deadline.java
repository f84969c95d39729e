package id.rujukan.referral.deadline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
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
    /**
     * Progress on an accepted referral must be recorded. Each report starts a new clock, named
     * {@code PROGRESS_<version>} by the referral's version when it started, so that a later missed report escalates
     * step by step again, with escalations and alerts of its own.
     */
    public static final String PROGRESS = "PROGRESS";

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

    /** The name of a progress clock started at this version of the referral. */
    public static String progress(long version) {
        return PROGRESS + "_" + version;
    }

    public static boolean isProgress(String kind) {
        return kind.startsWith(PROGRESS + "_");
    }

    /** Stops the referral's progress clock: progress was recorded, or the referral is no longer under way. */
    public static void stopProgress(UUID referralId) {
        delete("key.referralId = ?1 and key.kind like ?2 escape '!'", referralId, PROGRESS + "!_%");
    }

    /** The kinds of the referral's clocks still running. */
    public static List<String> running(UUID referralId) {
        return Deadline.<Deadline>list("key.referralId", referralId).stream().map(deadline -> deadline.key.kind())
                .toList();
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
