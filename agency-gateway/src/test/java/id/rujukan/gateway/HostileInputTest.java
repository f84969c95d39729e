package id.rujukan.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.Topics;
import id.rujukan.infra.testing.KafkaTestClient;
import id.rujukan.infra.testing.KafkaTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand malformed and hostile requests, to the submission, the actions, handoffs, notes, the admin
 * endpoints, reports and the page an alert's link opens: each valid apart from its one fault, so that it reaches
 * the check it aims at. Every one gets the status that check answers, as problem+json and as the OpenAPI document
 * lists it; none a 5xx; and once the outbox is drained, no row in any gateway table and no record on any topic the
 * gateway writes came from them.
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

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "rujukan.action-links.secret")
    String linkSecret;

    @Test
    void tenThousandHostileRequestsAreEachRefusedWithAProblemAndLeaveNoTrace() throws Exception {
        KafkaTestClient kafka = KafkaTestResource.client();
        // one real referral: the one other agencies probe, and whose idempotency key is replayed
        String idempotencyKey = UUID.randomUUID().toString();
        String validBody = Referrals.infantOfDetainee();
        String referralId = given().auth().oauth2(Tokens.agency(AGENCY)).contentType(ContentType.JSON)
                .header("Idempotency-Key", idempotencyKey).body(validBody)
                .when().post("/api/v1/referrals").then().statusCode(202).extract().path("referralId");
        Map<String, Long> rows = rowsPerTable();
        Map<String, Long> records = recordsPerTopic(kafka);
        JsonNode document = DocumentedAnswers.read(URI.create(root.toString().replaceAll("/$", "")
                + "/q/openapi?format=json"));

        HostileRequests hostile = new HostileRequests(SEED, json, AGENCY, validBody, referralId, idempotencyKey,
                linkSecret.getBytes(StandardCharsets.UTF_8));
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
            String problem = problemOf(response, request.expected());
            if (problem == null && !request.path().startsWith("/m/")) {
                try {
                    DocumentedAnswers.check(document, request.method(), URI.create(request.path()).getPath(),
                            response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                            !response.body().isEmpty());
                } catch (AssertionError undocumented) {
                    problem = undocumented.getMessage();
                }
            }
            if (problem != null && wrong.size() < 20) {
                wrong.add("#" + i + " " + request.kind() + " " + request.method() + " " + request.path() + ": "
                        + response.statusCode() + " " + problem + (request.body() == null ? ""
                                : " <- " + abbreviate(new String(request.body(), StandardCharsets.UTF_8))));
            }
        }
        System.out.println("Hostile requests by kind and status: " + statuses);

        assertThat(wrong).as("responses that were not the expected 4xx problem+json").isEmpty();
        assertThat(statuses.values().stream().mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).sum()).sum())
                .isEqualTo(REQUESTS);
        assertThat(recordsPerTopic(kafka)).as("records on the topics the gateway writes").isEqualTo(records);
        // the gateway's own timers may remove rows meanwhile (webhook pushes done); none may be added
        Map<String, Long> after = rowsPerTable();
        assertThat(after.keySet()).isEqualTo(rows.keySet());
        rows.forEach((table, before) -> assertThat(after.get(table)).as("rows in " + table).isLessThanOrEqualTo(before));
    }

    /**
     * How many rows each of the gateway's tables holds, once everything committed has left the outbox and every entry
     * of the evidence log is sealed (a block sealing what earlier tests did is not this test's trace).
     */
    private Map<String, Long> rowsPerTable() {
        SentToKafka.awaitOutboxDrained();
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery("select count(*) from evidence_entry where xact >= "
                        + "coalesce((select max(up_to_xact) from evidence_block), 0)").getSingleResult()).longValue())
                == 0);
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> rows = new TreeMap<>();
            @SuppressWarnings("unchecked")
            List<String> tables = entityManager.createNativeQuery("select table_name from information_schema.tables "
                    + "where table_schema = current_schema() and table_type = 'BASE TABLE'").getResultList();
            for (String table : tables) {
                rows.put(table, ((Number) entityManager.createNativeQuery("select count(*) from \"" + table + "\"")
                        .getSingleResult()).longValue());
            }
            return rows;
        });
    }

    /** How many records each topic the gateway writes holds, read to its end once the outbox is drained. */
    private static Map<String, Long> recordsPerTopic(KafkaTestClient kafka) {
        SentToKafka.awaitOutboxDrained();
        Map<String, Long> records = new TreeMap<>();
        Topics.ALL.stream().filter(topic -> topic.writer().equals("agency-gateway"))
                .forEach(topic -> records.put(topic.name(), kafka.recordCount(topic.name())));
        SentToKafka.INTAKE_TOPICS.forEach(topic -> records.put(topic, kafka.recordCount(topic)));
        return records;
    }

    /** What is wrong with the response, or null if it is a problem+json of an expected status. */
    private String problemOf(HttpResponse<String> response, Set<Integer> expected) {
        int status = response.statusCode();
        if (!expected.contains(status)) {
            return "status " + status + " (expected " + expected + ") " + abbreviate(response.body());
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
