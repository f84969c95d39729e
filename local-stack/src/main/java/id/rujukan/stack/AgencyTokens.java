package id.rujukan.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Agency systems' tokens from the local stack's Keycloak, as an agency's system gets them: the
 * client-credentials grant of the agency's client with its dev secret from the realm file
 * ({@code dev-secret-<agency id>}). Each is kept for four minutes (they live five), for the benchmark and
 * the fault run.
 */
public final class AgencyTokens {

    private static final Duration RENEW_AFTER = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    /** @param keycloak the Keycloak server, e.g. {@code http://127.0.0.1:8180} */
    public AgencyTokens(String keycloak) {
        this.endpoint = URI.create(keycloak + "/realms/rujukan/protocol/openid-connect/token");
    }

    /** A valid access token of the agency's system client. */
    public String of(String agencyId) throws IOException, InterruptedException {
        Token token = tokens.get(agencyId);
        if (token == null || Duration.between(token.at(), Instant.now()).compareTo(RENEW_AFTER) >= 0) {
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (agencyId + ":dev-secret-" + agencyId).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("Keycloak answered " + response.statusCode() + " for " + agencyId);
            }
            token = new Token(JSON.readTree(response.body()).get("access_token").asText(), Instant.now());
            tokens.put(agencyId, token);
        }
        return token.value();
    }

    private record Token(String value, Instant at) {
    }
}
