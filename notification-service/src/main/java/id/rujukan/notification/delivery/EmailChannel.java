package id.rujukan.notification.delivery;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.notification.metrics.NotificationMetrics;
import id.rujukan.notification.template.AlertFacts;
import id.rujukan.notification.template.AlertTemplates;
import id.rujukan.notification.template.RenderedEmail;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;

/** Alerts by email: rendered in the recipient's language and handed to the SMTP server. */
@ApplicationScoped
class EmailChannel {

    static final String EMAIL = "EMAIL";
    static final String SMTP = "smtp";

    private final AlertTemplates templates;
    private final Mailer mailer;
    private final DeliveryConfig config;
    private final NotificationMetrics metrics;

    EmailChannel(AlertTemplates templates, Mailer mailer, DeliveryConfig config, NotificationMetrics metrics) {
        this.templates = templates;
        this.mailer = mailer;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Sends the email; every attempt of one notification carries the same {@code Message-ID}, so a mail store
     * can tell a resend after a crash from a new alert.
     */
    HandedOver send(UUID id, Notification notification, AgencyPublished.Contact contact, AlertFacts facts) {
        RenderedEmail email = templates.email(notification.template, facts, contact.language());
        long started = System.nanoTime();
        boolean handedOver = false;
        try {
            mailer.send(Mail.withText(contact.email(), email.subject(), email.body())
                    .addHeader("Message-ID", "<" + id + "@" + config.messageIdDomain() + ">"));
            handedOver = true;
        } finally {
            metrics.handedOver(EMAIL, SMTP, Duration.ofNanos(System.nanoTime() - started), handedOver);
        }
        return new HandedOver(contact.email(), email.templateVersion(), SMTP, null);
    }
}
