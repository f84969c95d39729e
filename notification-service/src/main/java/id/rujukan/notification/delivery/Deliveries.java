package id.rujukan.notification.delivery;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.NotificationRequested;
import id.rujukan.contract.NotificationStatusChanged;
import id.rujukan.contract.Topics;
import id.rujukan.messaging.ConsumedEvents;
import id.rujukan.messaging.DirectoryCopy;
import id.rujukan.messaging.Outbox;
import id.rujukan.messaging.TraceContext;
import id.rujukan.notification.metrics.NotificationMetrics.Outcome;
import id.rujukan.notification.metrics.NotificationMetrics;
import id.rujukan.notification.sms.ProvidersBusyException;
import id.rujukan.notification.sms.SentSms;
import id.rujukan.notification.sms.SmsProviders;
import id.rujukan.notification.sms.SmsReceipt;
import id.rujukan.notification.template.AlertFacts;
import id.rujukan.notification.template.AlertTemplates;
import id.rujukan.notification.template.RenderedEmail;
import id.rujukan.notification.template.RenderedSms;
import id.rujukan.notification.template.UnknownTemplateException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.jpa.SpecHints;

/**
 * Queues notifications and delivers them by email (SMTP) or SMS (the providers). Every attempt is claimed
 * in the database first (a lease, with {@code FOR UPDATE SKIP LOCKED}), so neither a second replica nor the
 * retry sweep can send the same notification at once. A failed attempt is retried with exponential backoff
 * for a bounded time; then the notification is marked failed and the same alert is queued on the other
 * channel, unless that was asked for already. Every status change is published through the outbox.
 */
@ApplicationScoped
public class Deliveries {

    static final String EMAIL = "EMAIL";
    static final String SMS = "SMS";
    static final String SMTP = "smtp";
    private static final int CLAIM_BATCH = 20;
    private static final Duration RECORD_RETRY = Duration.ofMillis(500);
    /** How soon to try again when every SMS provider is at its rate limit. */
    private static final Duration BUSY_WAIT = Duration.ofSeconds(1);

    private final ConsumedEvents consumedEvents;
    private final DirectoryCopy directory;
    private final AlertTemplates templates;
    private final Mailer mailer;
    private final SmsProviders sms;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final DeliveryConfig config;
    private final QuietHours quietHours;
    private final ActionLinks links;
    private final Clock clock;
    private final NotificationMetrics metrics;
    private final Tracer tracer;

    public Deliveries(ConsumedEvents consumedEvents, DirectoryCopy directory, AlertTemplates templates, Mailer mailer,
            SmsProviders sms, Outbox outbox, EntityManager entityManager, DeliveryConfig config,
            QuietHours quietHours, ActionLinks links, Clock clock, NotificationMetrics metrics, Tracer tracer) {
        this.metrics = metrics;
        this.tracer = tracer;
        this.consumedEvents = consumedEvents;
        this.directory = directory;
        this.templates = templates;
        this.mailer = mailer;
        this.sms = sms;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.config = config;
        this.quietHours = quietHours;
        this.links = links;
        this.clock = clock;
    }

    /** Queues the request unless its event or its notification key was seen before; true if queued. */
    @Transactional
    public boolean queue(String eventId, NotificationRequested request) {
        if (!consumedEvents.firstDelivery(eventId)
                || Notification.count("notificationKey", request.notificationKey()) > 0) {
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
        notification.status = NotificationStatus.QUEUED;
        notification.createdAt = clock.instant();
        notification.nextAttemptAt = notification.createdAt;
        notification.traceparent = TraceContext.current();
        notification.persist();
        return true;
    }

    /** Delivers every queued notification that is due; the sweep also catches those a crash left behind. */
    @Scheduled(every = "${rujukan.delivery.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sendDue() {
        List<UUID> claimed;
        do {
            claimed = QuarkusTransaction.requiringNew().call(this::claimDue);
            claimed.forEach(this::attempt);
        } while (claimed.size() == CLAIM_BATCH);
    }

    private List<UUID> claimDue() {
        Instant now = clock.instant();
        List<Notification> due = Notification.<Notification>find(
                "status = ?1 and nextAttemptAt <= ?2 order by nextAttemptAt", NotificationStatus.QUEUED, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, -2) // SKIP LOCKED
                .page(0, CLAIM_BATCH).list();
        for (Notification notification : due) {
            notification.attempts++;
            if (notification.firstAttemptAt == null) {
                notification.firstAttemptAt = now;
            }
            notification.nextAttemptAt = now.plus(config.attemptLease());
        }
        return due.stream().map(n -> n.id).toList();
    }

    private void attempt(UUID id) {
        Notification notification = QuarkusTransaction.requiringNew().call(() -> Notification.findById(id));
        // the trace of the request that queued it, however long it waited
        Span span = tracer.spanBuilder("deliver " + notification.channel)
                .setParent(TraceContext.of(notification.traceparent))
                .setAttribute("rujukan.notification.id", id.toString())
                .setAttribute("rujukan.referral.id", notification.referralId)
                .setAttribute("rujukan.notification.channel", notification.channel)
                .setAttribute("rujukan.notification.attempt", notification.attempts)
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            deliver(id, notification, span);
        } finally {
            span.end();
        }
    }

    private void deliver(UUID id, Notification notification, Span span) {
        try {
            AgencyPublished agency = directory.agency(notification.agencyId)
                    .orElseThrow(() -> new RetryableDeliveryException("agency " + notification.agencyId
                            + " not in this service's directory copy yet"));
            AgencyPublished.Contact contact = agency.contacts().stream()
                    .filter(c -> c.role().equals(notification.recipientRole)).findFirst()
                    .orElseThrow(() -> new PermanentDeliveryException("agency " + agency.agencyId() + " has no "
                            + notification.recipientRole));
            ZoneId zone = ZoneId.of(Optional.ofNullable(contact.timeZone()).orElse(agency.timeZone()));
            String provider;
            switch (notification.channel) {
                case EMAIL -> {
                    RenderedEmail email = templates.email(notification.template,
                            facts(notification, agency, contact), contact.language());
                    long started = System.nanoTime();
                    boolean handedOver = false;
                    try {
                        mailer.send(Mail.withText(contact.email(), email.subject(), email.body())
                                .addHeader("Message-ID", "<" + id + "@" + config.messageIdDomain() + ">"));
                        handedOver = true;
                    } finally {
                        metrics.handedOver(EMAIL, SMTP, Duration.ofNanos(System.nanoTime() - started), handedOver);
                    }
                    provider = SMTP;
                    recordSent(id, () -> markSent(id, contact.email(), email.templateVersion(), SMTP, null));
                }
                case SMS -> {
                    Optional<Instant> quietUntil = quietHours.deferUntil(notification.urgency, clock.instant(), zone);
                    if (quietUntil.isPresent()) {
                        span.addEvent("deferred: quiet hours");
                        QuarkusTransaction.requiringNew().run(() -> defer(id, quietUntil.get()));
                        return;
                    }
                    if (contact.phone() == null || contact.phone().isBlank()) {
                        throw new PermanentDeliveryException("the " + notification.recipientRole + " of "
                                + agency.agencyId() + " has no phone number");
                    }
                    RenderedSms text = templates.sms(notification.template, facts(notification, agency, contact),
                            contact.language());
                    SentSms sent = sms.send(contact.phone(), text.text());
                    provider = sent.provider();
                    recordSent(id, () -> markSent(id, contact.phone(), text.templateVersion(), sent.provider(),
                            sent.messageId()));
                }
                default -> throw new PermanentDeliveryException("channel " + notification.channel
                        + " is not supported");
            }
            span.setAttribute("rujukan.notification.provider", provider);
        } catch (UnknownTemplateException | PermanentDeliveryException | IllegalArgumentException e) {
            failSpan(span, e);
            QuarkusTransaction.requiringNew().run(() -> markFailed(id, e.getMessage()));
        } catch (ProvidersBusyException e) {
            span.addEvent("deferred: every SMS provider at its rate limit");
            QuarkusTransaction.requiringNew().run(() -> defer(id, clock.instant().plus(BUSY_WAIT)));
        } catch (RuntimeException e) {
            failSpan(span, e);
            String error = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> retryOrFail(id, error));
        }
    }

    private static void failSpan(Span span, RuntimeException e) {
        span.recordException(e);
        span.setStatus(StatusCode.ERROR, e.getMessage() == null ? e.getClass().getName() : e.getMessage());
    }

    /** A delivery receipt: the SMS reached the phone (delivered) or the network gave up on it (failed). */
    @Transactional
    void onReceipt(@Observes SmsReceipt receipt) {
        Notification notification = Notification.<Notification>find("provider = ?1 and providerMessageId = ?2",
                receipt.provider(), receipt.messageId()).firstResult();
        if (notification == null || notification.status != NotificationStatus.SENT) {
            return; // a receipt for a message we did not send, or a second receipt for one
        }
        if (receipt.delivered()) {
            notification.status = NotificationStatus.DELIVERED;
            notification.deliveredAt = clock.instant();
            publish(notification, EventTypes.NOTIFICATION_DELIVERED, null);
            metrics.outcome(notification.channel, notification.provider, Outcome.DELIVERED);
        } else {
            markFailed(notification, "not delivered: " + receipt.detail());
        }
    }

    private AlertFacts facts(Notification notification, AgencyPublished target, AgencyPublished.Contact contact) {
        String referringName = directory.agency(notification.referringAgencyId).map(AgencyPublished::name)
                .orElse(notification.referringAgencyId);
        return new AlertFacts(notification.template, notification.level, notification.referralId,
                notification.referralId.substring(0, 8).toUpperCase(Locale.ROOT), notification.category,
                notification.urgency, referringName, target.name(),
                Optional.ofNullable(contact.name()).orElse("Petugas"),
                links.issue(notification.referralId, notification.agencyId, notification.recipientRole));
    }

    /**
     * Records that the SMTP server or SMS provider has the message. It must not be sent again, so a database
     * that is away for a moment (a restart, a failover) is waited for, while this attempt's lease holds, rather
     * than the attempt counted as failed and retried, or the batch's lease left to run out; both would send it
     * twice. If the database stays away longer, the lease runs out and the message is sent again: delivery is
     * at least once, never lost.
     */
    private void recordSent(UUID id, Runnable markSent) {
        long giveUp = System.nanoTime() + config.attemptLease().dividedBy(2).toNanos();
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(markSent);
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

    private void markSent(UUID id, String address, String templateVersion, String provider, String messageId) {
        Notification notification = Notification.findById(id);
        notification.status = NotificationStatus.SENT;
        notification.sentAt = clock.instant();
        notification.recipientAddress = address;
        notification.templateVersion = templateVersion;
        notification.provider = provider;
        notification.providerMessageId = messageId;
        notification.nextAttemptAt = null;
        notification.lastError = null;
        publish(notification, EventTypes.NOTIFICATION_SENT, null);
        metrics.outcome(notification.channel, provider, Outcome.SENT);
        Log.infof("Notification %s for referral %s sent by %s (%s) to the %s of %s", notification.id,
                notification.referralId, notification.channel, provider, notification.recipientRole,
                notification.agencyId);
    }

    /** Not an attempt: the notification waits (quiet hours, providers busy) without using up its retries. */
    private void defer(UUID id, Instant until) {
        Notification notification = Notification.findById(id);
        notification.attempts--;
        if (notification.attempts == 0) {
            notification.firstAttemptAt = null;
        }
        notification.nextAttemptAt = until;
        notification.deferredUntil = until;
    }

    private void retryOrFail(UUID id, String error) {
        Notification notification = Notification.findById(id);
        Instant now = clock.instant();
        Duration backoff = config.initialBackoff().multipliedBy(1L << Math.min(notification.attempts - 1, 20));
        if (backoff.compareTo(config.maxBackoff()) > 0) {
            backoff = config.maxBackoff();
        }
        if (now.plus(backoff).isAfter(notification.firstAttemptAt.plus(config.retryFor()))) {
            markFailed(notification, error);
            return;
        }
        notification.lastError = error;
        notification.nextAttemptAt = now.plus(backoff);
        metrics.outcome(notification.channel, provider(notification), Outcome.RETRIED);
        Log.warnf("Notification %s attempt %d failed, next in %s: %s", notification.id, notification.attempts,
                backoff, error);
    }

    /** The provider to blame: the one that took it, the SMTP server, or none when no SMS provider took it. */
    private static String provider(Notification notification) {
        if (notification.provider != null) {
            return notification.provider;
        }
        return EMAIL.equals(notification.channel) ? SMTP : NotificationMetrics.NO_PROVIDER;
    }

    private void markFailed(UUID id, String error) {
        markFailed(Notification.<Notification>findById(id), error);
    }

    private void markFailed(Notification notification, String error) {
        notification.status = NotificationStatus.FAILED;
        notification.lastError = error;
        notification.nextAttemptAt = null;
        publish(notification, EventTypes.NOTIFICATION_FAILED, error);
        metrics.outcome(notification.channel, provider(notification), Outcome.FAILED);
        Log.errorf("Notification %s for referral %s failed after %d attempts: %s", notification.id,
                notification.referralId, notification.attempts, error);
        fallBack(notification);
    }

    /**
     * Queues the same alert to the same person on the other channel, under the key the request for that
     * channel would have had: if it was asked for already, or is itself the fallback, nothing is added.
     */
    private void fallBack(Notification failed) {
        String other = EMAIL.equals(failed.channel) ? SMS : EMAIL;
        String key = failed.notificationKey.endsWith(":" + failed.channel)
                ? failed.notificationKey.substring(0, failed.notificationKey.length() - failed.channel.length()) + other
                : failed.notificationKey + ":" + other;
        int added = entityManager.createNativeQuery("""
                insert into notification (id, notification_key, referral_id, agency_id, recipient_role, channel,
                    template, level, referring_agency_id, category, urgency, status, attempts, next_attempt_at,
                    created_at, traceparent)
                select ?1, ?2, referral_id, agency_id, recipient_role, ?3, template, level, referring_agency_id,
                    category, urgency, 'QUEUED', 0, ?4, ?4, traceparent
                from notification where id = ?5
                on conflict (notification_key) do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, key).setParameter(3, other)
                .setParameter(4, clock.instant()).setParameter(5, failed.id).executeUpdate();
        if (added == 1) {
            Log.infof("Notification %s failed by %s; falling back to %s", failed.id, failed.channel, other);
        }
    }

    private void publish(Notification notification, String type, String detail) {
        Instant at = clock.instant();
        outbox.add(Topics.NOTIFICATION_STATUS, notification.referralId, type,
                CloudEventAttributes.SOURCE_NOTIFICATION_SERVICE, CloudEventAttributes.SYSTEM, at,
                new NotificationStatusChanged(notification.notificationKey, notification.referralId,
                        notification.agencyId, notification.recipientRole, notification.channel,
                        notification.status.name(), notification.template, notification.templateVersion,
                        notification.provider, detail, at));
    }
}
