package id.rujukan.notification.delivery;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.notification.metrics.NotificationMetrics;
import id.rujukan.notification.template.AlertFacts;
import id.rujukan.notification.template.AlertTemplates;
import id.rujukan.notification.template.RenderedEmail;
import io.vertx.core.MultiMap;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Alerts by email: rendered in the recipient's language and handed to the SMTP relay through a Vert.x mail client
 * that the Quarkus mailer configures ({@code quarkus.mailer.*}), replaced after a send that got no answer from the
 * relay ({@link MailClients}). The message is built here rather than as a
 * Quarkus {@code Mail}, whose empty Cc list becomes an empty {@code Cc:} header (RFC 5322 forbids it, and relays
 * and spam filters hold it against the message).
 */
@ApplicationScoped
class EmailChannel {

    static final String EMAIL = "EMAIL";
    static final String SMTP = "smtp";

    private final AlertTemplates templates;
    private final MailClients mailers;
    private final DeliveryConfig config;
    private final NotificationMetrics metrics;
    private final RelayCheck relay;
    private final String from;
    private final Duration timeout;

    EmailChannel(AlertTemplates templates, MailClients mailers, DeliveryConfig config, NotificationMetrics metrics,
            RelayCheck relay, @ConfigProperty(name = "quarkus.mailer.from") String from,
            @ConfigProperty(name = "quarkus.mailer.timeout") Duration timeout) {
        this.templates = templates;
        this.mailers = mailers;
        this.config = config;
        this.metrics = metrics;
        this.relay = relay;
        this.from = from;
        this.timeout = timeout;
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
            MailMessage message = new MailMessage().setFrom(from).setTo(List.of(contact.email()))
                    .setSubject(email.subject()).setText(email.body())
                    .setHeaders(MultiMap.caseInsensitiveMultiMap()
                            .add("Message-ID", "<" + id + "@" + config.messageIdDomain() + ">")
                            // the client states a charset only for text that is not plain ASCII; say it always
                            .add("Content-Type", "text/plain; charset=UTF-8"));
            MailClient mailer = mailers.client();
            try {
                // the Quarkus mailer keeps quarkus.mailer.timeout for its blocking API and does not give it to the
                // Vert.x client, which then waits for a relay's reply without end: this is the send's only limit
                mailer.sendMail(message).await().atMost(timeout);
            } catch (RuntimeException e) {
                long failedAt = System.nanoTime();
                if (!answeredByRelay(e)) {
                    mailers.replace(mailer, String.valueOf(e));
                }
                throw refusal(e, failedAt);
            }
            handedOver = true;
        } finally {
            metrics.handedOver(EMAIL, SMTP, Duration.ofNanos(System.nanoTime() - started), handedOver);
        }
        return new HandedOver(contact.email(), email.templateVersion(), SMTP, null);
    }

    /** Whether the send ended with an SMTP reply, rather than a connection lost, refused or never answered. */
    private static boolean answeredByRelay(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A relay we cannot speak TLS with, or that refuses our login, will refuse every email until an operator acts:
     * retrying for hours would only hide it. Such an email fails at once (its alert goes by SMS instead), the
     * reason says which, and {@code rujukan.smtp.relay.refused} counts it for the operators' alert. The mail
     * client says so itself only sometimes (see {@link RelayCheck}); any other failure asks the relay. Anything
     * else (a relay away, a timeout) is worth a retry.
     */
    private RuntimeException refusal(RuntimeException e, long failedAt) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return refused(new RelayCheck.Refusal("tls", cause.getMessage()));
            }
            String message = String.valueOf(cause.getMessage());
            if (message.contains("AUTH") && message.matches("(?s).*\\b53[45]\\b.*")) {
                return refused(new RelayCheck.Refusal("login", message));
            }
        }
        return relay.refusal(failedAt).<RuntimeException>map(this::refused).orElse(e);
    }

    private PermanentDeliveryException refused(RelayCheck.Refusal refusal) {
        metrics.relayRefused(refusal.reason());
        return new PermanentDeliveryException("tls".equals(refusal.reason())
                ? "TLS with the SMTP relay failed (check quarkus.mailer.tls, .start-tls and .tls-configuration-name's "
                        + "trust store): " + refusal.detail()
                : "the SMTP relay refused the login (check quarkus.mailer.username and password): " + refusal.detail());
    }
}
