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
import id.rujukan.notification.template.AlertFacts;
import id.rujukan.notification.template.AlertTemplates;
import id.rujukan.notification.template.RenderedEmail;
import id.rujukan.notification.template.UnknownTemplateException;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.jpa.SpecHints;

/**
 * Queues notifications and delivers them. Every attempt is claimed in the database first (a lease, with
 * {@code FOR UPDATE SKIP LOCKED}), so that neither a second replica nor the retry sweep can send the same
 * notification at the same time; a failed attempt is retried with exponential backoff until the attempts
 * run out, and then the notification is marked failed and the failure published.
 */
@ApplicationScoped
public class Deliveries {

    static final String EMAIL = "EMAIL";
    private static final int CLAIM_BATCH = 20;

    private final ConsumedEvents consumedEvents;
    private final DirectoryCopy directory;
    private final AlertTemplates templates;
    private final Mailer mailer;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final DeliveryConfig config;

    public Deliveries(ConsumedEvents consumedEvents, DirectoryCopy directory, AlertTemplates templates, Mailer mailer,
            Outbox outbox, EntityManager entityManager, DeliveryConfig config) {
        this.consumedEvents = consumedEvents;
        this.directory = directory;
        this.templates = templates;
        this.mailer = mailer;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.config = config;
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
        notification.createdAt = Instant.now();
        notification.nextAttemptAt = notification.createdAt;
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
        Instant now = Instant.now();
        List<Notification> due = Notification.<Notification>find(
                "status = ?1 and nextAttemptAt <= ?2 order by nextAttemptAt", NotificationStatus.QUEUED, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, -2) // SKIP LOCKED
                .page(0, CLAIM_BATCH).list();
        for (Notification notification : due) {
            notification.attempts++;
            notification.nextAttemptAt = now.plus(config.attemptLease());
        }
        return due.stream().map(n -> n.id).toList();
    }

    private void attempt(UUID id) {
        Notification notification = QuarkusTransaction.requiringNew().call(() -> Notification.findById(id));
        try {
            AgencyPublished agency = directory.agency(notification.agencyId)
                    .orElseThrow(() -> new RetryableDeliveryException("agency " + notification.agencyId
                            + " not in this service's directory copy yet"));
            AgencyPublished.Contact contact = agency.contacts().stream()
                    .filter(c -> c.role().equals(notification.recipientRole)).findFirst()
                    .orElseThrow(() -> new RetryableDeliveryException("agency " + agency.agencyId() + " has no "
                            + notification.recipientRole));
            if (!EMAIL.equals(notification.channel)) {
                throw new PermanentDeliveryException("channel " + notification.channel + " is not supported");
            }
            RenderedEmail email = templates.email(notification.template, facts(notification, agency, contact));
            mailer.send(Mail.withText(contact.email(), email.subject(), email.body()));
            QuarkusTransaction.requiringNew().run(() -> markSent(id, contact.email(), email.templateVersion()));
        } catch (UnknownTemplateException | PermanentDeliveryException e) {
            QuarkusTransaction.requiringNew().run(() -> markFailed(id, e.getMessage()));
        } catch (RuntimeException e) {
            String error = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> retryOrFail(id, error));
        }
    }

    private AlertFacts facts(Notification notification, AgencyPublished target, AgencyPublished.Contact contact) {
        String referringName = directory.agency(notification.referringAgencyId).map(AgencyPublished::name)
                .orElse(notification.referringAgencyId);
        return new AlertFacts(notification.template, notification.level, notification.referralId,
                notification.referralId.substring(0, 8).toUpperCase(Locale.ROOT), notification.category,
                notification.urgency, referringName, target.name(),
                Optional.ofNullable(contact.name()).orElse("Petugas"),
                config.referralLinkBase() + notification.referralId);
    }

    private void markSent(UUID id, String address, String templateVersion) {
        Notification notification = Notification.findById(id);
        notification.status = NotificationStatus.SENT;
        notification.sentAt = Instant.now();
        notification.recipientAddress = address;
        notification.templateVersion = templateVersion;
        notification.nextAttemptAt = null;
        notification.lastError = null;
        publish(notification, EventTypes.NOTIFICATION_SENT, null);
        Log.infof("Notification %s for referral %s sent by %s to the %s of %s", notification.id,
                notification.referralId, notification.channel, notification.recipientRole, notification.agencyId);
    }

    private void retryOrFail(UUID id, String error) {
        Notification notification = Notification.findById(id);
        if (notification.attempts >= config.maxAttempts()) {
            markFailed(notification, error);
            return;
        }
        Duration backoff = config.initialBackoff().multipliedBy(1L << Math.min(notification.attempts - 1, 20));
        if (backoff.compareTo(config.maxBackoff()) > 0) {
            backoff = config.maxBackoff();
        }
        notification.lastError = error;
        notification.nextAttemptAt = Instant.now().plus(backoff);
        Log.warnf("Notification %s attempt %d failed, next in %s: %s", notification.id, notification.attempts,
                backoff, error);
    }

    private void markFailed(UUID id, String error) {
        markFailed(Notification.<Notification>findById(id), error);
    }

    private void markFailed(Notification notification, String error) {
        notification.status = NotificationStatus.FAILED;
        notification.lastError = error;
        notification.nextAttemptAt = null;
        publish(notification, EventTypes.NOTIFICATION_FAILED, error);
        Log.errorf("Notification %s for referral %s failed after %d attempts: %s", notification.id,
                notification.referralId, notification.attempts, error);
    }

    private void publish(Notification notification, String type, String detail) {
        Instant at = Instant.now();
        outbox.add(Topics.NOTIFICATION_STATUS, notification.referralId, type,
                CloudEventAttributes.SOURCE_NOTIFICATION_SERVICE, CloudEventAttributes.SYSTEM, at,
                new NotificationStatusChanged(notification.notificationKey, notification.referralId,
                        notification.agencyId, notification.recipientRole, notification.channel,
                        notification.status.name(), notification.template, notification.templateVersion, detail, at));
    }
}
