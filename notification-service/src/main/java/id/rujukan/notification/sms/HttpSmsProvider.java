package id.rujukan.notification.sms;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An SMS aggregator's HTTP API, as configured: endpoint, credentials (bearer key or basic), a body template
 * and where the message id is in the answer. Any answer but a 2xx with a message id is a failure.
 */
final class HttpSmsProvider implements SmsProvider {

    private final String name;
    private final SmsConfig.Http config;
    private final String senderId;
    private final Template body;
    private final ObjectMapper json;
    private final HttpClient client;
    private final UnaryOperator<String> escape;

    HttpSmsProvider(String name, SmsConfig.Http config, String senderId, Engine qute, ObjectMapper json) {
        this.name = name;
        this.config = config;
        this.senderId = senderId;
        this.body = qute.parse(config.body());
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        this.escape = config.contentType().equals("application/json")
                ? value -> new String(JsonStringEncoder.getInstance().quoteAsString(value))
                : value -> URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String submit(String to, String text) {
        String payload = body.data(Map.of("sender", escape.apply(senderId), "to", escape.apply(to), "text",
                escape.apply(text))).render();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.endpoint())).timeout(config.timeout())
                .header("Content-Type", config.contentType()).POST(HttpRequest.BodyPublishers.ofString(payload));
        config.apiKey().ifPresent(key -> request.header("Authorization", "Bearer " + key));
        if (config.username().isPresent()) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (config.username().get() + ":" + config.password().orElse("")).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SmsProviderException(name + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsProviderException(name + " interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new SmsProviderException(name + " answered HTTP " + response.statusCode());
        }
        try {
            JsonNode id = json.readTree(response.body()).at(config.messageIdPointer());
            if (id.isMissingNode() || id.asText().isBlank()) {
                throw new SmsProviderException(name + " answered without a message id at " + config.messageIdPointer());
            }
            return id.asText();
        } catch (IOException e) {
            throw new SmsProviderException(name + " answered unreadable JSON", e);
        }
    }

    @Override
    public void close() {
        // nothing held open between requests
    }
}
