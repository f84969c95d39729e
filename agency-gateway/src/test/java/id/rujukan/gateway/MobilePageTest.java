package id.rujukan.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.ActionLink;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.ReferralStateChanged;
import id.rujukan.contract.Urgency;
import id.rujukan.infra.testing.KafkaTestClient;
import id.rujukan.infra.testing.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The page an alert's link opens: who may see it, what it shows, and that its buttons act. */
@QuarkusTest
class MobilePageTest {

    private static final byte[] SECRET = "dev-only-action-link-secret-0123456789".getBytes(StandardCharsets.UTF_8);

    @Inject
    ObjectMapper json;

    @Test
    void theTargetsOfficerSeesTheReferralWithTheChildsDataAndAcceptsIt() throws Exception {
        String referralId = submittedAndRoutedToDinsos();
        String token = link(referralId, "dinsos-1608", Duration.ofHours(1));

        given().auth().oauth2(Tokens.user("dinsos-1608", "officer")).get("/m/" + token)
                .then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("<span id=\"state\" class=\"state\">Menunggu konfirmasi</span>"))
                .body(containsString("<dd id=\"category\">Anak dari tahanan/warga binaan</dd>"))
                .body(containsString("<dd id=\"from\">Rutan Kelas IIB Martapura</dd>"))
                .body(containsString(Referrals.CHILD_NAME))
                .body(containsString("id=\"accept\"")).body(containsString("id=\"decline\""))
                .body(containsString("id=\"acknowledge\""));

        Forms.on(Tokens.user("dinsos-1608", "officer"), "/m/" + token).formParam("reasonCode", "ignored").post("/m/" + token + "/accept")
                .then().statusCode(303).header("Location", containsString("/m/" + token + "?sent=ACCEPT"));

        ConsumerRecord<String, String> action = KafkaTestResource.client().await(SentToKafka.INTAKE_TOPICS,
                r -> referralId.equals(r.key()) && KafkaTestClient.headerValue(r, "ce_type")
                        .orElse("").equals(EventTypes.REFERRAL_ACTION_REQUESTED), 1, Duration.ofSeconds(20)).get(0);
        JsonNode data = json.readTree(action.value());
        assertThat(data.get("action").asText()).isEqualTo("ACCEPT");
        assertThat(data.get("agencyId").asText()).isEqualTo("dinsos-1608");
        assertThat(data.get("actor").asText()).isEqualTo("officer.dinsos-1608");
        assertThat(data.get("reasonCode").isNull()).isTrue();
    }

    @Test
    void aDeclineFromThePageCarriesTheChosenReason() throws Exception {
        String referralId = submittedAndRoutedToDinsos();
        String token = link(referralId, "dinsos-1608", Duration.ofHours(1));

        Forms.on(Tokens.user("dinsos-1608", "supervisor"), "/m/" + token).formParam("reasonCode", "NO_CAPACITY").post("/m/" + token + "/decline")
                .then().statusCode(303);

        ConsumerRecord<String, String> action = KafkaTestResource.client().await(SentToKafka.INTAKE_TOPICS,
                r -> referralId.equals(r.key()) && r.value().contains("DECLINE"), 1, Duration.ofSeconds(20)).get(0);
        assertThat(json.readTree(action.value()).get("reasonCode").asText()).isEqualTo("NO_CAPACITY");
    }

    @Test
    void aLinkForgedExpiredOrForAnotherAgencyOpensNothing() throws Exception {
        String referralId = submittedAndRoutedToDinsos();
        String officer = Tokens.user("dinsos-1608", "officer");

        given().auth().oauth2(officer).get("/m/" + link(referralId, "dinsos-1608", Duration.ofMinutes(-1)))
                .then().statusCode(410).contentType("application/problem+json")
                .body("detail", equalTo("The link is expired"));
        given().auth().oauth2(officer).get("/m/" + link(referralId, "dinsos-16", Duration.ofHours(1)))
                .then().statusCode(403).body("detail", equalTo("The link is for another agency"));
        String forged = new ActionLink(UUID.fromString(referralId), "dinsos-1608", "OFFICER",
                Instant.now().plusSeconds(3600)).sign("someone else's secret, 32 bytes long".getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(officer).get("/m/" + forged)
                .then().statusCode(403).body("detail", equalTo("The link is not signed by Rujukan"));
        // a well-signed link to a referral the agency is no party to
        String elsewhere = UUID.randomUUID().toString();
        given().auth().oauth2(officer).get("/m/" + link(elsewhere, "dinsos-1608", Duration.ofHours(1)))
                .then().statusCode(404).body(not(containsString(Referrals.CHILD_NAME)));
        Forms.on(officer, "/console/baru").post("/m/" + link(referralId, "dinsos-16", Duration.ofHours(1)) + "/accept")
                .then().statusCode(403);
    }

    @Test
    void aBrowserWithoutASessionIsSentToSignIn() throws Exception {
        String referralId = submittedAndRoutedToDinsos();

        given().redirects().follow(false).get("/m/" + link(referralId, "dinsos-1608", Duration.ofHours(1)))
                .then().statusCode(302).header("Location", containsString("response_type=code"))
                .header("Location", containsString("redirect_uri=http%3A%2F%2Flocalhost%3A"));
    }

    @Test
    void theReferrerSeesItsReferralButNoButtons() throws Exception {
        String referralId = submittedAndRoutedToDinsos();

        given().auth().oauth2(Tokens.user("rutan-martapura", "officer"))
                .get("/m/" + link(referralId, "rutan-martapura", Duration.ofHours(1)))
                .then().statusCode(200).body(containsString("Menunggu konfirmasi"))
                .body(not(containsString("id=\"accept\"")));
    }

    private static String link(String referralId, String agencyId, Duration valid) {
        return new ActionLink(UUID.fromString(referralId), agencyId, "SUPERVISOR", Instant.now().plus(valid))
                .sign(SECRET);
    }

    private String submittedAndRoutedToDinsos() throws Exception {
        String referralId = given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON)
                .body(Referrals.infantOfDetainee()).post("/api/v1/referrals").then().statusCode(202).extract()
                .path("referralId");
        ReferralStateChanged routed = LifecycleEvents.routed(referralId, 2, "ROUTED", CaseCategory.CHILD_OF_DETAINEE,
                Urgency.HIGH, "routed");
        KafkaTestResource.client().sendEvent(LifecycleEvents.topicsOf(routed), referralId, EventTypes.REFERRAL_STATE_CHANGED,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM,
                json.writeValueAsString(routed));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.agency("dinsos-1608"))
                .get("/api/v1/referrals/" + referralId).then().statusCode(200).body("state", equalTo("ROUTED")));
        return referralId;
    }
}
