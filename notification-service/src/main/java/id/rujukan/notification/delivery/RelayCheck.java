package id.rujukan.notification.delivery;

import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Asks the SMTP relay, in a session of its own, whether it refuses us: a certificate our trust store does not
 * accept, or a login it turns down. The Vert.x mail client does not always complete a send that fails after
 * STARTTLS (a certificate not trusted never does, a refused login sometimes does not): the attempt only times
 * out, and left at that every email would be retried for hours with nothing said. So when an email fails
 * without a reason, the relay is asked here with Angus Mail (Jakarta Mail), which reports both refusals as
 * such. The same settings as the mailer's are used ({@code quarkus.mailer.*} and its TLS configuration), and the
 * session ends with QUIT. Senders whose emails failed before a question was asked share its answer, so a burst
 * of timeouts asks once; a failure after it asks again, so an answer never outlives what it was asked about.
 */
@ApplicationScoped
class RelayCheck {

    private static final Logger LOG = Logger.getLogger(RelayCheck.class);

    /** Why the relay refuses us: {@code reason} is {@code tls} or {@code login}. */
    record Refusal(String reason, String detail) {
    }

    private final TlsConfigurationRegistry tls;
    private final String host;
    private final int port;
    private final String startTls;
    private final boolean implicitTls;
    private final String login;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Optional<String> tlsConfigurationName;
    private final String greetingName;
    private final Duration timeout;

    /** When the last question was asked, on {@link System#nanoTime()}: an order of events, not a time of day. */
    private long askedAt = Long.MIN_VALUE;
    private boolean asked;
    private Optional<Refusal> answer = Optional.empty();

    RelayCheck(TlsConfigurationRegistry tls,
            @ConfigProperty(name = "quarkus.mailer.host") String host,
            @ConfigProperty(name = "quarkus.mailer.port") int port,
            @ConfigProperty(name = "quarkus.mailer.start-tls", defaultValue = "OPTIONAL") String startTls,
            @ConfigProperty(name = "quarkus.mailer.tls") Optional<Boolean> implicitTls,
            @ConfigProperty(name = "quarkus.mailer.login", defaultValue = "NONE") String login,
            @ConfigProperty(name = "quarkus.mailer.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.mailer.password") Optional<String> password,
            @ConfigProperty(name = "quarkus.mailer.tls-configuration-name") Optional<String> tlsConfigurationName,
            @ConfigProperty(name = "quarkus.mailer.own-host-name") String greetingName,
            @ConfigProperty(name = "quarkus.mailer.timeout") Duration timeout) {
        this.tls = tls;
        this.host = host;
        this.port = port;
        this.startTls = startTls;
        // as the mailer does: a TLS configuration named and TLS not set means TLS from the first byte (SMTPS)
        this.implicitTls = implicitTls.orElse(tlsConfigurationName.isPresent());
        this.login = login;
        this.username = username;
        this.password = password;
        this.tlsConfigurationName = tlsConfigurationName;
        this.greetingName = greetingName;
        this.timeout = timeout;
    }

    /**
     * Whether the relay refuses us, for an email that failed at {@code failedAt} ({@link System#nanoTime()}): empty
     * when it takes our login over TLS as configured, or cannot be asked.
     */
    synchronized Optional<Refusal> refusal(long failedAt) {
        if (!asked || askedAt - failedAt < 0) {
            asked = true;
            askedAt = System.nanoTime();
            answer = ask();
        }
        return answer;
    }

    private Optional<Refusal> ask() {
        String protocol = implicitTls ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        Properties settings = new Properties();
        settings.setProperty(prefix + "host", host);
        settings.setProperty(prefix + "port", Integer.toString(port));
        settings.setProperty(prefix + "localhost", greetingName);
        settings.setProperty(prefix + "connectiontimeout", Long.toString(timeout.toMillis()));
        settings.setProperty(prefix + "timeout", Long.toString(timeout.toMillis()));
        settings.setProperty(prefix + "writetimeout", Long.toString(timeout.toMillis()));
        settings.setProperty(prefix + "starttls.enable", Boolean.toString(!implicitTls && !"DISABLED".equals(startTls)));
        settings.setProperty(prefix + "starttls.required", Boolean.toString(!implicitTls && "REQUIRED".equals(startTls)));
        settings.setProperty(prefix + "ssl.checkserveridentity", "true");
        boolean logsIn = !"DISABLED".equals(login) && username.isPresent();
        settings.setProperty(prefix + "auth", Boolean.toString(logsIn));
        try {
            Optional<TlsConfiguration> configuration = TlsConfiguration.from(tls, tlsConfigurationName);
            SSLContext context = configuration.isPresent() ? configuration.get().createSSLContext()
                    : SSLContext.getDefault();
            settings.put(prefix + "ssl.socketFactory", context.getSocketFactory());
        } catch (Exception e) {
            return Optional.of(new Refusal("tls", "the TLS configuration cannot be used: " + e.getMessage()));
        }
        try (Transport transport = Session.getInstance(settings).getTransport(protocol)) {
            transport.connect(host, port, logsIn ? username.get() : null, logsIn ? password.orElse("") : null);
            return Optional.empty();
        } catch (AuthenticationFailedException e) {
            return Optional.of(new Refusal("login", String.valueOf(e.getMessage()).strip()));
        } catch (MessagingException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SSLException) {
                    return Optional.of(new Refusal("tls", cause.getMessage()));
                }
            }
            if (String.valueOf(e.getMessage()).contains("STARTTLS is required")) {
                return Optional.of(new Refusal("tls", e.getMessage()));
            }
            // away, slow, or refusing for a reason of the moment: retrying is right
            LOG.debugf("the SMTP relay could not be asked: %s", e.getMessage());
            return Optional.empty();
        }
    }
}
