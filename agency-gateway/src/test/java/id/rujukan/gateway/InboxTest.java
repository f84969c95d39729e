package id.rujukan.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.NotificationStatusChanged;
import id.rujukan.contract.ReferralEscalated;
import id.rujukan.contract.ReferralKind;
import id.rujukan.contract.ReferralStateChanged;
import id.rujukan.contract.Urgency;
import id.rujukan.infra.testing.KafkaTestClient;
import id.rujukan.infra.testing.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An agency's inbox, sent list and a referral's timeline, as the agency's system pulls them. */
@QuarkusTest
class InboxTest {

    private static final String JAYAPURA = "dinsos-9471";
    /** Only the inbox test addresses referrals to it, so its inbox holds exactly what the test put there. */
    private static final String PAPUA = "dinsos-94";

    @Inject
    ObjectMapper json;

    @Test
    void theInboxFiltersAndPagesNewestFirstAndReadingItMarksNewReferralsReceived() throws Exception {
        String routedEmergency = publish(state(PAPUA, "ROUTED", Urgency.EMERGENCY, 1));
        String received = publish(state(PAPUA, "RECEIVED", Urgency.HIGH, 2));
        String overdue = publish(state(PAPUA, "ROUTED", Urgency.EMERGENCY, 3));
        publish(overdue, EventTypes.REFERRAL_ESCALATED, new ReferralEscalated(overdue, PAPUA, "RECEIVE", 1,
                "OFFICERS", PAPUA, List.of("DUTY_OFFICER"), Urgency.EMERGENCY, Instant.now(), Instant.now(),
                "step 1: reminded the officers of Dinas Sosial Kota Jayapura; not received"));
        String token = Tokens.agency(PAPUA);
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(token).queryParam("overdue", true)
                .get("/api/v1/inbox").jsonPath().getList("items.referralId").contains(overdue));

        JsonPath first = given().auth().oauth2(token).queryParam("limit", 2).get("/api/v1/inbox").then()
                .statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.referralId", String.class)).containsExactly(overdue, received);
        JsonPath second = given().auth().oauth2(token).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get("/api/v1/inbox").then().statusCode(200)
                .extract().jsonPath();
        assertThat(second.getList("items.referralId", String.class)).containsExactly(routedEmergency);
        assertThat(second.getString("nextCursor")).isNull();

        assertThat(ids(given().auth().oauth2(token).queryParam("urgency", "EMERGENCY").get("/api/v1/inbox").jsonPath()))
                .containsExactly(overdue, routedEmergency);
        assertThat(ids(given().auth().oauth2(token).queryParam("overdue", true).get("/api/v1/inbox").jsonPath()))
                .containsExactly(overdue);
        assertThat(ids(given().auth().oauth2(token).queryParam("state", "RECEIVED").get("/api/v1/inbox").jsonPath()))
                .containsExactly(received);

        // the routed ones were read: referral-service is told they are received
        assertThat(KafkaTestResource.client().await(SentToKafka.INTAKE_TOPICS,
                r -> Set.of(routedEmergency, overdue).contains(r.key()) && r.value().contains("\"RECEIVE\""), 2,
                Duration.ofSeconds(20))).extracting(r -> KafkaTestClient.headerValue(r, "ce_agencyid").orElseThrow())
                .containsOnly(PAPUA);
        // the referrer sees them as sent; another agency sees none of them
        assertThat(ids(given().auth().oauth2(Tokens.agency("rutan-martapura")).queryParam("limit", 100)
                .get("/api/v1/sent").jsonPath())).contains(routedEmergency, received, overdue);
        assertThat(ids(given().auth().oauth2(Tokens.agency("lksa-6371")).queryParam("limit", 100)
                .get("/api/v1/inbox").jsonPath())).doesNotContain(routedEmergency, received, overdue);
    }

    @Test
    void theTimelineShowsRoutingEscalationAndNotificationsWithWhoAndWhen() throws Exception {
        String referral = publish(state(JAYAPURA, "ROUTED", Urgency.EMERGENCY, 1));
        publish(referral, EventTypes.REFERRAL_ESCALATED, new ReferralEscalated(referral, JAYAPURA, "RECEIVE", 2,
                "SUPERVISOR", JAYAPURA, List.of("SUPERVISOR"), Urgency.EMERGENCY, Instant.now(), Instant.now(),
                "step 2: escalated to the supervisor of Dinas Sosial Kota Jayapura"));
        publish(referral, EventTypes.NOTIFICATION_SENT, new NotificationStatusChanged(referral + ":RECEIVE-2", referral,
                JAYAPURA, "SUPERVISOR", "EMAIL", "SENT", "referral-escalation", "email/id/2/referral-escalation", "smtp",
                null, Instant.now()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.agency(JAYAPURA))
                .get("/api/v1/referrals/" + referral + "/timeline").then().statusCode(200)
                .body("kind", equalTo(List.of("ROUTING", "ESCALATION", "NOTIFICATION")))
                .body("[1].detail", equalTo("step 2: escalated to the supervisor of Dinas Sosial Kota Jayapura"))
                .body("[2].detail", equalTo("EMAIL sent to the SUPERVISOR of dinsos-9471")));
        given().auth().oauth2(Tokens.agency("lksa-6371")).get("/api/v1/referrals/" + referral + "/timeline").then()
                .statusCode(404);
    }

    @Test
    void badFiltersAreRefusedNamingTheParameter() {
        String token = Tokens.agency(JAYAPURA);
        given().auth().oauth2(token).queryParam("state", "LOST").get("/api/v1/inbox").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("state"));
        given().auth().oauth2(token).queryParam("cursor", "not-ours").get("/api/v1/inbox").then().statusCode(400)
                .body("field", equalTo("cursor"));
        given().auth().oauth2(token).queryParam("limit", 1000).get("/api/v1/sent").then().statusCode(400)
                .body("field", equalTo("limit"));
    }

    private static List<String> ids(JsonPath page) {
        return page.getList("items.referralId", String.class);
    }

    /** A referral in the given state, changed {@code order} milliseconds from now (a higher order is newer). */
    private static ReferralStateChanged state(String target, String state, Urgency urgency, int order) {
        String id = UUID.randomUUID().toString();
        Instant at = Instant.now().plusMillis(order);
        return new ReferralStateChanged(id, 2, ReferralKind.REFERRAL, id, "rutan-martapura", target, null,
                "rutan-martapura", CaseCategory.NEGLECT, urgency, "REQUESTED", state, null, CloudEventAttributes.SYSTEM,
                CloudEventAttributes.SYSTEM, null, "default", "routed to Dinas Sosial Kota Jayapura", null, at, at,
                LifecycleEvents.allowedIn(state), null, null, null, null);
    }

    private String publish(ReferralStateChanged changed) throws Exception {
        publish(changed.referralId(), EventTypes.REFERRAL_ROUTED, changed);
        return changed.referralId();
    }

    private void publish(String key, String type, Object data) throws Exception {
        boolean status = type.startsWith("id.rujukan.notification");
        KafkaTestResource.client().sendEvent(LifecycleEvents.topicsOf(data), key, type,
                status ? CloudEventAttributes.SOURCE_NOTIFICATION_SERVICE : CloudEventAttributes.SOURCE_REFERRAL_SERVICE,
                CloudEventAttributes.SYSTEM, json.writeValueAsString(data));
    }
}
