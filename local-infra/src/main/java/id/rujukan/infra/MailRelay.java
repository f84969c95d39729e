package id.rujukan.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;

/**
 * An SMTP relay as office relays are set up: it offers STARTTLS with its own certificate and takes mail only
 * over TLS and after AUTH (subethasmtp; GreenMail offers neither). Its certificate is made at start with the
 * JDK's keytool.
 */
public final class MailRelay implements AutoCloseable {

    private static final String TRUSTED = "relay";
    private static final String STORE_PASSWORD = "relay-store";

    private final SMTPServer server;
    private final Path trustedCertificate;
    private final String username;
    private final List<RelayedMail> received = new CopyOnWriteArrayList<>();
    private final String password;

    /** A message as the relay took it: over TLS or not, by whom, and its raw text. */
    public record RelayedMail(boolean tls, String user, String from, String to, String data) {
    }

    private MailRelay(Path directory, int port, String username, String password) throws Exception {
        this.username = username;
        this.password = password;
        Path keystore = directory.resolve("relay.p12");
        Files.deleteIfExists(keystore);
        keytool("-genkeypair", "-alias", TRUSTED, "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore",
                keystore.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        trustedCertificate = directory.resolve("relay.pem");
        Files.deleteIfExists(trustedCertificate);
        keytool("-exportcert", "-rfc", "-alias", TRUSTED, "-keystore", keystore.toString(), "-storepass",
                STORE_PASSWORD, "-file", trustedCertificate.toString());

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, STORE_PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);

        server = SMTPServer.port(port).hostName("relay.rujukan.test").enableTLS().requireTLS().requireAuth()
                .startTlsSocketFactory(tls)
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, given, context) -> {
                    if (!this.username.equals(user) || !this.password.equals(given)) {
                        throw new LoginFailedException("535 5.7.8 Authentication credentials invalid");
                    }
                }))
                .messageHandler((context, from, to, data) -> received.add(new RelayedMail(
                        ((Session) context).isTLSStarted(),
                        context.getAuthenticationHandler().map(h -> String.valueOf(h.getIdentity())).orElse(null),
                        from, to, new String(data, StandardCharsets.UTF_8))))
                .build();
        server.start();
    }

    /**
     * Starts the relay on a free port; its trusted certificate is written to {@code directory} as
     * {@code relay.pem} for the client's trust store.
     */
    public static MailRelay start(Path directory, String username, String password) throws Exception {
        Files.createDirectories(directory);
        return new MailRelay(directory, FreePorts.find(), username, password);
    }

    public int port() {
        return server.getPortAllocated();
    }

    /** The certificate a client must trust (PEM). */
    public Path trustedCertificate() {
        return trustedCertificate;
    }

    /** Every message taken so far. */
    public List<RelayedMail> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop();
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("keytool " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
