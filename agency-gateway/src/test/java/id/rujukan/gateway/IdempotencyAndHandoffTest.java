package id.rujukan.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.infra.testing.KafkaTestClient;
import id.rujukan.infra.testing.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyAndHandoffTest {

    @Inject
    ObjectMapper json;

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndSubmitsNothingMore() {
        String key = UUID.randomUUID().toString();
        Response first = submit(key, Referrals.infantOfDetainee());
        Response retry = submit(key, Referrals.infantOfDetainee());

        first.then().statusCode(202);
        retry.then().statusCode(202).header("Idempotent-Replayed", "true")
                .body("referralId", equalTo(first.path("referralId")));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(SentToKafka.intakeFor(first.path("referralId"))).hasSize(1);
        // another agency's identical key is its own
        given().auth().oauth2(Tokens.agency("dinsos-1608")).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Referrals.infantOfDetainee().replace("\"referringAgencyId\": \"rutan-martapura\"",
                        "\"referringAgencyId\": \"dinsos-1608\"").replace("\"targetAgencyId\": \"dinsos-1608\"",
                        "\"targetAgencyId\": \"dinsos-16\""))
                .post("/api/v1/referrals").then().statusCode(202).header("Idempotent-Replayed", (String) null);
    }

    @Test
    void requestsWithOneKeyAtTheSameTimeMakeOneReferralAndAllGetItsAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        ExecutorService agencies = Executors.newFixedThreadPool(8);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(agencies.submit(() -> submit(key, Referrals.infantOfDetainee())));
        }
        agencies.shutdown();
        Set<String> referralIds = new HashSet<>();
        for (Future<Response> answer : answers) {
            referralIds.add(answer.get(30, TimeUnit.SECONDS).then().statusCode(202).extract().path("referralId"));
        }

        assertThat(referralIds).hasSize(1);
        String referralId = referralIds.iterator().next();
        assertThat(SentToKafka.intakeFor(referralId)).hasSize(1);
        // without a key nothing is remembered: each request is a referral of its own
        assertThat(submit(null, Referrals.infantOfDetainee()).path("referralId").toString())
                .isNotEqualTo(submit(null, Referrals.infantOfDetainee()).path("referralId").toString());
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        submit(key, Referrals.infantOfDetainee()).then().statusCode(202);

        submit(key, Referrals.infantOfDetainee().replace("\"urgency\": \"HIGH\"", "\"urgency\": \"LOW\""))
                .then().statusCode(422).contentType("application/problem+json").body("field", equalTo("Idempotency-Key"));
    }

    @Test
    void aFailedRequestLeavesItsKeyFreeForTheCorrectedRetry() {
        String key = UUID.randomUUID().toString();
        submit(key, "{\"referringAgencyId\":\"rutan-martapura\"}").then().statusCode(400);
        String referralId = submit(key, Referrals.infantOfDetainee()).then().statusCode(202)
                .header("Idempotent-Replayed", (String) null).extract().path("referralId");
        assertThat(SentToKafka.intakeFor(referralId)).hasSize(1);
    }

    @Test
    void theResponsibleAgencyHandsACaseOverAndNoOtherCan() throws Exception {
        String caseId = submit(null, Referrals.infantOfDetainee()).then().statusCode(202).extract().path("referralId");
        String body = Referrals.infantOfDetainee().replace("\"targetAgencyId\": \"dinsos-1608\"",
                "\"targetAgencyId\": \"dinsos-16\"");

        String handoffId = given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON)
                .body(body).post("/api/v1/cases/" + caseId + "/handoffs")
                .then().statusCode(202).extract().path("referralId");

        ConsumerRecord<String, String> record = KafkaTestResource.client().await(SentToKafka.INTAKE_TOPICS,
                r -> handoffId.equals(r.key()), 1, Duration.ofSeconds(20)).get(0);
        JsonNode data = json.readTree(record.value());
        assertThat(data.get("kind").asText()).isEqualTo("HANDOFF");
        assertThat(data.get("caseId").asText()).isEqualTo(caseId);
        assertThat(data.get("targetAgencyId").asText()).isEqualTo("dinsos-16");
        assertThat(KafkaTestClient.headerValue(record, "ce_agencyid")).contains("rutan-martapura");
        given().auth().oauth2(Tokens.agency("dinsos-1608")).contentType(ContentType.JSON)
                .body(body.replace("\"referringAgencyId\": \"rutan-martapura\"", "\"referringAgencyId\": \"dinsos-1608\""))
                .post("/api/v1/cases/" + caseId + "/handoffs").then().statusCode(403);
        given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/cases/" + UUID.randomUUID() + "/handoffs").then().statusCode(404);
    }

    private static Response submit(String key, String body) {
        var request = given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/referrals");
    }
}
