package id.rujukan.stack;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import id.rujukan.infra.Directories;
import id.rujukan.infra.FreePorts;
import id.rujukan.infra.PostgresServer;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each agency's gateway: Rutan Martapura and Dinas Sosial OKU Timur each run their own, the shared gateway acts for
 * every other agency, on one Kafka and one PostgreSQL server with a database each, as separate processes. A referral
 * from the Rutan's gateway to Dinas Sosial is routed, alerted, opened and accepted; the child's data opens at the
 * two party agencies' gateways and nowhere else, and once the Rutan erases the case, at neither.
 */
class OwnGatewaysIT {

    private static final String RUTAN = "rutan-martapura";
    private static final String DINSOS = "dinsos-1608";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static Path sharedKeys;
    private static FreshStack fresh;
    private static String rutanGateway;
    private static String dinsosGateway;

    @BeforeAll
    static void startStack() throws Exception {
        // the shared gateway acts for the others alone: it holds neither agency's keys, nor reads their topics
        sharedKeys = LocalStack.keysOf(Files.createTempDirectory("shared-gateway-keys"),
                owner -> !Set.of(RUTAN, DINSOS).contains(owner));
        fresh = FreshStack.start("rujukan-own-gateways", Map.of("agency-gateway", Map.of(
                "rujukan.gateway.agencies", "(?!(?:" + RUTAN + "|" + DINSOS + ")\\.v1)[a-z0-9-]+",
                "rujukan.signing.key-dir", sharedKeys.toString())));
        int rutanPort = FreePorts.find();
        int dinsosPort = FreePorts.find();
        fresh.stack().startOwnGateway(fresh.root(), RUTAN, List.of(RUTAN), rutanPort);
        fresh.stack().startOwnGateway(fresh.root(), DINSOS, List.of(DINSOS), dinsosPort);
        rutanGateway = "http://127.0.0.1:" + rutanPort;
        dinsosGateway = "http://127.0.0.1:" + dinsosPort;
    }

    @AfterAll
    static void stopStack() {
        if (fresh != null) {
            fresh.close();
        }
        Directories.delete(sharedKeys);
    }

    @Test
    void aReferralFromOneAgencysGatewayIsRoutedAlertedOpenedAndAcceptedAtAnotherAgencysOpensNowhereElseAndErasesAtBoth()
            throws Exception {
        String rutan = clientToken(RUTAN);
        String referralId = given().baseUri(rutanGateway).auth().oauth2(rutan).contentType(ContentType.JSON)
                .body(fresh.demoReferral()).when().post("/api/v1/referrals")
                .then().statusCode(202).extract().path("referralId");

        // routed to Dinas Sosial, whose gateway was told, and granted the case's key by the Rutan's gateway
        String officer = userToken("officer." + DINSOS);
        await().atMost(WAIT).untilAsserted(() -> given().baseUri(dinsosGateway).auth().oauth2(officer)
                .when().get("/api/v1/referrals/" + referralId).then().statusCode(200)
                .body("state", equalTo("ROUTED")));
        await().atMost(WAIT).untilAsserted(() -> given().baseUri(dinsosGateway).auth().oauth2(officer)
                .when().get("/api/v1/referrals/" + referralId + "/details").then().statusCode(200)
                .body("child.name", equalTo("Bayi Contoh")));
        // its officers alerted
        await().atMost(WAIT).until(() -> fresh.stack().mail().received().stream()
                .anyMatch(mail -> mail.body().contains(referralId) && mail.to().contains("dinsos")));

        // accepted at Dinas Sosial's gateway; the Rutan's gateway is told
        act(dinsosGateway, officer, referralId, "acknowledge", "{}", "RECEIVED");
        act(dinsosGateway, officer, referralId, "accept", "{\"note\":\"Bayi ditempatkan sementara\"}", "ACCEPTED");
        await().atMost(WAIT).untilAsserted(() -> given().baseUri(rutanGateway).auth().oauth2(rutan)
                .when().get("/api/v1/referrals/" + referralId).then().statusCode(200)
                .body("state", equalTo("ACCEPTED")));
        // the note Dinas Sosial sealed with the granted key opens at the Rutan's gateway
        await().atMost(WAIT).untilAsserted(() -> assertThat(given().baseUri(rutanGateway).auth().oauth2(rutan)
                .when().get("/api/v1/referrals/" + referralId + "/notes").jsonPath().getList("text", String.class))
                .contains("Bayi ditempatkan sementara"));
        assertThat(timelineKinds(rutanGateway, rutan, referralId)).contains("KEY_GRANTED", "ACCEPT");
        assertThat(timelineKinds(dinsosGateway, officer, referralId)).contains("KEY_RECEIVED", "ACCEPT");

        // the shared gateway acts for neither agency, and holds nothing of the case: no key, no data
        given().baseUri(fresh.gateway()).auth().oauth2(rutan).when().get("/api/v1/referrals/" + referralId)
                .then().statusCode(403);
        String caseId = single("gateway_" + RUTAN.replace('-', '_'),
                "select case_id from sealed_details where referral_id = ?", UUID.fromString(referralId));
        assertThat(single("gateway_" + DINSOS.replace('-', '_'),
                "select count(*)::text from case_key where case_id = ? and wrapped_key is not null",
                UUID.fromString(caseId))).isEqualTo("1");
        assertThat(single("gateway", "select count(*)::text from case_key where case_id = ?",
                UUID.fromString(caseId))).isEqualTo("0");
        assertThat(single("gateway", "select count(*)::text from sealed_details where referral_id = ?",
                UUID.fromString(referralId))).isEqualTo("0");
        // referral-service keeps the sealed data to pass on, and no key of any case
        assertThat(single("referral", "select count(*)::text from information_schema.columns "
                + "where column_name in ('wrapped_key', 'data_key') and table_schema = ?", "public")).isEqualTo("0");

        // the Rutan, responsible for the case, erases it at its gateway: Dinas Sosial's gateway destroys its key too,
        // and its confirmation reaches the Rutan's timeline
        given().baseUri(rutanGateway).auth().oauth2(userToken("agency-admin." + RUTAN))
                .when().delete("/api/v1/admin/cases/" + caseId + "/data-keys").then().statusCode(204);
        await().atMost(WAIT).untilAsserted(() -> given().baseUri(dinsosGateway).auth().oauth2(officer)
                .when().get("/api/v1/referrals/" + referralId + "/details").then().statusCode(410));
        await().atMost(WAIT).untilAsserted(() -> assertThat(timelineKinds(rutanGateway, rutan, referralId))
                .contains("ERASED", "KEY_DESTROYED"));
    }

    private static List<String> timelineKinds(String gateway, String token, String referralId) {
        return given().baseUri(gateway).auth().oauth2(token).when().get("/api/v1/referrals/" + referralId
                + "/timeline").then().statusCode(200).extract().jsonPath().getList("kind", String.class);
    }

    private static void act(String gateway, String token, String referralId, String action, String body,
            String state) {
        given().baseUri(gateway).auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/referrals/" + referralId + "/" + action).then().statusCode(202);
        await().atMost(WAIT).untilAsserted(() -> given().baseUri(gateway).auth().oauth2(token)
                .when().get("/api/v1/referrals/" + referralId).then().statusCode(200).body("state", equalTo(state)));
    }

    /** The one value the query finds in a database of the stack. */
    private static String single(String database, String sql, Object parameter) throws Exception {
        try (Connection connection = DriverManager.getConnection(fresh.stack().jdbcUrl(database),
                PostgresServer.USER, PostgresServer.PASSWORD);
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as(sql).isTrue();
                return rows.getString(1);
            }
        }
    }

    /** An agency system's token: the client-credentials grant. */
    private static String clientToken(String agencyId) {
        return given().baseUri(fresh.stack().keycloak().issuer()).auth().preemptive()
                .basic(agencyId, "dev-secret-" + agencyId).formParam("grant_type", "client_credentials")
                .when().post("/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** An officer's token, with the demo password of the realm file. */
    private static String userToken(String username) {
        return given().baseUri(fresh.stack().keycloak().issuer())
                .formParam("grant_type", "password").formParam("client_id", "rujukan-gateway")
                .formParam("client_secret", "dev-secret-rujukan-gateway")
                .formParam("username", username).formParam("password", "dev-password")
                .when().post("/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
