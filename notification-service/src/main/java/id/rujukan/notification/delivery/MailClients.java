package id.rujukan.notification.delivery;

import io.quarkus.mailer.SentMail;
import io.quarkus.mailer.runtime.MailerSupport;
import io.quarkus.mailer.runtime.Mailers;
import io.quarkus.mailer.runtime.MailersRuntimeConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The mail client {@link EmailChannel} sends through, and a new one in its place after a send that ended without
 * an answer from the relay. After the relay restarts, or refuses or drops a connection, the Vert.x mail client
 * has been seen to leave later sends waiting without end (it has no timeout of its own for a relay's reply; see
 * {@link EmailChannel}): an email channel that looks up and delivers nothing. A client that
 * has let down one send is therefore not trusted with the next. The clients are built by the Quarkus mailer's
 * own {@link Mailers}, so they have exactly the {@code quarkus.mailer.*} settings and TLS configuration the
 * injected client would have had.
 */
@ApplicationScoped
class MailClients {

    private static final Logger LOG = Logger.getLogger(MailClients.class);

    private final Supplier<Mailers> build;
    private final io.vertx.core.Vertx vertx;
    /** How long a replaced client is kept open, so sends it has under way can still end with the relay's answer. */
    private final Duration grace;
    private volatile Mailers current;

    MailClients(io.vertx.core.Vertx vertx, io.vertx.mutiny.core.Vertx mutinyVertx, MailersRuntimeConfig config,
            TlsConfigurationRegistry tls, Event<SentMail> sent,
            @ConfigProperty(name = "quarkus.mailer.timeout") Duration timeout) {
        this.vertx = vertx;
        this.grace = timeout.multipliedBy(2);
        // the default mailer only: the extension would have seen no injection point asking for it, as none does
        MailerSupport defaultOnly = new MailerSupport(true, Set.of());
        this.build = () -> new Mailers(vertx, mutinyVertx, config, LaunchMode.current(), defaultOnly, tls, sent);
        this.current = build.get();
    }

    MailClient client() {
        return current.reactiveMailClientFromName(Mailers.DEFAULT_MAILER_NAME);
    }

    /**
     * Puts a new client in place of {@code failed}, unless another sender already has: a burst of failures on one
     * client replaces it once.
     */
    synchronized void replace(MailClient failed, String why) {
        Mailers old = current;
        if (old.reactiveMailClientFromName(Mailers.DEFAULT_MAILER_NAME) != failed) {
            return;
        }
        current = build.get();
        LOG.warnf("A send through the mail client ended without an answer from the relay (%s); later emails go "
                + "through a new client", why);
        vertx.setTimer(grace.toMillis(), ignored -> old.stop());
    }

    @PreDestroy
    void close() {
        current.stop();
    }
}
