package id.rujukan.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.gateway.protection.CaseKey;
import id.rujukan.gateway.readmodel.ReferralView;
import id.rujukan.infra.testing.KafkaTestClient;
import id.rujukan.infra.testing.KafkaTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand malformed and hostile requests: every one gets a 4xx problem+json that says it was refused,
 * none a 5xx, and nothing reaches Kafka or the database.
 */
@QuarkusTest
class HostileInputTest {

    private static final int REQUESTS = 10_000;
    /** Its own rate limit in the test profile, so that the requests reach validation instead of a 429. */
    private static final String AGENCY = "rutan-martapura";
    private static final long SEED = 20261124L;

    @TestHTTPResource("/")
    URL root;

    @Inject
    ObjectMapper json;

    @Test
    void tenThousandHostileRequestsAreEachRefusedWithAProblemAndLeaveNoTrace() throws Exception {
        KafkaTestClient kafka = KafkaTestResource.client();
        // one real referral: the one other agencies probe, and whose idempotency key is replayed
        String idempotencyKey = UUID.randomUUID().toString();
        String validBody = Referrals.infantOfDetainee();
        String referralId = given().auth().oauth2(Tokens.agency(AGENCY)).contentType(ContentType.JSON)
                .header("Idempotency-Key", idempotencyKey).body(validBody)
                .when().post("/api/v1/referrals").then().statusCode(202).extract().path("referralId");
        long records = SentToKafka.intakeCount();
        long views = QuarkusTransaction.requiringNew().call(() -> ReferralView.count());
        long keys = QuarkusTransaction.requiringNew().call(() -> CaseKey.count());

        HostileRequests hostile = new HostileRequests(SEED, json, AGENCY, validBody, referralId, idempotencyKey);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            HostileRequests.Hostile request = hostile.next(i);
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(root.toString().replaceAll("/$", "")
                    + request.path())).timeout(Duration.ofSeconds(30))
                    .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach(builder::header);
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            statuses.computeIfAbsent(request.kind(), k -> new TreeMap<>()).merge(response.statusCode(), 1, Integer::sum);
            String problem = problemOf(response);
            if (problem != null && wrong.size() < 20) {
                wrong.add("#" + i + " " + request.kind() + " " + request.method() + " " + request.path() + ": "
                        + response.statusCode() + " " + problem + (request.body() == null ? ""
                                : " <- " + abbreviate(new String(request.body(), StandardCharsets.UTF_8))));
            }
        }
        System.out.println("Hostile requests by kind and status: " + statuses);

        assertThat(wrong).as("responses that were not a 4xx problem+json").isEmpty();
        assertThat(statuses.values().stream().mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).sum()).sum())
                .isEqualTo(REQUESTS);
        assertThat(SentToKafka.intakeCount()).as("events published").isEqualTo(records);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ReferralView.count())).isEqualTo(views);
        assertThat(QuarkusTransaction.requiringNew().call(() -> CaseKey.count())).isEqualTo(keys);
    }

    /** What is wrong with the response, or null if it is a 4xx problem+json whose status matches. */
    private String problemOf(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status < 400 || status >= 500) {
            return "status " + status + " " + abbreviate(response.body());
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "content type " + type + " " + abbreviate(response.body());
        }
        try {
            JsonNode body = json.readTree(response.body());
            if (body.path("status").asInt() != status || !body.path("title").isTextual()) {
                return "problem body " + abbreviate(response.body());
            }
        } catch (Exception e) {
            return "unreadable problem " + abbreviate(response.body());
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }
}
