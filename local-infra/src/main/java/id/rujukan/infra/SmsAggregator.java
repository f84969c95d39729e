package id.rujukan.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMS aggregator's HTTP API, as Indonesian agencies buy SMS through: {@code POST /api/v1/messages} with
 * a JSON body ({@code sender}, {@code to}, {@code text}) and {@code Authorization: Bearer <api key>},
 * answering {@code {"messageId": ..., "status": "ACCEPTED"}}. It can be made to fail (503) like an
 * aggregator having a bad day.
 */
public final class SmsAggregator implements AutoCloseable {

    public static final String PATH = "/api/v1/messages";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String apiKey;
    private final List<SmsCenter.ReceivedSms> received = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    private SmsAggregator(HttpServer server, String apiKey) {
        this.server = server;
        this.apiKey = apiKey;
    }

    /** Serves the API on {@code port} (0 picks a free one) on the loopback interface. */
    public static SmsAggregator start(int port, String apiKey) {
        HttpServer server = LoopbackHttp.create(port, "SMS aggregator");
        SmsAggregator aggregator = new SmsAggregator(server, apiKey);
        server.createContext(PATH, aggregator::handle);
        server.start();
        return aggregator;
    }

    /** Where its API is, e.g. {@code http://127.0.0.1:8090/api/v1/messages}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** Every message accepted so far, oldest first. */
    public List<SmsCenter.ReceivedSms> received() {
        return List.copyOf(received);
    }

    /** While true, every request is answered 503. */
    public void failing(boolean failing) {
        this.failing = failing;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "{\"error\":\"POST only\"}");
            } else if (!("Bearer " + apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "{\"error\":\"invalid api key\"}");
            } else if (failing) {
                respond(exchange, 503, "{\"error\":\"temporarily unavailable\"}");
            } else {
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                if (!body.hasNonNull("to") || !body.hasNonNull("text")) {
                    respond(exchange, 400, "{\"error\":\"to and text are required\"}");
                    return;
                }
                String messageId = UUID.randomUUID().toString();
                received.add(new SmsCenter.ReceivedSms(messageId, body.path("sender").asText(),
                        body.get("to").asText(), body.get("text").asText(), Instant.now()));
                respond(exchange, 200, JSON.writeValueAsString(
                        JSON.createObjectNode().put("messageId", messageId).put("status", "ACCEPTED")));
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
