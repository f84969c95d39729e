package id.rujukan.infra;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;
import org.subethamail.smtp.server.SessionHandler;

/**
 * An SMTP relay as office relays are set up: it offers STARTTLS with its own certificate and takes mail only
 * over TLS and after AUTH (subethasmtp; GreenMail offers neither). Its certificates are made at start with the
 * JDK's keytool. A test can change what its admin would: the password, and the certificate it presents.
 */
public final class MailRelay implements AutoCloseable {

    private static final String TRUSTED = "relay";
    private static final String STORE_PASSWORD = "relay-store";

    private final SMTPServer server;
    private final Path trustedCertificate;
    private final String username;
    private final List<RelayedMail> received = new CopyOnWriteArrayList<>();
    private final List<EndedSession> ended = new CopyOnWriteArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
    private final SSLContext trusted;
    private final SSLContext stranger;
    private volatile String password;
    private volatile boolean presentsStranger;

    /** A message as the relay took it: in which session, over TLS or not, by whom, and its raw text. */
    public record RelayedMail(String session, boolean tls, String user, String from, String to, String data) {
    }

    /** A client's session as it ended: over TLS or not, and whether the client said QUIT or just went. */
    public record EndedSession(String session, boolean tls, boolean quit) {
    }

    private MailRelay(Path directory, int port, String username, String password) throws Exception {
        this.username = username;
        this.password = password;
        trusted = tls(directory, TRUSTED);
        stranger = tls(directory, "stranger");
        trustedCertificate = directory.resolve("relay.pem");
        Files.deleteIfExists(trustedCertificate);
        keytool("-exportcert", "-rfc", "-alias", TRUSTED, "-keystore", directory.resolve(TRUSTED + ".p12").toString(),
                "-storepass", STORE_PASSWORD, "-file", trustedCertificate.toString());

        server = SMTPServer.port(port).hostName("relay.rujukan.test").enableTLS().requireTLS().requireAuth()
                .startTlsSocketFactory(this::startTls)
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, given, context) -> {
                    if (!this.username.equals(user) || !this.password.equals(given)) {
                        throw new LoginFailedException("535 5.7.8 Authentication credentials invalid");
                    }
                }))
                .messageHandler((context, from, to, data) -> received.add(new RelayedMail(
                        ((Session) context).getSessionId(), ((Session) context).isTLSStarted(),
                        context.getAuthenticationHandler().map(h -> String.valueOf(h.getIdentity())).orElse(null),
                        from, to, new String(data, StandardCharsets.UTF_8))))
                .sessionHandler(new SessionHandler() {
                    @Override
                    public SessionAcceptance accept(Session session) {
                        sessions.add(session);
                        open.incrementAndGet();
                        return SessionAcceptance.success();
                    }

                    @Override
                    public void onSessionEnd(Session session) {
                        ended.add(new EndedSession(session.getSessionId(), session.isTLSStarted(), quitting(session)));
                        sessions.remove(session);
                        open.decrementAndGet();
                    }
                })
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

    /** The relay's admin changes the account's password: logins with the old one are refused (535). */
    public void password(String password) {
        this.password = password;
    }

    /**
     * The relay's admin installs a certificate of another name, one no client was given (or back, with
     * {@code false}, the one {@link #trustedCertificate()} holds).
     */
    public void presentUntrustedCertificate(boolean untrusted) {
        presentsStranger = untrusted;
    }

    /**
     * Closes every client's connection, as a relay restarted by its admin does. A client that failed to log in or
     * to start TLS may never close its connection itself (the Vert.x mail client sometimes does not): a test that
     * changed the relay ends with this, so that the next one meets a relay no earlier client is still connected
     * to.
     */
    public void dropSessions() {
        for (Session session : sessions) {
            try {
                session.closeSocket();
            } catch (IOException e) {
                // already closed by the client: the session ends all the same
            }
        }
    }

    /** How many clients are connected now. */
    public int openSessions() {
        return open.get();
    }

    /** Every session that has ended so far, oldest first. */
    public List<EndedSession> endedSessions() {
        return List.copyOf(ended);
    }

    /**
     * Whether the client ended the session with QUIT. subethasmtp keeps this only in a private field (its QUIT
     * command sets it), and a test of a client's manners needs it, so it is read here by reflection.
     */
    private static boolean quitting(Session session) {
        try {
            Field quitting = Session.class.getDeclaredField("quitting");
            quitting.setAccessible(true);
            return quitting.getBoolean(session);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("subethasmtp's Session changed; see MailRelay.quitting", e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    private SSLSocket startTls(Socket plain) throws IOException {
        InetSocketAddress client = (InetSocketAddress) plain.getRemoteSocketAddress();
        SSLSocket upgraded = (SSLSocket) (presentsStranger ? stranger : trusted).getSocketFactory()
                .createSocket(plain, client.getHostString(), plain.getPort(), true);
        upgraded.setUseClientMode(false);
        return upgraded;
    }

    /** A key pair made with keytool for localhost, and a server TLS context presenting it. */
    private static SSLContext tls(Path directory, String alias) throws Exception {
        Path keystore = directory.resolve(alias + ".p12");
        Files.deleteIfExists(keystore);
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore",
                keystore.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, STORE_PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        return tls;
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
