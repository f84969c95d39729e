package id.rujukan.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.byLessThan;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.ReferralEscalated;
import id.rujukan.contract.ReferralKind;
import id.rujukan.contract.ReferralStateChanged;
import id.rujukan.contract.Urgency;
import id.rujukan.gateway.webhook.WebhookSignature;
import id.rujukan.infra.testing.KafkaTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An agency's system receives signed pushes, in order per referral, retried, and not held up by others. */
@QuarkusTest
class WebhookTest {

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager entityManager;

    @Inject
    TestClock clock;

    /** {@code rujukan.webhook.timeout} in the test profile. */
    private static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(2);

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger(2);

    /** One push as the receiver saw it, and what it answered. */
    record Received(String eventId, String timestamp, String signature, String body, int answered) {
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/rujukan", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            received.add(new Received(exchange.getRequestHeaders().getFirst("Rujukan-Event-Id"),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiverAndWebhooks() {
        receiver.stop(0);
        // the next tests' referrals are not pushed to endpoints that are gone
        for (String agency : List.of("dinsos-1608", "lksa-6371", "dinsos-16", "kemensos")) {
            given().auth().oauth2(Tokens.user(agency, "agency-admin")).delete("/api/v1/admin/webhook")
                    .then().statusCode(204);
        }
    }

    @Test
    void anAgencyGetsSignedOrderedRetriedPushesWhileAnotherAgencysDeadEndpointDelaysNothing() throws Exception {
        String secret = given().auth().oauth2(Tokens.user("dinsos-1608", "agency-admin")).contentType(ContentType.JSON)
                .body("{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/rujukan\"}")
                .put("/api/v1/admin/webhook").then().statusCode(200).extract().path("secret");
        assertThat(secret).as("the first registration shows the signing secret").isNotBlank();
        given().auth().oauth2(Tokens.user("lksa-6371", "agency-admin")).contentType(ContentType.JSON)
                .body("{\"url\":\"http://127.0.0.1:9/dead\"}").put("/api/v1/admin/webhook").then().statusCode(200);
        given().auth().oauth2(Tokens.user("lksa-6371", "agency-admin")).contentType(ContentType.JSON)
                .body("{\"url\":\"ftp://example.com\"}").put("/api/v1/admin/webhook").then().statusCode(400);

        String toLksa = UUID.randomUUID().toString();
        publish(toLksa, EventTypes.REFERRAL_ROUTED, changed(toLksa, "lksa-6371", 2, "ROUTED"));
        String referral = UUID.randomUUID().toString();
        String routed = publish(referral, EventTypes.REFERRAL_ROUTED, changed(referral, "dinsos-1608", 2, "ROUTED"));
        String escalated = publish(referral, EventTypes.REFERRAL_ESCALATED, new ReferralEscalated(referral,
                "dinsos-1608", "RECEIVE", 1, "OFFICERS", "dinsos-1608", List.of("DUTY_OFFICER"), Urgency.HIGH,
                Instant.now(), Instant.now(), "step 1: reminded the officers"));
        String accepted = publish(referral, EventTypes.REFERRAL_STATE_CHANGED, changed(referral, "dinsos-1608", 3,
                "ACCEPTED"));

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(referral).size() == 3);

        // in order: nothing of this referral was pushed before the one before it got through
        List<Received> ofReferral = received.stream().filter(r -> r.body().contains(referral)).toList();
        assertThat(ofReferral).extracting(Received::eventId).containsExactly(routed, routed, routed, escalated, accepted);
        assertThat(ofReferral).extracting(Received::answered).containsExactly(500, 500, 204, 204, 204);
        for (Received push : ofReferral) {
            assertThat(push.signature()).isEqualTo(WebhookSignature.sign(secret, Long.parseLong(push.timestamp()),
                    push.body()));
            assertThat(Long.parseLong(push.timestamp())).isCloseTo(Instant.now().getEpochSecond(), byLessThan(300L));
            JsonNode body = json.readTree(push.body());
            assertThat(body.get("id").asText()).isEqualTo(push.eventId());
            assertThat(body.get("data").get("referralId").asText()).isEqualTo(referral);
        }
        // the push of the routed referral was its technical receipt
        KafkaTestResource.client().await(SentToKafka.INTAKE_TOPICS, r -> referral.equals(r.key())
                && r.value().contains("\"RECEIVE\"") && r.value().contains("\"webhook\""), 1, Duration.ofSeconds(20));
        // every attempt is in the timeline, the dead endpoint's too
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(given()
                .auth().oauth2(Tokens.agency("dinsos-1608")).get("/api/v1/referrals/" + referral + "/timeline")
                .jsonPath().getList("detail", String.class))
                .contains("push to the webhook of dinsos-1608 failed (attempt 1: HTTP 500)",
                        "pushed to the webhook of dinsos-1608 (attempt 3)"));
        assertThat(given().auth().oauth2(Tokens.agency("lksa-6371")).get("/api/v1/referrals/" + toLksa + "/timeline")
                .jsonPath().getList("detail", String.class)).anyMatch(line -> line.startsWith(
                        "push to the webhook of lksa-6371 failed"));
        // the admin rotates the secret; reading the webhook never shows it
        String rotated = given().auth().oauth2(Tokens.user("dinsos-1608", "agency-admin")).contentType(ContentType.JSON)
                .post("/api/v1/admin/webhook/secret").then().statusCode(200).extract().path("secret");
        assertThat(rotated).isNotBlank().isNotEqualTo(secret);
        assertThat(given().auth().oauth2(Tokens.user("dinsos-1608", "agency-admin")).get("/api/v1/admin/webhook")
                .jsonPath().getString("secret")).isNull();
    }

    @Test
    void aWebhookInsideTheNetworkIsRefusedAtRegistrationAndBeforeEveryPush() throws Exception {
        String admin = Tokens.user("dinsos-16", "agency-admin");
        for (String inside : List.of("http://10.0.0.5/hook", "http://169.254.169.254/latest/meta-data/",
                "http://192.168.1.10:8443/", "http://[::1]:8080/", "http://[fd00::1]/",
                "http://localhost:" + receiver.getAddress().getPort() + "/rujukan")) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"url\":\"" + inside + "\"}")
                    .put("/api/v1/admin/webhook").then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("not inside the network"));
        }
        // registered while allowed; then its name is pointed inside (here: the row changed as a DNS change would)
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/rujukan\"}")
                .put("/api/v1/admin/webhook").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update webhook set url = :url where agency_id = 'dinsos-16'")
                .setParameter("url", "http://localhost:" + receiver.getAddress().getPort() + "/rujukan")
                .executeUpdate());
        String referral = UUID.randomUUID().toString();
        publish(referral, EventTypes.REFERRAL_ROUTED, changed(referral, "dinsos-16", 2, "ROUTED"));

        // the attempt is recorded as refused; it was refused before anything was sent
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given()
                .auth().oauth2(Tokens.agency("dinsos-16")).get("/api/v1/referrals/" + referral + "/timeline")
                .then().statusCode(200).extract().jsonPath().getList("detail", String.class)).anyMatch(line -> line.startsWith(
                        "push to the webhook of dinsos-16 failed (attempt 1: not sent: url must point to the "
                                + "agency's server on the internet, not inside the network: localhost is ")));
        assertThat(received).noneMatch(push -> push.body().contains(referral));
    }

    @Test
    void aPushThatKeepsFailingIsRetriedAtLeastHourlyAndGivenUpAfter48HoursWithALineInTheTimeline() throws Exception {
        // Kementerian Sosial's endpoint refuses every push
        given().auth().oauth2(Tokens.user("kemensos", "agency-admin")).contentType(ContentType.JSON)
                .body("{\"url\":\"http://127.0.0.1:9/refused\"}").put("/api/v1/admin/webhook").then().statusCode(200);
        String referral = UUID.randomUUID().toString();
        publish(referral, EventTypes.REFERRAL_ROUTED, changed(referral, "kemensos", 2, "ROUTED"));

        // two days of attempts, the clock moved on to each one as it falls due
        List<Instant> due = new ArrayList<>();
        for (int attempt = 1; attempt <= 18; attempt++) {
            int made = attempt;
            PushState state = await().atMost(Duration.ofSeconds(20)).until(() -> push(referral),
                    push -> push != null && push.attempts() >= made);
            assertThat(state.status()).as("attempt " + attempt).isEqualTo("PENDING");
            due.add(state.nextAttemptAt());
            clock.advanceTo(state.nextAttemptAt());
        }
        // the waits double up to an hour and stay there (each gap also holds the moment the attempt took)
        List<Duration> waits = new ArrayList<>();
        for (int i = 1; i < due.size(); i++) {
            waits.add(Duration.between(due.get(i - 1), due.get(i)));
        }
        assertThat(waits).allSatisfy(wait -> assertThat(wait).isLessThan(Duration.ofHours(1).plusMinutes(1)));
        assertThat(waits.subList(waits.size() - 3, waits.size()))
                .allSatisfy(wait -> assertThat(wait).isGreaterThanOrEqualTo(Duration.ofHours(1)));

        // 48 hours after the event, the next failure is the last
        PushState before = push(referral);
        clock.advanceTo(before.createdAt().plus(Duration.ofHours(48)).plus(Duration.ofMinutes(1)));
        PushState last = await().atMost(Duration.ofSeconds(20)).until(() -> push(referral),
                push -> "FAILED".equals(push.status()));
        assertThat(last.attempts()).isEqualTo(before.attempts() + 1);
        assertThat(given().auth().oauth2(Tokens.agency("kemensos")).get("/api/v1/referrals/" + referral + "/timeline")
                .jsonPath().getList("detail", String.class)).contains("push to the webhook of kemensos failed (attempt "
                        + last.attempts() + ": ConnectException); given up, the inbox still has it");
    }

    @Test
    void aSlowEndpointOfOneAgencyDoesNotHoldUpAnotherAgencysPushes() throws Exception {
        // LKSA Anak Banjarmasin's system takes its time: each push is held until the gateway gives up on it
        List<Instant> slowPushes = new CopyOnWriteArrayList<>();
        HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slow.setExecutor(Executors.newCachedThreadPool());
        slow.createContext("/slow", exchange -> {
            slowPushes.add(Instant.now());
            try {
                Thread.sleep(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        slow.start();
        try {
            failuresLeft.set(0);
            given().auth().oauth2(Tokens.user("lksa-6371", "agency-admin")).contentType(ContentType.JSON)
                    .body("{\"url\":\"http://127.0.0.1:" + slow.getAddress().getPort() + "/slow\"}")
                    .put("/api/v1/admin/webhook").then().statusCode(200);
            given().auth().oauth2(Tokens.user("dinsos-1608", "agency-admin")).contentType(ContentType.JSON)
                    .body("{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/rujukan\"}")
                    .put("/api/v1/admin/webhook").then().statusCode(200);
            // five referrals for the LKSA: its pushes, one after another, take at least five timeouts
            for (int i = 0; i < 5; i++) {
                String toLksa = UUID.randomUUID().toString();
                publish(toLksa, EventTypes.REFERRAL_ROUTED, changed(toLksa, "lksa-6371", 2, "ROUTED"));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> !slowPushes.isEmpty());

            String toDinsos = UUID.randomUUID().toString();
            publish(toDinsos, EventTypes.REFERRAL_ROUTED, changed(toDinsos, "dinsos-1608", 2, "ROUTED"));
            await().atMost(Duration.ofSeconds(20)).until(() -> delivered(toDinsos).size() == 1);

            // Dinas Sosial's push went through while the LKSA's were still being tried, one timeout each: behind
            // them, it would have waited for all five
            assertThat(slowPushes).as("pushes the LKSA's endpoint had begun when Dinas Sosial's arrived")
                    .hasSizeLessThan(5);
            assertThat(Duration.between(slowPushes.get(0), Instant.now()))
                    .isLessThan(WEBHOOK_TIMEOUT.multipliedBy(4));
        } finally {
            slow.stop(0);
        }
    }

    /** A push as the gateway keeps it. */
    private record PushState(String status, int attempts, Instant createdAt, Instant nextAttemptAt) {
    }

    private PushState push(String referralId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("select status, attempts, created_at, "
                    + "next_attempt_at from webhook_delivery where referral_id = cast(:referral as uuid)")
                    .setParameter("referral", referralId).getResultList();
            if (rows.isEmpty()) {
                return null;
            }
            Object[] row = rows.get(0);
            return new PushState((String) row[0], ((Number) row[1]).intValue(), instant(row[2]), instant(row[3]));
        });
    }

    private static Instant instant(Object value) {
        return value instanceof java.sql.Timestamp timestamp ? timestamp.toInstant()
                : value instanceof java.time.OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }

    private List<Received> delivered(String referral) {
        return received.stream().filter(r -> r.body().contains(referral) && r.answered() == 204).toList();
    }

    private static ReferralStateChanged changed(String referralId, String target, long version, String state) {
        Instant now = Instant.now();
        return new ReferralStateChanged(referralId, version, ReferralKind.REFERRAL, referralId, "rutan-martapura",
                target, null, "rutan-martapura", CaseCategory.NEGLECT, Urgency.HIGH, "REQUESTED", state, null,
                CloudEventAttributes.SYSTEM, CloudEventAttributes.SYSTEM, null, "named-by-referrer", "routed", null,
                now, now, LifecycleEvents.allowedIn(state), null, null, null, null);
    }

    private String publish(String referralId, String type, Object data) throws Exception {
        return KafkaTestResource.client().sendEvent(LifecycleEvents.topicsOf(data), referralId, type,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM, json.writeValueAsString(data));
    }
}
