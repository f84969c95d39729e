package id.rujukan.notification.delivery;

import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.NotificationRequested;
import id.rujukan.contract.NotificationStatusChanged;
import id.rujukan.contract.Topics;
import id.rujukan.messaging.Backoff;
import id.rujukan.messaging.ConsumedEvents;
import id.rujukan.messaging.DueRows;
import id.rujukan.messaging.Outbox;
import id.rujukan.messaging.TraceContext;
import id.rujukan.notification.metrics.NotificationMetrics;
import id.rujukan.notification.metrics.NotificationMetrics.Outcome;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The notifications table as a queue: each request queued once, due ones claimed with a lease
 * ({@code FOR UPDATE SKIP LOCKED}, so neither another replica nor the sweep takes the same one), emergencies
 * and escalations first; and what became of each attempt recorded, with the status event in the outbox.
 * A failed attempt waits its backoff; past the retry window the notification fails and the same alert is
 * queued on the other channel ({@link Fallback}).
 */
@ApplicationScoped
public class DeliveryQueue {

    /** A claim is small, so that several senders share a backlog rather than one taking it all. */
    static final int CLAIM_BATCH = 10;
    private static final Duration RECORD_RETRY = Duration.ofMillis(500);

    private final ConsumedEvents consumedEvents;
    private final Outbox outbox;
    private final Fallback fallback;
    private final DeliveryConfig config;
    private final Backoff backoff;
    private final Clock clock;
    private final NotificationMetrics metrics;

    public DeliveryQueue(ConsumedEvents consumedEvents, Outbox outbox, Fallback fallback, DeliveryConfig config,
            Clock clock, NotificationMetrics metrics) {
        this.consumedEvents = consumedEvents;
        this.outbox = outbox;
        this.fallback = fallback;
        this.config = config;
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Queues the request unless its event or its notification key was seen before; true if queued. */
    @Transactional
    public boolean queue(String eventId, NotificationRequested request) {
        if (!consumedEvents.firstDelivery(eventId)
                // a find, not a count: Hibernate translates a count query anew on every call, once per request
                || Notification.find("notificationKey", request.notificationKey()).firstResultOptional().isPresent()) {
            return false;
        }
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.notificationKey = request.notificationKey();
        notification.referralId = request.referralId();
        notification.agencyId = request.agencyId();
        notification.recipientRole = request.recipientRole();
        notification.channel = request.channel();
        notification.template = request.template();
        notification.level = request.level();
        notification.referringAgencyId = request.referringAgencyId();
        notification.category = request.category();
        notification.urgency = request.urgency();
        if (request.rosterGap() != null) {
            notification.gapRoles = String.join(",", request.rosterGap().roles());
            notification.gapFrom = request.rosterGap().from();
            notification.gapUntil = request.rosterGap().until();
        }
        notification.priority = request.priority();
        notification.status = NotificationStatus.QUEUED;
        notification.createdAt = clock.instant();
        notification.nextAttemptAt = notification.createdAt;
        notification.traceparent = TraceContext.current();
        notification.persist();
        return true;
    }

    /**
     * Claims up to {@link #CLAIM_BATCH} due notifications, most urgent first, for one attempt each, and reads
     * them as claimed (attempt counted, lease set) in the same transaction: one round of queries for the batch
     * rather than a transaction per alert to read it.
     */
    List<Notification> claimDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            List<UUID> due = DueRows.claim(Notification.getEntityManager(), """
                    select n.id from notification n
                    where n.status = 'QUEUED' and n.next_attempt_at <= :now
                    order by n.priority, n.next_attempt_at
                    limit :batch""", "n", Map.of("now", Timestamp.from(now), "batch", CLAIM_BATCH))
                    .stream().map(row -> row.get("id", UUID.class)).toList();
            if (due.isEmpty()) {
                return List.of();
            }
            Notification.update("attempts = attempts + 1, firstAttemptAt = coalesce(firstAttemptAt, ?1), "
                    + "nextAttemptAt = ?2 where id in ?3", now, now.plus(config.attemptLease()), due);
            Map<UUID, Notification> claimed = Notification.<Notification>list("id in ?1", due).stream()
                    .collect(Collectors.toMap(notification -> notification.id, notification -> notification));
            return due.stream().map(claimed::get).toList(); // in the claim's order: most urgent first
        });
    }

    /**
     * Records that the SMTP server or SMS provider has the message. It must not be sent again, so a database
     * that is away for a moment (a restart, a failover) is waited for, while this attempt's lease holds, rather
     * than the attempt counted as failed and retried, or the batch's lease left to run out; both would send it
     * twice. If the database stays away longer, the lease runs out and the message is sent again: delivery is
     * at least once, never lost.
     */
    void recordSent(UUID id, HandedOver handedOver) {
        long giveUp = System.nanoTime() + config.attemptLease().dividedBy(2).toNanos();
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> markSent(id, handedOver));
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > giveUp) {
                    Log.errorf("Notification %s was handed over but could not be recorded as sent; once its lease "
                            + "runs out it will be sent again: %s", id, e.toString());
                    throw e;
                }
                Log.warnf("Notification %s handed over; recording it waits for the database: %s", id, e.toString());
                try {
                    Thread.sleep(RECORD_RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void markSent(UUID id, HandedOver handedOver) {
        Notification notification = Notification.findById(id);
        notification.status = NotificationStatus.SENT;
        notification.sentAt = clock.instant();
        notification.recipientAddress = handedOver.address();
        notification.templateVersion = handedOver.templateVersion();
        notification.provider = handedOver.provider();
        notification.providerMessageId = handedOver.messageId();
        notification.nextAttemptAt = null;
        notification.lastError = null;
        statusChanged(notification, EventTypes.NOTIFICATION_SENT, null);
        metrics.outcome(notification.channel, handedOver.provider(), Outcome.SENT);
        Log.infof("Notification %s for referral %s sent by %s (%s) to the %s of %s", notification.id,
                notification.referralId, notification.channel, handedOver.provider(), notification.recipientRole,
                notification.agencyId);
    }

    /** Not an attempt: the notification waits (quiet hours, providers busy) without using up its retries. */
    void defer(UUID id, Instant until) {
        QuarkusTransaction.requiringNew().run(() -> {
            Notification notification = Notification.findById(id);
            notification.attempts--;
            if (notification.attempts == 0) {
                notification.firstAttemptAt = null;
            }
            notification.nextAttemptAt = until;
            notification.deferredUntil = until;
        });
    }

    /** The attempt failed for a reason that may pass: again after the backoff, or failed past the window. */
    void retryOrFail(UUID id, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            Notification notification = Notification.findById(id);
            Instant now = clock.instant();
            Duration wait = backoff.after(notification.attempts);
            if (now.plus(wait).isAfter(notification.firstAttemptAt.plus(config.retryFor()))) {
                markFailed(notification, error);
                return;
            }
            notification.lastError = error;
            notification.nextAttemptAt = now.plus(wait);
            metrics.outcome(notification.channel, provider(notification), Outcome.RETRIED);
            Log.warnf("Notification %s attempt %d failed, next in %s: %s", notification.id, notification.attempts,
                    wait, error);
        });
    }

    /** The attempt failed for a reason that will not pass (no such template, no phone number). */
    void fail(UUID id, String error) {
        QuarkusTransaction.requiringNew().run(() -> markFailed(Notification.<Notification>findById(id), error));
    }

    /** Marks the notification failed, says so, and queues the same alert on the other channel. */
    @Transactional(Transactional.TxType.MANDATORY)
    void markFailed(Notification notification, String error) {
        notification.status = NotificationStatus.FAILED;
        notification.lastError = error;
        notification.nextAttemptAt = null;
        statusChanged(notification, EventTypes.NOTIFICATION_FAILED, error);
        metrics.outcome(notification.channel, provider(notification), Outcome.FAILED);
        Log.errorf("Notification %s for referral %s failed after %d attempts: %s", notification.id,
                notification.referralId, notification.attempts, error);
        fallback.queueOnTheOtherChannel(notification);
    }

    /**
     * Publishes the notification's new status (sent, delivered, failed) for the referral's timeline, to the agency
     * whose officers it alerts; one about the agency's roster goes under the agency's key.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void statusChanged(Notification notification, String type, String detail) {
        Instant at = clock.instant();
        String key = notification.referralId != null ? notification.referralId : notification.agencyId;
        outbox.add(Topics.notificationStatus(notification.agencyId), key, type,
                CloudEventAttributes.SOURCE_NOTIFICATION_SERVICE, CloudEventAttributes.SYSTEM, at,
                new NotificationStatusChanged(notification.notificationKey, notification.referralId,
                        notification.agencyId, notification.recipientRole, notification.channel,
                        notification.status.name(), notification.template, notification.templateVersion,
                        notification.provider, detail, at));
    }

    /** The provider to blame: the one that took it, the SMTP server, or none when no SMS provider took it. */
    private static String provider(Notification notification) {
        if (notification.provider != null) {
            return notification.provider;
        }
        return EmailChannel.EMAIL.equals(notification.channel) ? EmailChannel.SMTP : NotificationMetrics.NO_PROVIDER;
    }
}
