package id.rujukan.infra.testing;

import id.rujukan.infra.MailServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A real SMTP server (GreenMail) for a service's tests; Quarkus Mailer talks to it for real. */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    private static MailServer server;

    /** The running server, to read what was received. */
    public static MailServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = MailServer.start(0);
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(server.smtpPort()));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
