package id.rujukan.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint against every kind of caller: its own agency, another agency, no token, an expired
 * token, a token from another issuer, and the wrong role. An agency that is not a party to a referral
 * gets 404, never a hint that the referral exists.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final String REFERRER = "rutan-martapura";
    private static final String TARGET = "dinsos-1608";
    private static final String STRANGER = "lksa-6371";
    private static final byte[] LINK_SECRET = "dev-only-action-link-secret-0123456789"
            .getBytes(StandardCharsets.UTF_8);

    @Inject
    ObjectMapper json;

    private String referralId;

    @BeforeEach
    void aReferralFromTheRutanToDinasSosial() throws Exception {
        KafkaTestClient kafka = KafkaTestResource.client();
        referralId = UUID.randomUUID().toString();
        ReferralStateChanged routed = LifecycleEvents.routed(referralId, 2, "ROUTED", CaseCategory.CHILD_OF_DETAINEE,
                Urgency.HIGH, "routed");
        kafka.sendEvent(LifecycleEvents.topicsOf(routed), referralId, EventTypes.REFERRAL_ROUTED,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM, json.writeValueAsString(routed));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(Tokens.agency(REFERRER))
                .get("/api/v1/referrals/" + referralId).statusCode() == 200);
    }

    @Test
    void submittingAReferral() {
        Function<RequestSpecification, Integer> submit = request -> request.contentType(ContentType.JSON)
                .body(Referrals.infantOfDetainee()).post("/api/v1/referrals").statusCode();
        assertThat(matrix(submit, Tokens.agency(REFERRER), Tokens.agency(TARGET), Tokens.user(REFERRER, "agency-admin")))
                .containsExactlyEntriesOf(expected(202, 403, 403));
    }

    @Test
    void readingAReferral() {
        Function<RequestSpecification, Integer> read = request -> request.get("/api/v1/referrals/" + referralId)
                .statusCode();
        assertThat(matrix(read, Tokens.agency(TARGET), Tokens.agency(STRANGER), Tokens.user(TARGET, "agency-admin")))
                .containsExactlyEntriesOf(expected(200, 404, 403));
        assertThat(given().auth().oauth2(Tokens.user(REFERRER, "officer")).get("/api/v1/referrals/" + referralId)
                .statusCode()).isEqualTo(200);
        given().get("/api/v1/referrals/" + referralId).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer realm=\"rujukan\"");
    }

    @Test
    void actingOnAReferral() {
        Function<RequestSpecification, Integer> note = request -> request.contentType(ContentType.JSON)
                .body("{\"note\":\"dicek\"}").post("/api/v1/referrals/" + referralId + "/notes").statusCode();
        assertThat(matrix(note, Tokens.agency(TARGET), Tokens.agency(STRANGER), Tokens.user(TARGET, "agency-admin")))
                .containsExactlyEntriesOf(expected(202, 404, 403));
        Function<RequestSpecification, Integer> accept = request -> request.contentType(ContentType.JSON).body("{}")
                .post("/api/v1/referrals/" + referralId + "/accept").statusCode();
        assertThat(matrix(accept, Tokens.agency(TARGET), Tokens.agency(STRANGER), Tokens.user(TARGET, "agency-admin")))
                .containsExactlyEntriesOf(expected(202, 404, 403));
    }

    @Test
    void answeringAReferralAwaitingTheTargetOrCancellingIt() {
        for (String[] answer : new String[][] {{"acknowledge", "{}"}, {"decline", "{\"reasonCode\":\"OUT_OF_MANDATE\"}"}}) {
            Function<RequestSpecification, Integer> act = request -> request.contentType(ContentType.JSON)
                    .body(answer[1]).post("/api/v1/referrals/" + referralId + "/" + answer[0]).statusCode();
            assertThat(matrix(act, Tokens.agency(TARGET), Tokens.agency(STRANGER), Tokens.user(TARGET, "agency-admin")))
                    .as(answer[0]).containsExactlyEntriesOf(expected(202, 404, 403));
        }
        Function<RequestSpecification, Integer> cancel = request -> request.contentType(ContentType.JSON)
                .body("{\"note\":\"dikirim keliru\"}").post("/api/v1/referrals/" + referralId + "/cancel").statusCode();
        assertThat(matrix(cancel, Tokens.agency(REFERRER), Tokens.agency(STRANGER), Tokens.user(REFERRER, "agency-admin")))
                .containsExactlyEntriesOf(expected(202, 404, 403));
        // the referrer may not answer in the target's place, nor the target cancel: a party, but not that one
        given().auth().oauth2(Tokens.agency(REFERRER)).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/referrals/" + referralId + "/acknowledge").then().statusCode(403);
        given().auth().oauth2(Tokens.agency(TARGET)).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/referrals/" + referralId + "/cancel").then().statusCode(403);
    }

    @Test
    void openingAnAlertsLinkAndActingFromItsPage() {
        // each caller opens a link made for its own agency, as its alerts would carry
        Function<String, String> page = agency -> "/m/" + new ActionLink(UUID.fromString(referralId), agency,
                "OFFICER", Instant.now().plus(Duration.ofHours(1))).sign(LINK_SECRET);
        Map<String, Integer> open = new LinkedHashMap<>();
        open.put("target's officer", given().auth().oauth2(Tokens.user(TARGET, "officer")).redirects().follow(false)
                .get(page.apply(TARGET)).statusCode());
        open.put("target's system", given().auth().oauth2(Tokens.agency(TARGET)).redirects().follow(false)
                .get(page.apply(TARGET)).statusCode());
        open.put("referrer's supervisor", given().auth().oauth2(Tokens.user(REFERRER, "supervisor")).redirects()
                .follow(false).get(page.apply(REFERRER)).statusCode());
        open.put("other agency", given().auth().oauth2(Tokens.user(STRANGER, "officer")).redirects().follow(false)
                .get(page.apply(STRANGER)).statusCode());
        open.put("other agency, the target's link", given().auth().oauth2(Tokens.user(STRANGER, "officer"))
                .redirects().follow(false).get(page.apply(TARGET)).statusCode());
        open.put("wrong role", given().auth().oauth2(Tokens.user(TARGET, "agency-admin")).redirects().follow(false)
                .get(page.apply(TARGET)).statusCode());
        open.put("no token", given().redirects().follow(false).get(page.apply(TARGET)).statusCode());
        open.put("expired token", given().auth().oauth2(Tokens.expired(TARGET)).redirects().follow(false)
                .get(page.apply(TARGET)).statusCode());
        open.put("token from another issuer", given().auth().oauth2(Tokens.fromAnotherIssuer(TARGET)).redirects()
                .follow(false).get(page.apply(TARGET)).statusCode());
        // a browser without a session is sent to sign in; a bearer token that is no good is refused
        assertThat(open).containsExactlyInAnyOrderEntriesOf(Map.of("target's officer", 200, "target's system", 200,
                "referrer's supervisor", 200, "other agency", 404, "other agency, the target's link", 403,
                "wrong role", 403, "no token", 302, "expired token", 401, "token from another issuer", 401));

        // a note from the page, with the page's form token
        String officer = Tokens.user(TARGET, "officer");
        Map<String, Integer> note = new LinkedHashMap<>();
        note.put("wrong role", Forms.on(officer, page.apply(TARGET), Tokens.user(TARGET, "agency-admin"))
                .formParam("note", "dicek").post(page.apply(TARGET) + "/note").statusCode());
        note.put("other agency", Forms.on(officer, page.apply(TARGET), Tokens.user(STRANGER, "officer"))
                .formParam("note", "dicek").post(page.apply(STRANGER) + "/note").statusCode());
        note.put("target's officer", Forms.on(officer, page.apply(TARGET)).formParam("note", "dicek")
                .post(page.apply(TARGET) + "/note").statusCode());
        assertThat(note).containsExactlyInAnyOrderEntriesOf(Map.of("wrong role", 403, "other agency", 404,
                "target's officer", 303));
    }

    @Test
    void reportingProgressOnAndCompletingAnAcceptedReferral() throws Exception {
        String accepted = UUID.randomUUID().toString();
        ReferralStateChanged inState = LifecycleEvents.inState(accepted, REFERRER, TARGET, "ACCEPTED",
                CaseCategory.CHILD_OF_DETAINEE, Urgency.HIGH, null, null);
        KafkaTestResource.client().sendEvent(LifecycleEvents.topicsOf(inState), accepted, EventTypes.REFERRAL_ROUTED,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM, json.writeValueAsString(inState));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(Tokens.agency(TARGET))
                .get("/api/v1/referrals/" + accepted).statusCode() == 200);
        for (String[] work : new String[][] {{"progress", "{\"note\":\"kunjungan rumah\"}"},
                {"complete", "{\"outcomeCode\":\"PLACED_IN_TEMPORARY_CARE\"}"}}) {
            Function<RequestSpecification, Integer> act = request -> request.contentType(ContentType.JSON)
                    .body(work[1]).post("/api/v1/referrals/" + accepted + "/" + work[0]).statusCode();
            assertThat(matrix(act, Tokens.agency(TARGET), Tokens.agency(STRANGER), Tokens.user(TARGET, "agency-admin")))
                    .as(work[0]).containsExactlyEntriesOf(expected(202, 404, 403));
        }
    }

    @Test
    void administeringTheAgencysWebhook() {
        try {
            Function<RequestSpecification, Integer> register = request -> request.contentType(ContentType.JSON)
                    .body("{\"url\":\"http://127.0.0.1:9/rujukan\"}").put("/api/v1/admin/webhook").statusCode();
            assertThat(matrix(register, Tokens.user(STRANGER, "agency-admin"), Tokens.user(REFERRER, "agency-admin"),
                    Tokens.user(STRANGER, "officer"))).containsExactlyEntriesOf(expected(200, 200, 403));
            for (String[] call : new String[][] {{"GET", ""}, {"POST", "/secret"}}) {
                Function<RequestSpecification, Integer> read = request -> request.contentType(ContentType.JSON)
                        .request(call[0], "/api/v1/admin/webhook" + call[1]).statusCode();
                // each admin sees and rotates only its own agency's webhook
                assertThat(matrix(read, Tokens.user(STRANGER, "agency-admin"), Tokens.user(TARGET, "agency-admin"),
                        Tokens.user(STRANGER, "head"))).as(call[0] + call[1])
                        .containsExactlyEntriesOf(expected(200, 404, 403));
            }
        } finally {
            // no pushes of other tests' referrals to these
            for (String agency : new String[] {STRANGER, REFERRER}) {
                given().auth().oauth2(Tokens.user(agency, "agency-admin")).delete("/api/v1/admin/webhook")
                        .then().statusCode(204);
            }
        }
    }

    @Test
    void readingTheTimelineTheDetailsTheInboxAndSent() {
        Function<RequestSpecification, Integer> timeline = request -> request
                .get("/api/v1/referrals/" + referralId + "/timeline").statusCode();
        assertThat(matrix(timeline, Tokens.agency(TARGET), Tokens.agency(STRANGER), Tokens.user(TARGET, "agency-admin")))
                .containsExactlyEntriesOf(expected(200, 404, 403));
        // this referral's data was sealed by referral-service's test double, not by this gateway: 404 for all
        Function<RequestSpecification, Integer> details = request -> request
                .get("/api/v1/referrals/" + referralId + "/details").statusCode();
        assertThat(matrix(details, Tokens.agency(TARGET), Tokens.agency(STRANGER), Tokens.user(TARGET, "agency-admin")))
                .containsExactlyEntriesOf(expected(404, 404, 403));
        for (String list : new String[] {"/api/v1/inbox", "/api/v1/sent"}) {
            Function<RequestSpecification, Integer> read = request -> request.get(list).statusCode();
            assertThat(matrix(read, Tokens.agency(TARGET), Tokens.agency(STRANGER), Tokens.user(TARGET, "agency-admin")))
                    .as(list).containsExactlyEntriesOf(expected(200, 200, 403));
        }
    }

    @Test
    void administeringAnAgency() {
        Function<RequestSpecification, Integer> audit = request -> request.get("/api/v1/admin/audit").statusCode();
        assertThat(matrix(audit, Tokens.user(REFERRER, "agency-admin"), Tokens.user(STRANGER, "agency-admin"),
                Tokens.user(REFERRER, "head"))).containsExactlyEntriesOf(expected(200, 200, 403));
        Function<RequestSpecification, Integer> erase = request -> request
                .delete("/api/v1/admin/cases/" + UUID.randomUUID() + "/data-keys").statusCode();
        assertThat(matrix(erase, Tokens.user(REFERRER, "agency-admin"), Tokens.user(STRANGER, "agency-admin"),
                Tokens.user(REFERRER, "head"))).containsExactlyEntriesOf(expected(404, 404, 403));
        Function<RequestSpecification, Integer> handoff = request -> request.contentType(ContentType.JSON)
                .body(Referrals.infantOfDetainee()).post("/api/v1/cases/" + referralId + "/handoffs").statusCode();
        assertThat(matrix(handoff, Tokens.agency(REFERRER), Tokens.agency(TARGET), Tokens.user(REFERRER, "agency-admin")))
                .containsExactlyEntriesOf(expected(202, 403, 403));
    }

    @Test
    void readingReports() {
        Function<RequestSpecification, Integer> report = request -> request.get("/api/v1/reports/referrals")
                .statusCode();
        assertThat(matrix(report, Tokens.user(TARGET, "supervisor"), Tokens.user(TARGET, "head"),
                Tokens.user(TARGET, "officer"))).containsExactlyEntriesOf(expected(200, 200, 403));
    }

    @Test
    void reportsShowAnAgencyItsOwnReferralsAProvinceItsProvinceAndTheMinistryEverything() {
        given().auth().oauth2(Tokens.user(TARGET, "supervisor")).queryParam("agencyId", STRANGER)
                .get("/api/v1/reports/referrals").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user(TARGET, "supervisor")).get("/api/v1/reports/referrals").then()
                .statusCode(200);
        ReferralServiceStub.server().verify(getRequestedFor(urlPathEqualTo("/api/v1/reports/referrals"))
                .withQueryParam("agencyId", equalTo(TARGET)));
        given().auth().oauth2(Tokens.user("dinsos-16", "head")).get("/api/v1/reports/referrals").then()
                .statusCode(200);
        ReferralServiceStub.server().verify(getRequestedFor(urlPathEqualTo("/api/v1/reports/referrals"))
                .withQueryParam("provinceCode", equalTo("16")));
        given().auth().oauth2(Tokens.user("kemensos", "head")).queryParam("agencyId", STRANGER)
                .get("/api/v1/reports/referrals").then().statusCode(200);
        ReferralServiceStub.server().verify(getRequestedFor(urlPathEqualTo("/api/v1/reports/referrals"))
                .withQueryParam("agencyId", equalTo(STRANGER)));
    }

    /**
     * The status for each kind of caller.
     *
     * @param own a caller who may do it; other a caller of another agency; wrongRole a caller of a party
     *        agency without the role
     */
    private static Map<String, Integer> matrix(Function<RequestSpecification, Integer> call, String own,
            String other, String wrongRole) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        statuses.put("own agency", call.apply(given().auth().oauth2(own)));
        statuses.put("other agency", call.apply(given().auth().oauth2(other)));
        statuses.put("no token", call.apply(given()));
        statuses.put("expired token", call.apply(given().auth().oauth2(Tokens.expired(REFERRER))));
        statuses.put("token from another issuer", call.apply(given().auth().oauth2(Tokens.fromAnotherIssuer(REFERRER))));
        statuses.put("wrong role", call.apply(given().auth().oauth2(wrongRole)));
        return statuses;
    }

    private static Map<String, Integer> expected(int own, int other, int wrongRole) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        statuses.put("own agency", own);
        statuses.put("other agency", other);
        statuses.put("no token", 401);
        statuses.put("expired token", 401);
        statuses.put("token from another issuer", 401);
        statuses.put("wrong role", wrongRole);
        return statuses;
    }
}
