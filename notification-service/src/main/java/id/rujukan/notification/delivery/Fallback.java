package id.rujukan.notification.delivery;

import id.rujukan.messaging.Writes;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** An alert that failed on one channel goes by the other: an SMS that cannot be sent becomes an email, and back. */
@ApplicationScoped
class Fallback {

    private final EntityManager entityManager;
    private final Clock clock;

    Fallback(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Queues the same alert to the same person on the other channel, under the key the request for that
     * channel would have had: if it was asked for already, or is itself the fallback, nothing is added.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void queueOnTheOtherChannel(Notification failed) {
        String other = EmailChannel.EMAIL.equals(failed.channel) ? SmsChannel.SMS : EmailChannel.EMAIL;
        String key = failed.notificationKey.endsWith(":" + failed.channel)
                ? failed.notificationKey.substring(0, failed.notificationKey.length() - failed.channel.length()) + other
                : failed.notificationKey + ":" + other;
        Instant now = clock.instant();
        int added = Writes.update(entityManager, """
                insert into notification (id, notification_key, referral_id, agency_id, recipient_role, channel,
                    template, level, referring_agency_id, category, urgency, gap_roles, gap_from, gap_until, priority,
                    status, attempts, next_attempt_at, created_at, traceparent)
                select ?, ?, referral_id, agency_id, recipient_role, ?, template, level, referring_agency_id,
                    category, urgency, gap_roles, gap_from, gap_until, priority, 'QUEUED', 0, ?, ?, traceparent
                from notification where id = ?
                on conflict (notification_key) do nothing""", UUID.randomUUID(), key, other, now, now, failed.id);
        if (added == 1) {
            Log.infof("Notification %s failed by %s; falling back to %s", failed.id, failed.channel, other);
        }
    }
}
