package id.rujukan.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.rujukan.infra.MailServer.ReceivedMail;
import id.rujukan.infra.SmsCenter.ReceivedSms;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local stack's page of every alert sent: the SMS the SMSC and the aggregator took and the email the
 * SMTP server took, newest first, links clickable ({@code /}), and the same as JSON ({@code /messages}), so
 * a person trying the system sees alerts arrive and can open them as an officer would.
 */
public final class AlertsPage implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<\"]+");

    private final HttpServer server;
    private final Supplier<List<ReceivedMail>> mails;
    private final Supplier<List<ReceivedSms>> sms;

    private AlertsPage(HttpServer server, Supplier<List<ReceivedMail>> mails, Supplier<List<ReceivedSms>> sms) {
        this.server = server;
        this.mails = mails;
        this.sms = sms;
    }

    /** Serves the page on {@code port} of the loopback interface. */
    public static AlertsPage start(int port, Supplier<List<ReceivedMail>> mails, Supplier<List<ReceivedSms>> sms) {
        HttpServer server = LoopbackHttp.create(port, "Alerts page");
        AlertsPage page = new AlertsPage(server, mails, sms);
        server.createContext("/messages", exchange -> respond(exchange, "application/json",
                JSON.writeValueAsString(Map.of("sms", page.sms.get(), "email", page.mails.get()))));
        server.createContext("/", exchange -> respond(exchange, "text/html; charset=utf-8", page.html()));
        server.start();
        return page;
    }

    private String html() {
        List<ReceivedSms> texts = sms.get().stream().sorted(Comparator.comparing(ReceivedSms::at).reversed()).toList();
        List<ReceivedMail> emails = mails.get();
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta http-equiv=\"refresh\" content=\"5\"><title>Rujukan: alerts sent</title>"
                + "<style>body{font-family:sans-serif;margin:1rem}article{border:1px solid #ccc;margin:.5rem 0;"
                + "padding:.5rem}pre{white-space:pre-wrap}</style></head><body><h1>Alerts sent</h1>");
        html.append("<h2>SMS (").append(texts.size()).append(")</h2>");
        for (ReceivedSms text : texts) {
            html.append("<article class=\"sms\"><strong>To ").append(escape(text.to())).append("</strong> from ")
                    .append(escape(text.from())).append(" · ").append(text.at()).append("<p>")
                    .append(linked(text.text())).append("</p></article>");
        }
        html.append("<h2>Email (").append(emails.size()).append(")</h2>");
        for (int i = emails.size() - 1; i >= 0; i--) {
            ReceivedMail mail = emails.get(i);
            html.append("<article class=\"email\"><strong>").append(escape(mail.subject())).append("</strong><br>To: ")
                    .append(escape(mail.to())).append(" · ").append(escape(mail.sentAt()))
                    .append("<pre>").append(linked(mail.body())).append("</pre></article>");
        }
        return html.append("</body></html>").toString();
    }

    private static String linked(String text) {
        Matcher link = LINK.matcher(escape(text));
        return link.replaceAll(match -> "<a href=\"" + match.group() + "\">" + match.group() + "</a>");
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
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
        server.stop(0);
    }
}
