package id.rujukan.stack;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A gateway replica that starts (after a crash, in a rollout) reads the agency directory from Kafka before
 * it can tell a known agency from an unknown one. Its own stack: the test stops Kafka, which the other
 * end-to-end tests should not have to wait out.
 */
class GatewayRestartIT {

    private static FreshStack fresh;
    private static LocalStack stack;
    private static String gateway;

    @BeforeAll
    static void startStack() throws Exception {
        fresh = FreshStack.start("rujukan-restart");
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
}
