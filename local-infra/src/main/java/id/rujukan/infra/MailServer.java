package id.rujukan.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A real SMTP server (GreenMail) that keeps every message it receives, with an optional inbox page
 * ({@code /}) and JSON listing ({@code /messages}) so a person trying the stack can read what was sent.
 */
public final class MailServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int smtpPort;
    private volatile GreenMail greenMail;
    private HttpServer inbox;

    private MailServer(GreenMail greenMail, int smtpPort) {
        this.greenMail = greenMail;
        this.smtpPort = smtpPort;
    }

    /** Starts SMTP on {@code smtpPort} (0 picks a free one) on the loopback interface. */
    public static MailServer start(int smtpPort) {
        int port = smtpPort == 0 ? FreePorts.find() : smtpPort;
        return new MailServer(smtpOn(port), port);
    }

    private static GreenMail smtpOn(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    /** Serves the inbox page on {@code httpPort}. */
    public MailServer withInboxPage(int httpPort) throws IOException {
        inbox = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 0);
        inbox.createContext("/messages", exchange -> respond(exchange, "application/json", messagesJson()));
        inbox.createContext("/", exchange -> respond(exchange, "text/html; charset=utf-8", inboxHtml()));
        inbox.start();
        return this;
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** Every message received so far, oldest first. */
    public List<ReceivedMail> received() {
        List<ReceivedMail> mails = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                mails.add(new ReceivedMail(
                        Arrays.stream(message.getAllRecipients()).map(Address::toString).collect(Collectors.joining(", ")),
                        message.getSubject(),
                        GreenMailUtil.getBody(message),
                        message.getSentDate() == null ? "" : message.getSentDate().toInstant().toString()));
            } catch (MessagingException e) {
                throw new IllegalStateException("Unreadable message in the mail server", e);
            }
        }
        return mails;
    }

    /** Stops accepting mail, as an unreachable SMTP server would; {@link #resume()} brings it back. */
    public void suspend() {
        greenMail.stop();
    }

    /** Accepts mail again on the same port; what was received before the suspension is gone. */
    public void resume() {
        greenMail = smtpOn(smtpPort);
    }

    private String messagesJson() throws IOException {
        return JSON.writeValueAsString(received());
    }

    private String inboxHtml() {
        List<ReceivedMail> mails = received();
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta http-equiv=\"refresh\" content=\"5\"><title>Rujukan local inbox</title>"
                + "<style>body{font-family:sans-serif;margin:1rem}article{border:1px solid #ccc;margin:.5rem 0;"
                + "padding:.5rem}pre{white-space:pre-wrap}</style></head><body>"
                + "<h1>Rujukan local inbox</h1><p>" + mails.size() + " message(s); newest first.</p>");
        for (int i = mails.size() - 1; i >= 0; i--) {
            ReceivedMail mail = mails.get(i);
            html.append("<article><strong>").append(Html.escape(mail.subject())).append("</strong><br>To: ")
                    .append(Html.escape(mail.to())).append(" · ").append(Html.escape(mail.sentAt()))
                    .append("<pre>").append(Html.escape(mail.body())).append("</pre></article>");
        }
        return html.append("</body></html>").toString();
    }

    private static void respond(HttpExchange exchange, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        if (inbox != null) {
            inbox.stop(0);
        }
        greenMail.stop();
    }

    /** One message as the inbox shows it. */
    public record ReceivedMail(String to, String subject, String body, String sentAt) {
    }

    private static final class Html {
        static String escape(String text) {
            return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    .replace("\"", "&quot;");
        }
    }

}
