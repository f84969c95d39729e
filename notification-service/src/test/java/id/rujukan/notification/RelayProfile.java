package id.rujukan.notification;

import id.rujukan.infra.MailRelay;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.Map;

/**
 * The service mailing through a relay as offices run them (STARTTLS required, AUTH required, its own certificate),
 * configured as k8s/ configures production: STARTTLS and login required, the relay's certificate in a trust
 * store, the account's name and password.
 */
public class RelayProfile implements QuarkusTestProfile {

    public static final String USER = "rujukan-alerts";
    public static final String PASSWORD = "relay-password-for-tests";
    private static MailRelay relay;

    public static synchronized MailRelay relay() {
        if (relay == null) {
            try {
                relay = MailRelay.start(Path.of("target", "mail-relay"), USER, PASSWORD);
            } catch (Exception e) {
                throw new IllegalStateException("The mail relay did not start", e);
            }
        }
        return relay;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        MailRelay relay = relay();
        return Map.ofEntries(
                Map.entry("quarkus.mailer.host", "localhost"),
                Map.entry("quarkus.mailer.port", Integer.toString(relay.port())),
                Map.entry("quarkus.mailer.start-tls", "REQUIRED"),
                Map.entry("quarkus.mailer.login", "REQUIRED"),
                Map.entry("quarkus.mailer.username", USER),
                Map.entry("quarkus.mailer.password", PASSWORD),
                Map.entry("quarkus.mailer.tls-configuration-name", "relay"),
                // a TLS configuration alone turns TLS on from the first byte (SMTPS); this relay upgrades by STARTTLS
                Map.entry("quarkus.mailer.tls", "false"),
                // short, so that a test sees an idle connection closed
                Map.entry("quarkus.mailer.keep-alive-timeout", "2S"),
                Map.entry("quarkus.tls.relay.trust-store.pem.certs",
                        relay.trustedCertificate().toAbsolutePath().toString()));
    }
}
