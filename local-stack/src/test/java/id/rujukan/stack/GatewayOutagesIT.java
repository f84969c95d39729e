package id.rujukan.stack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.infra.PostgresServer;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway when what it stands on goes away: Kafka under load (referrals wait in the outbox and travel when it
 * is back), PostgreSQL under load (503 in time, nothing half-written, every retry taken once), and a replica
 * started while Kafka is away. Its own stack: these tests stop Kafka and PostgreSQL, which the other end-to-end
 * tests should not have to wait out.
 */
class GatewayOutagesIT {

    /** The load: referrals a second, for as long as it takes to send them all. */
    private static final int PER_SECOND = 15;
    private static final int REFERRALS = 150;
    /** The longest an answer may take: an agency's system waits no longer before it counts the call failed. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

    private static FreshStack fresh;
    private static LocalStack stack;
    private static String gateway;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void startStack() throws Exception {
        fresh = FreshStack.start("rujukan-outages");
        stack = fresh.stack();
        gateway = fresh.gateway();
    }

    @AfterAll
    static void stopStack() {
        if (fresh != null) {
            fresh.close();
        }
    }

    @Test
    void aGatewayThatHasNotReadTheDirectoryYetAsksForARetryInsteadOfRefusingAValidReferral() throws Exception {
        String rutan = new AgencyTokens("http://127.0.0.1:" + stack.ports().keycloak()).of("rutan-martapura");
        String referral = fresh.demoReferral();
        // the gateway replaced while Kafka is away: it serves HTTP, but cannot read the agency directory
        stack.kill("agency-gateway");
        stack.stopKafka();
        try {
            stack.launchAgain("agency-gateway");
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> given().baseUri(gateway)
                    .when().get("/q/health/live").then().statusCode(200));

            // a 400 ("not an agency in the directory") would tell the agency's system that its referral is
            // wrong and must not be sent again
            given().baseUri(gateway).auth().oauth2(rutan).contentType(ContentType.JSON)
                    .header("Idempotency-Key", "while-reading-the-directory").body(referral)
                    .when().post("/api/v1/referrals")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                    .body("detail", containsString("agency directory"));
            given().baseUri(gateway).when().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'agency-directory-copy' }.status", equalTo("DOWN"));
        } finally {
            stack.startKafka();
        }
        stack.awaitReady("agency-gateway");

        given().baseUri(gateway).auth().oauth2(rutan).contentType(ContentType.JSON)
                .header("Idempotency-Key", "while-reading-the-directory").body(referral)
                .when().post("/api/v1/referrals")
                .then().statusCode(202).body("state", equalTo("REQUESTED"));
    }

    @Test
    void whileKafkaIsAwayUnderLoadEveryReferralIsTakenAndEachIsRoutedOnceKafkaIsBack() throws Exception {
        String rutan = new AgencyTokens("http://127.0.0.1:" + stack.ports().keycloak()).of("rutan-martapura");

        List<Submitted> submitted = submitUnderLoad(rutan, () -> {
            stack.stopKafka();
            return stack::startKafka;
        });

        // the outbox, not Kafka, is what the answer waits for
        assertThat(submitted).allSatisfy(each -> assertThat(each.statuses()).containsExactly(202));
        assertThat(submitted).allSatisfy(each -> assertThat(each.slowest()).isLessThan(ANSWER_WITHIN));
        everyOneRoutedOnce(rutan, submitted);
    }

    @Test
    void whilePostgresqlIsAwayUnderLoadTheGatewayAnswers503InTimeAndTakesEveryRetryOnce() throws Exception {
        String rutan = new AgencyTokens("http://127.0.0.1:" + stack.ports().keycloak()).of("rutan-martapura");
        long before = sent();

        List<Submitted> submitted = submitUnderLoad(rutan, () -> {
            stack.stopPostgres();
            return () -> {
                try {
                    stack.startPostgres();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
        });

        // each answer in time: taken, or 503 with Retry-After; never a 500, never a hang
        assertThat(submitted).allSatisfy(each -> {
            assertThat(each.slowest()).isLessThan(ANSWER_WITHIN);
            assertThat(each.statuses().get(each.statuses().size() - 1)).isEqualTo(202);
            assertThat(each.statuses()).allMatch(status -> status == 202 || status == 503);
        });
        assertThat(submitted).as("requests refused while PostgreSQL was away").anyMatch(each -> each.statuses()
                .contains(503));
        // nothing half-written: one referral per request, however often it was sent
        assertThat(submitted).extracting(Submitted::referralId).doesNotHaveDuplicates();
        everyOneRoutedOnce(rutan, submitted);
        assertThat(sent() - before).isEqualTo(REFERRALS);
    }

    /** A referral as its agency's system sent it: every answer's status, the slowest answer, what it became. */
    private record Submitted(String key, List<Integer> statuses, Duration slowest, String referralId) {
    }

    /**
     * Submits {@link #REFERRALS} demo referrals at {@link #PER_SECOND}, each with an {@code Idempotency-Key}
     * and sent again after {@code Retry-After} until it is taken, as an agency's system does. A fifth of the way
     * in, {@code fault} takes something away; what it returns puts it back 10 s later.
     */
    private static List<Submitted> submitUnderLoad(String token, Callable<Runnable> fault) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ScheduledExecutorService clients = Executors.newScheduledThreadPool(16);
        try {
            List<Future<Submitted>> answers = new ArrayList<>();
            for (int i = 0; i < REFERRALS; i++) {
                answers.add(clients.schedule(() -> submitUntilTaken(http, token), i * 1000L / PER_SECOND,
                        TimeUnit.MILLISECONDS));
            }
            Thread.sleep(REFERRALS / 5 * 1000L / PER_SECOND);
            Runnable repair = fault.call();
            try {
                Thread.sleep(10_000);
            } finally {
                repair.run();
            }
            List<Submitted> submitted = new ArrayList<>();
            for (Future<Submitted> answer : answers) {
                submitted.add(answer.get(3, TimeUnit.MINUTES));
            }
            return submitted;
        } finally {
            clients.shutdownNow();
        }
    }

    private static Submitted submitUntilTaken(HttpClient http, String token) throws Exception {
        String key = UUID.randomUUID().toString();
        List<Integer> statuses = new ArrayList<>();
        Duration slowest = Duration.ZERO;
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(giveUp)) {
            Instant sent = Instant.now();
            HttpResponse<String> answer;
            try {
                answer = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/referrals"))
                        .timeout(ANSWER_WITHIN.plusSeconds(5)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(fresh.demoReferral())).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                statuses.add(0);
                slowest = ANSWER_WITHIN.plusSeconds(5);
                continue;
            }
            Duration took = Duration.between(sent, Instant.now());
            slowest = took.compareTo(slowest) > 0 ? took : slowest;
            statuses.add(answer.statusCode());
            if (answer.statusCode() == 202) {
                return new Submitted(key, statuses, slowest,
                        JSON.readTree(answer.body()).path("referralId").asText());
            }
            Thread.sleep(1000L * Integer.parseInt(answer.headers().firstValue("Retry-After").orElse("1")));
        }
        return new Submitted(key, statuses, slowest, null);
    }

    /** Every referral reaches referral-service, is routed, and is routed once. */
    private static void everyOneRoutedOnce(String token, List<Submitted> submitted) {
        for (Submitted each : submitted) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    given().baseUri(gateway).auth().oauth2(token).when().get("/api/v1/referrals/" + each.referralId())
                            .then().statusCode(200).body("state", equalTo("ROUTED")));
            assertThat(given().baseUri(gateway).auth().oauth2(token).when()
                    .get("/api/v1/referrals/" + each.referralId() + "/timeline").then().statusCode(200).extract()
                    .jsonPath().getList("kind", String.class)).as(each.referralId()).containsOnlyOnce("ROUTING");
        }
    }

    /**
     * How many referrals the agency's gateway holds as sent by it, from its database: the API's sent list is ordered
     * by the latest change, so paging through it while routing moves its referrals skips some.
     */
    private static long sent() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + stack.ports().postgres()
                + "/gateway", PostgresServer.USER, PostgresServer.PASSWORD);
                PreparedStatement count = db.prepareStatement(
                        "select count(*) from referral_view where referring_agency_id = 'rutan-martapura'")) {
            ResultSet rows = count.executeQuery();
            rows.next();
            return rows.getLong(1);
        }
    }
}
