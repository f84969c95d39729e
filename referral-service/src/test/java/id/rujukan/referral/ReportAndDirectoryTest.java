package id.rujukan.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.AgeBand;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.ReferralAction;
import id.rujukan.contract.ReferralState;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.contract.Region;
import id.rujukan.contract.Topics;
import id.rujukan.contract.Urgency;
import id.rujukan.infra.testing.DevKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportAndDirectoryTest {

    private static final Region JAYAPURA = new Region("94", "94.71");

    @Inject
    Story story;

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper json;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void aSupervisorSeesCountsTheShareAnsweredInTimeMedianTimesAndWhatIsOverdue() throws Exception {
        ReferralSubmitted quick = emergency(CaseCategory.SEXUAL_VIOLENCE);
        ReferralSubmitted ignored = emergency(CaseCategory.SEXUAL_VIOLENCE);
        ReferralSubmitted late = emergency(CaseCategory.NEGLECT);
        Instant routed = story.submitAndAwaitRouting(quick).routedAt;
        story.submitAndAwaitRouting(ignored);
        story.submitAndAwaitRouting(late);

        clock.set(routed.plus(Duration.ofMinutes(5)));
        story.act(Submissions.action(quick, ReferralAction.ACKNOWLEDGE, "dinsos-9471"));
        story.awaitState(quick.referralId(), ReferralState.RECEIVED);
        clock.set(routed.plus(Duration.ofMinutes(20)));
        story.act(Submissions.action(quick, ReferralAction.ACCEPT, "dinsos-9471"));
        story.awaitState(quick.referralId(), ReferralState.ACCEPTED);
        clock.set(routed.plus(Duration.ofMinutes(25)));
        story.act(Submissions.action(late, ReferralAction.RECEIVE, "dinsos-9471"));
        story.awaitState(late.referralId(), ReferralState.RECEIVED);
        clock.set(routed.plus(Duration.ofMinutes(30)));

        JsonNode report = json.readTree(given().auth().oauth2(Tokens.gateway()).queryParam("agencyId", "dinsos-9471")
                .when().get("/api/v1/reports/referrals")
                .then().statusCode(200).extract().asString());

        assertThat(report.get("total").asInt()).isEqualTo(3);
        assertThat(report.get("byState").get("ROUTED").asInt()).isEqualTo(1);
        assertThat(report.get("byState").get("RECEIVED").asInt()).isEqualTo(1);
        assertThat(report.get("byState").get("ACCEPTED").asInt()).isEqualTo(1);
        assertThat(report.get("byCategory").get("SEXUAL_VIOLENCE").asInt()).isEqualTo(2);
        assertThat(report.get("byCategory").get("NEGLECT").asInt()).isEqualTo(1);
        // received in time: only the quick one; the late one and the ignored one count against
        assertThat(report.get("receivedInTime").get("inTime").asInt()).isEqualTo(1);
        assertThat(report.get("receivedInTime").get("counted").asInt()).isEqualTo(3);
        // the accept deadline (1 h) has passed for none: only the accepted one is counted
        assertThat(report.get("acceptedInTime").get("inTime").asInt()).isEqualTo(1);
        assertThat(report.get("acceptedInTime").get("counted").asInt()).isEqualTo(1);
        assertThat(Duration.parse(report.get("medianTimeToReceive").asText())).isEqualTo(Duration.ofMinutes(15));
        assertThat(Duration.parse(report.get("medianTimeToAccept").asText())).isEqualTo(Duration.ofMinutes(20));
        assertThat(report.get("overdue")).hasSize(1);
        assertThat(report.get("overdue").get(0).get("referralId").asText()).isEqualTo(ignored.referralId());
        assertThat(report.get("overdue").get(0).get("deadline").asText()).isEqualTo("RECEIVE");
        assertThat(Duration.parse(report.get("overdue").get(0).get("overdueBy").asText()))
                .isEqualTo(Duration.ofMinutes(15));

        // the caseload by month, counted in the agency's zone (WIT in Jayapura)
        String month = YearMonth.from(quick.submittedAt().atZone(ZoneId.of("Asia/Jayapura"))).toString();
        JsonNode caseload = json.readTree(given().auth().oauth2(Tokens.gateway()).queryParam("agencyId", "dinsos-9471")
                .queryParam("zone", "Asia/Jayapura").when().get("/api/v1/reports/referrals")
                .then().statusCode(200).extract().asString()).get("byMonth");
        assertThat(caseload).extracting(m -> m.get("month").asText() + " " + m.get("category").asText() + " "
                + m.get("count").asInt()).containsExactly(month + " NEGLECT 1", month + " SEXUAL_VIOLENCE 2");
        given().auth().oauth2(Tokens.gateway()).queryParam("zone", "Mars/Olympus").when().get("/api/v1/reports/referrals").then().statusCode(400);

        given().auth().oauth2(Tokens.gateway()).queryParam("agencyId", "dinsos-9471").queryParam("category", "NEGLECT")
                .when().get("/api/v1/reports/referrals")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void anAgencysOwnGatewayReadsTheReportsOfItsOwnAgenciesAndNoneOther() {
        given().auth().oauth2(Tokens.ownGateway("dinsos-9471")).queryParam("agencyId", "dinsos-9471")
                .when().get("/api/v1/reports/referrals").then().statusCode(200);
        given().auth().oauth2(Tokens.ownGateway("dinsos-1608", "dinsos-1607")).queryParam("agencyId", "dinsos-1607")
                .when().get("/api/v1/reports/referrals").then().statusCode(200);
        given().auth().oauth2(Tokens.ownGateway("dinsos-9471")).queryParam("agencyId", "dinsos-1608")
                .when().get("/api/v1/reports/referrals").then().statusCode(403);
        // nor a region's figures as a whole, which hold other agencies'
        given().auth().oauth2(Tokens.ownGateway("dinsos-9471")).queryParam("provinceCode", "94")
                .when().get("/api/v1/reports/referrals").then().statusCode(403);
        // the shared gateway acts for every agency
        given().auth().oauth2(Tokens.gateway()).queryParam("provinceCode", "94")
                .when().get("/api/v1/reports/referrals").then().statusCode(200);
    }

    @Test
    void theReportCountsOutcomesByCodeTheShareCompletedSuccessfullyAndDeclinesByReason() throws Exception {
        Instant start = Instant.now();
        ReferralSubmitted returned = toOkuTimur();
        ReferralSubmitted notFound = toOkuTimur();
        ReferralSubmitted declined = toOkuTimur();
        for (ReferralSubmitted referral : List.of(returned, notFound, declined)) {
            story.submitAndAwaitRouting(referral);
        }
        for (ReferralSubmitted referral : List.of(returned, notFound)) {
            story.act(Submissions.action(referral, ReferralAction.ACCEPT, "dinsos-1608"));
            story.awaitState(referral.referralId(), ReferralState.ACCEPTED);
        }
        story.act(Submissions.action(returned.referralId(), ReferralAction.COMPLETE, "dinsos-1608", null,
                "RETURNED_TO_FAMILY", null));
        story.act(Submissions.action(notFound.referralId(), ReferralAction.COMPLETE, "dinsos-1608", null,
                "CHILD_NOT_FOUND", null));
        story.act(Submissions.action(declined.referralId(), ReferralAction.DECLINE, "dinsos-1608", "NOT_ELIGIBLE",
                null, null));
        story.awaitState(returned.referralId(), ReferralState.COMPLETED);
        story.awaitState(notFound.referralId(), ReferralState.COMPLETED);
        story.awaitTimeline(declined.referralId(), "after Dinas Sosial Kabupaten OKU Timur declined");

        JsonNode report = json.readTree(given().auth().oauth2(Tokens.gateway()).queryParam("agencyId", "dinsos-1608")
                .queryParam("from", start.toString()).when().get("/api/v1/reports/referrals")
                .then().statusCode(200).extract().asString());

        assertThat(report.get("byOutcome").get("RETURNED_TO_FAMILY").asInt()).isEqualTo(1);
        assertThat(report.get("byOutcome").get("CHILD_NOT_FOUND").asInt()).isEqualTo(1);
        assertThat(report.get("byOutcome")).hasSize(2);
        // returned to the family is a success; a child not found is not
        assertThat(report.get("successfulOutcomes").get("inTime").asInt()).isEqualTo(1);
        assertThat(report.get("successfulOutcomes").get("counted").asInt()).isEqualTo(2);
        // the decline counts for the agency that declined, though the referral has moved on to the next one
        assertThat(report.get("declinesByReason").get("NOT_ELIGIBLE").asInt()).isEqualTo(1);
        assertThat(report.get("declinesByReason")).hasSize(1);
    }

    @Test
    void anAdminChangesAnAgencyAndTheChangeIsPublishedForTheOtherServices() {
        String agency = given().auth().oauth2(Tokens.operator()).when().get("/api/v1/directory/agencies/lksa-6371")
                .then().statusCode(200).body("capacity", equalTo(20)).extract().asString();
        String changed = agency.replace("\"capacity\":20", "\"capacity\":25");

        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(changed)
                .when().put("/api/v1/directory/agencies/lksa-6371")
                .then().statusCode(200).body("capacity", equalTo(25));

        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/directory/agencies").then().statusCode(200)
                .body("agencyId", hasItem("lksa-6371"));
        await().atMost(Story.WAIT).until(() -> story.kafka().readAll(Topics.AGENCY_DIRECTORY,
                r -> "lksa-6371".equals(r.key()) && r.value().contains("\"capacity\":25"), Duration.ofSeconds(1))
                .size() == 1);
    }

    @Test
    void onlyAGatewayOrAnOperatorReadsReportsAndRoutingPreviews() {
        for (String path : List.of("/api/v1/reports/referrals?agencyId=dinsos-1608",
                "/api/v1/routing/preview?category=NEGLECT&urgency=NORMAL&provinceCode=16")) {
            given().when().get(path).then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
            // an agency's own system or its officer, with a token for this service: still not theirs to ask
            for (String role : List.of("agency-system", "officer", "supervisor")) {
                given().auth().oauth2(Tokens.agency(role)).when().get(path).then().statusCode(403);
            }
            given().auth().oauth2(Tokens.gateway()).when().get(path).then().statusCode(200);
            given().auth().oauth2(Tokens.operator()).when().get(path).then().statusCode(200);
        }
    }

    @Test
    void onlyAnOperatorReadsOrChangesTheDirectory() {
        String agency = given().auth().oauth2(Tokens.operator()).when().get("/api/v1/directory/agencies/lksa-1608")
                .then().statusCode(200).extract().asString();
        String changed = agency.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"Changed by a stranger\"");

        given().contentType(ContentType.JSON).body(changed).when().put("/api/v1/directory/agencies/lksa-1608")
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        for (String role : List.of("agency-system", "officer", "agency-admin")) {
            given().auth().oauth2(Tokens.agency(role)).contentType(ContentType.JSON).body(changed)
                    .when().put("/api/v1/directory/agencies/lksa-1608").then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(Tokens.agency(role)).when().get("/api/v1/directory/agencies").then().statusCode(403);
        }
        given().when().get("/api/v1/directory/agencies/lksa-1608").then().statusCode(401);
        given().when().get("/api/v1/directory/agencies").then().statusCode(401);
        given().auth().oauth2(Tokens.operatorForAnotherService()).contentType(ContentType.JSON).body(changed)
                .when().put("/api/v1/directory/agencies/lksa-1608").then().statusCode(401)
                .contentType("application/problem+json");

        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/directory/agencies/lksa-1608")
                .then().statusCode(200).body("name", equalTo(new JsonPath(agency).getString("name")));
    }

    @Test
    void aBadAgencyIsRefusedWithTheFieldNamed() {
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"agencyId\":\"x-1\",\"name\":\"\",\"type\":\"LKSA\",\"region\":{\"provinceCode\":\"16\"},"
                        + "\"timeZone\":\"Asia/Jakarta\",\"services\":[],\"countsWorkingDays\":false,\"contacts\":[]}")
                .when().put("/api/v1/directory/agencies/x-1")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"agencyId\":\"x-1\",\"name\":\"X\",\"type\":\"LKSA\",\"region\":{\"provinceCode\":\"16\"},"
                        + "\"timeZone\":\"Mars/Olympus\",\"services\":[],\"countsWorkingDays\":false,\"contacts\":[]}")
                .when().put("/api/v1/directory/agencies/x-1")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/directory/agencies/x-1").then().statusCode(404);
    }

    @Test
    void anAgencysKeyThatIsNotItsOrNotAKeyOfItsKindIsRefusedWithTheKeyNamed() {
        String agency = given().auth().oauth2(Tokens.operator()).when().get("/api/v1/directory/agencies/lksa-1608")
                .then().statusCode(200).extract().asString();
        String signingKey = DevKeys.publicKey("lksa-1608");
        String grantKey = DevKeys.grantPublicKey("lksa-1608").publicKey();
        assertThat(agency).contains(signingKey, grantKey);

        // a grant key given as the signing key, a signing key as the grant key, another agency's key name
        for (String changed : List.of(agency.replace(signingKey, grantKey), agency.replace(grantKey, signingKey),
                agency.replace("\"keyId\":\"lksa-1608.dev-1\"", "\"keyId\":\"lksa-6371.dev-1\""))) {
            given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(changed)
                    .when().put("/api/v1/directory/agencies/lksa-1608").then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString("key"));
        }
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(agency.replace(signingKey, grantKey)).when().put("/api/v1/directory/agencies/lksa-1608")
                .then().body("detail", equalTo("signingKeys: key lksa-1608.dev-1 is not an Ed25519 public key"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(agency.replace(grantKey, signingKey)).when().put("/api/v1/directory/agencies/lksa-1608")
                .then().body("detail", equalTo("grantKeys: key lksa-1608.dev-1 is not an X25519 public key"));
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/directory/agencies/lksa-1608").then()
                .statusCode(200).body(containsString(grantKey));
    }

    private static ReferralSubmitted toOkuTimur() {
        return Submissions.referral("rutan-martapura", "dinsos-1608", null, CaseCategory.NEGLECT, Urgency.NORMAL,
                Submissions.OKU_TIMUR, AgeBand.CHILD_5_TO_11);
    }

    private static ReferralSubmitted emergency(CaseCategory category) {
        return Submissions.referral("rutan-martapura", "dinsos-9471", null, category, Urgency.EMERGENCY, JAYAPURA,
                AgeBand.CHILD_5_TO_11);
    }
}
