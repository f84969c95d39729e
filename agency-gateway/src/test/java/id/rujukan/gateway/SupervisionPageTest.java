package id.rujukan.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Pengawasan as the supervisor of LKSA Anak Banjarmasin reads it: referral-service's report for the agency (here
 * as referral-service would answer it) in words, agency names and the agency's time.
 */
@QuarkusTest
class SupervisionPageTest {

    private static final String AGENCY = "lksa-6371";

    @Inject
    ObjectMapper json;

    @Test
    void theGatewayAsksReferralServiceWithItsOwnBearerTokenNeverWithout() {
        given().auth().oauth2(Tokens.user(AGENCY, "supervisor")).get("/console/pengawasan").then().statusCode(200);

        // referral-service answers only a gateway's or an operator's token: every call of this run carried one
        assertThat(ReferralServiceStub.server().findAll(getRequestedFor(urlPathEqualTo("/api/v1/reports/referrals"))
                .withHeader("Authorization", matching("Bearer [A-Za-z0-9_.-]+")))).isNotEmpty();
        assertThat(ReferralServiceStub.server().findAll(anyRequestedFor(urlPathMatching("/api/v1/.*"))
                .withoutHeader("Authorization"))).isEmpty();
    }

    @Test
    void theSupervisorSeesTheLateEmergencyAndTheSharesInTimeInWords() {
        String referralId = UUID.randomUUID().toString();
        Instant due = Instant.now().minus(Duration.ofHours(3)).minus(Duration.ofMinutes(10));
        ReferralServiceStub.server().stubFor(get(urlPathEqualTo("/api/v1/reports/referrals"))
                .withQueryParam("agencyId", equalTo(AGENCY)).willReturn(aResponse()
                        .withHeader("Content-Type", "application/json").withBody("""
                                {"total": 50,
                                 "receivedInTime": {"inTime": 45, "counted": 50, "share": 0.9},
                                 "acceptedInTime": {"inTime": 0, "counted": 0, "share": null},
                                 "medianTimeToReceive": "PT2H5M", "medianTimeToAccept": null,
                                 "overdue": [{"referralId": "%s", "targetAgencyId": "%s", "urgency": "EMERGENCY",
                                              "category": "NEGLECT", "state": "ROUTED", "deadline": "RECEIVE",
                                              "dueAt": "%s", "overdueBy": "PT3H10M"}]}
                                """.formatted(referralId, AGENCY, due))));

        String page = given().auth().oauth2(Tokens.user(AGENCY, "supervisor")).get("/console/pengawasan").then()
                .statusCode(200).header("Cache-Control", "no-store").extract().asString();

        assertThat(page).contains("<h1>Pengawasan</h1>", "aria-current=\"page\">Pengawasan</a>",
                "data-reference=\"" + referralId.substring(0, 8).toUpperCase() + "\"",
                "<span class=\"state\">Menunggu konfirmasi</span> <span class=\"urgent\">Darurat</span>",
                "Penelantaran", "Kepada: LKSA Anak Banjarmasin", "1 terlambat",
                "<dd id=\"received-in-time\">45 dari 50 (90 %)</dd>",
                "<dd id=\"accepted-in-time\">Belum ada yang dihitung</dd>",
                "<dd id=\"median-receive\">2 jam 5 menit</dd>")
                .containsPattern("Batas konfirmasi: \\d{1,2} \\w{3} \\d{4} \\d{2}\\.\\d{2} WIB · <strong>terlambat 3 jam (10|11) menit")
                .doesNotContain("EMERGENCY", "NEGLECT", "lksa-6371<");
    }

    @Test
    void theCaseloadOfTheLastSixMonthsIsChartedByMonthAndByCategoryCountedInTheAgencysZone() {
        // the test directory has every agency in WIB
        YearMonth now = YearMonth.now(ZoneId.of("Asia/Jakarta"));
        ReferralServiceStub.server().stubFor(get(urlPathEqualTo("/api/v1/reports/referrals"))
                .withQueryParam("agencyId", equalTo(AGENCY)).withQueryParam("zone", equalTo("Asia/Jakarta"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"total": 16, "overdue": [],
                         "receivedInTime": {"inTime": 0, "counted": 0}, "acceptedInTime": {"inTime": 0, "counted": 0},
                         "byMonth": [{"month": "%s", "category": "NEGLECT", "count": 9},
                                     {"month": "%s", "category": "NEGLECT", "count": 1},
                                     {"month": "%s", "category": "NEGLECT", "count": 4},
                                     {"month": "%s", "category": "SEXUAL_VIOLENCE", "count": 2}]}
                        """.formatted(now.minusMonths(8), now.minusMonths(1), now, now))));

        String page = given().auth().oauth2(Tokens.user(AGENCY, "supervisor")).get("/console/pengawasan").then()
                .statusCode(200).extract().asString();

        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM yyyy", Locale.forLanguageTag("id"));
        String byMonth = page.substring(page.indexOf("id=\"chart-month\""), page.indexOf("id=\"chart-category\""));
        // six bars, the oldest first; the referrals of eight months ago are not among them
        assertThat(bars(byMonth)).containsExactly(now.minusMonths(5).format(month) + "=0",
                now.minusMonths(4).format(month) + "=0", now.minusMonths(3).format(month) + "=0",
                now.minusMonths(2).format(month) + "=0", now.minusMonths(1).format(month) + "=1",
                now.format(month) + "=6");
        assertThat(byMonth).contains("aria-label=\"" + now.minusMonths(5).format(month) + ": 0 rujukan;");
        assertThat(bars(page.substring(page.indexOf("id=\"chart-category\""))))
                .containsExactly("Penelantaran=5", "Kekerasan seksual=2");
        assertThat(page).doesNotContain("NEGLECT", "SEXUAL_VIOLENCE");
    }

    /** The chart's bars as label=count, in the order drawn. */
    private static List<String> bars(String chart) {
        return Pattern.compile("data-label=\"([^\"]+)\" data-count=\"(\\d+)\"").matcher(chart).results()
                .map(bar -> bar.group(1) + "=" + bar.group(2)).toList();
    }

    @Test
    void anOfficerHasNoSupervisionPageNorItsLink() {
        given().auth().oauth2(Tokens.user(AGENCY, "officer")).get("/console/pengawasan").then().statusCode(403);
        given().auth().oauth2(Tokens.user(AGENCY, "officer")).get("/console").then().statusCode(200)
                .body(not(containsString("Pengawasan")));
    }
}
