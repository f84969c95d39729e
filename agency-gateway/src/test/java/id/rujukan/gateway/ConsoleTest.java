package id.rujukan.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.NotificationStatusChanged;
import id.rujukan.contract.ReferralStateChanged;
import id.rujukan.contract.Urgency;
import id.rujukan.infra.testing.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The officers' console as an officer of Dinas Sosial OKU Timur reads it: the inbox in words, most urgent
 * first; the referral; what another agency's officer sees of it (nothing); English by choice.
 */
@QuarkusTest
class ConsoleTest {

    /** No other test refers trafficking cases, so a filtered inbox holds only this test's referrals. */
    private static final String CATEGORY = CaseCategory.TRAFFICKING.name();
    private static final Pattern REFERENCE = Pattern.compile("data-reference=\"([0-9A-F]{8})\"");

    @Inject
    ObjectMapper json;

    @Test
    void theInboxPutsWhatIsLateFirstThenTheNearestDeadlineAndSaysEverythingInWordsAndWib() throws Exception {
        Instant now = Instant.now();
        String soon = published("dinsos-1608", "ROUTED", Urgency.EMERGENCY, now.plus(Duration.ofMinutes(30)));
        String later = published("dinsos-1608", "ROUTED", Urgency.HIGH, now.plus(Duration.ofHours(3)));
        String late = published("dinsos-1608", "ROUTED", Urgency.NORMAL, now.minus(Duration.ofHours(2)));
        String accepted = published("dinsos-1608", "ACCEPTED", Urgency.LOW, null);
        String completed = published("dinsos-1608", "COMPLETED", Urgency.LOW, null);
        String elsewhere = published("lksa-6371", "ROUTED", Urgency.EMERGENCY, now.plus(Duration.ofMinutes(5)));

        String page = given().auth().oauth2(Tokens.user("dinsos-1608", "officer")).queryParam("category", CATEGORY)
                .get("/console").then().statusCode(200).contentType(ContentType.HTML)
                .header("Cache-Control", "no-store").extract().asString();

        // the other tests of this class leave referrals of their own in this inbox, none of them late
        assertThat(references(page)).startsWith(ref(late))
                .containsSubsequence(ref(late), ref(soon), ref(later), ref(accepted))
                .doesNotContain(ref(completed), ref(elsewhere));
        assertThat(page).contains("<p id=\"late-count\" class=\"late-count\">1 terlambat</p>");
        String lateRow = row(page, late);
        assertThat(lateRow).contains("Terlambat", "Menunggu konfirmasi", "Biasa", "Perdagangan orang",
                "Dari: Rutan Kelas IIB Martapura").containsPattern("terlambat (1 jam 59|2 jam 0) menit")
                .containsPattern("\\d{1,2} \\w{3} \\d{4} \\d{2}\\.\\d{2} WIB");
        assertThat(row(page, soon)).contains("Darurat").containsPattern("(29|30) menit lagi")
                .doesNotContain("Terlambat");
        assertThat(row(page, accepted)).contains("Diterima").doesNotContain("Batas waktu");
        assertThat(lateRow + row(page, soon)).doesNotContain("ROUTED", "NORMAL", "EMERGENCY", "TRAFFICKING",
                "rutan-martapura", "Z<");
    }

    @Test
    void theReferralOpenedFromTheInboxShowsItsDeadlineAndItsButtonsAct() throws Exception {
        String referralId = published("dinsos-1608", "ROUTED", Urgency.HIGH, Instant.now().plus(Duration.ofHours(2)));
        String officer = Tokens.user("dinsos-1608", "officer");

        given().auth().oauth2(officer).get("/console/rujukan/" + referralId).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body(containsString("<span id=\"state\" class=\"state\">Menunggu konfirmasi</span>"))
                .body(containsString("<dd id=\"from\">Rutan Kelas IIB Martapura</dd>"))
                .body(containsString("<dd id=\"to\">Dinas Sosial Kabupaten OKU Timur</dd>"))
                .body(containsString("<dt>Batas konfirmasi</dt>"))
                .body(containsString("<option value=\"NO_CAPACITY\">Tidak ada kapasitas</option>"))
                .body(containsString("id=\"accept\""));

        Forms.on(officer, "/console/rujukan/" + referralId).post("/console/rujukan/" + referralId + "/accept")
                .then().statusCode(303).header("Location", containsString("/console/rujukan/" + referralId
                        + "?sent=ACCEPT"));
        KafkaTestResource.client().await(SentToKafka.INTAKE_TOPICS, r -> referralId.equals(r.key())
                && r.value().contains("\"ACCEPT\"") && r.value().contains("officer.dinsos-1608"), 1,
                Duration.ofSeconds(20));
    }

    @Test
    void aSupervisorAcceptsForAnOfficerAndPutsAnotherInChargeWhichAnOfficerMayNot() throws Exception {
        String routed = published("dinsos-1608", "ROUTED", Urgency.HIGH, Instant.now().plus(Duration.ofHours(2)));
        String officer = Tokens.user("dinsos-1608", "officer");
        String supervisor = Tokens.user("dinsos-1608", "supervisor");
        String page = "/console/rujukan/" + routed;
        given().auth().oauth2(officer).get(page).then().statusCode(200)
                .body(not(containsString("id=\"onBehalfOf-accept\"")));
        given().auth().oauth2(supervisor).get(page).then().statusCode(200)
                .body(containsString("<label for=\"onBehalfOf-accept\">Atas nama petugas"));

        Forms.on(officer, page).formParam("onBehalfOf", "budi.officer").post(page + "/accept").then().statusCode(403);
        Forms.on(supervisor, page).formParam("onBehalfOf", "budi officer").post(page + "/accept").then()
                .statusCode(400).body("field", equalTo("onBehalfOf"));
        Forms.on(supervisor, page).formParam("onBehalfOf", "budi.officer").post(page + "/accept").then()
                .statusCode(303);
        KafkaTestResource.client().await(SentToKafka.INTAKE_TOPICS, r -> routed.equals(r.key())
                && r.value().contains("\"ACCEPT\"") && r.value().contains("\"onBehalfOf\":\"budi.officer\"")
                && r.value().contains("supervisor.dinsos-1608"), 1, Duration.ofSeconds(20));

        String accepted = published("dinsos-1608", "ACCEPTED", Urgency.HIGH, null);
        String acceptedPage = "/console/rujukan/" + accepted;
        given().auth().oauth2(officer).get(acceptedPage).then().statusCode(200)
                .body(not(containsString("id=\"reassign\"")));
        given().auth().oauth2(supervisor).get(acceptedPage).then().statusCode(200)
                .body(containsString("Ganti penanggung jawab"));
        Forms.on(officer, acceptedPage).formParam("officerInCharge", "ani.officer").post(acceptedPage + "/reassign")
                .then().statusCode(403);
        Forms.on(supervisor, acceptedPage).formParam("officerInCharge", "ani.officer").post(acceptedPage + "/reassign")
                .then().statusCode(303);
        KafkaTestResource.client().await(SentToKafka.INTAKE_TOPICS, r -> accepted.equals(r.key())
                && r.value().contains("\"REASSIGN\"") && r.value().contains("\"officerInCharge\":\"ani.officer\""),
                1, Duration.ofSeconds(20));
    }

    @Test
    void aReferralUnderWayIsReportedOnAndCompletedWithItsOutcomeAndItsReferrerMayCancelIt() throws Exception {
        String referralId = published("dinsos-1608", "ACCEPTED", Urgency.HIGH, null);
        String officer = Tokens.user("dinsos-1608", "officer");

        given().auth().oauth2(officer).get("/console/rujukan/" + referralId).then().statusCode(200)
                .body(containsString("<option value=\"LITMAS_SUBMITTED\">Litmas diserahkan</option>"))
                .body(containsString("<option value=\"RETURNED_TO_FAMILY\">Dikembalikan ke keluarga</option>"))
                .body(containsString("id=\"complete\"")).body(not(containsString("id=\"accept\"")))
                // acknowledging is for a referral that awaits it, not one already accepted
                .body(not(containsString("id=\"acknowledge\"")))
                .body(not(containsString("id=\"cancel\"")));
        Forms.on(officer, "/console/rujukan/" + referralId).formParam("milestone", "LITMAS_SUBMITTED").post("/console/rujukan/" + referralId + "/progress")
                .then().statusCode(303);
        Forms.on(officer, "/console/rujukan/" + referralId).formParam("outcomeCode", "RETURNED_TO_FAMILY").post("/console/rujukan/" + referralId + "/complete")
                .then().statusCode(303);
        KafkaTestResource.client().await(SentToKafka.INTAKE_TOPICS, r -> referralId.equals(r.key())
                && r.value().contains("\"PROGRESS\"") && r.value().contains("\"milestone\":\"LITMAS_SUBMITTED\""), 1,
                Duration.ofSeconds(20));
        KafkaTestResource.client().await(SentToKafka.INTAKE_TOPICS, r -> referralId.equals(r.key())
                && r.value().contains("\"COMPLETE\"") && r.value().contains("\"outcomeCode\":\"RETURNED_TO_FAMILY\""),
                1, Duration.ofSeconds(20));

        // the referrer's page offers the cancellation, with its reasons in words
        String referrer = Tokens.user("rutan-martapura", "officer");
        given().auth().oauth2(referrer).get("/console/rujukan/" + referralId).then().statusCode(200)
                .body(containsString("<option value=\"SENT_IN_ERROR\">Terkirim karena kesalahan</option>"))
                .body(containsString("id=\"cancel\"")).body(not(containsString("id=\"complete\"")));
        Forms.on(referrer, "/console/rujukan/" + referralId).formParam("reasonCode", "DUPLICATE").post("/console/rujukan/" + referralId + "/cancel")
                .then().statusCode(303);
        KafkaTestResource.client().await(SentToKafka.INTAKE_TOPICS, r -> referralId.equals(r.key())
                && r.value().contains("\"CANCEL\"") && r.value().contains("\"reasonCode\":\"DUPLICATE\""), 1,
                Duration.ofSeconds(20));
    }

    @Test
    void theTimelineSaysWhoWasAlertedHowInWordsWithAgencyNames() throws Exception {
        String referralId = published("dinsos-1608", "ROUTED", Urgency.HIGH, Instant.now().plusSeconds(3600));
        NotificationStatusChanged delivered = new NotificationStatusChanged(referralId + ":RECEIVE-1", referralId,
                "dinsos-1608", "DUTY_OFFICER", "SMS", "DELIVERED", "referral-new", "sms/id/2/referral-new", "smsc",
                null, Instant.now());
        KafkaTestResource.client().sendEvent(LifecycleEvents.topicsOf(delivered), referralId, EventTypes.NOTIFICATION_DELIVERED,
                CloudEventAttributes.SOURCE_NOTIFICATION_SERVICE, CloudEventAttributes.SYSTEM,
                json.writeValueAsString(delivered));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String page = given().auth().oauth2(Tokens.user("dinsos-1608", "officer"))
                    .get("/console/rujukan/" + referralId).then().statusCode(200).extract().asString();
            String timeline = page.substring(page.indexOf("<section id=\"timeline\">"));
            assertThat(timeline).contains("(SMS sampai ke petugas piket Dinas Sosial Kabupaten OKU Timur)")
                    .doesNotContain("dinsos-1608", "DUTY_OFFICER", "delivered to the");
        });
    }

    @Test
    void theTimelineWordsWhereItWasRoutedAndWhoIsInChargeFromTheirCodesInEitherLanguage() throws Exception {
        String referralId = published("dinsos-1608", "ROUTED", Urgency.HIGH, Instant.now().plusSeconds(3600));
        ReferralStateChanged accepted = LifecycleEvents.accepted(referralId, "rutan-martapura", "dinsos-1608",
                "supervisor.dinsos-1608", "budi.officer", "accepted by Dinas Sosial Kabupaten OKU Timur; officer in "
                        + "charge: budi.officer; supervisor.dinsos-1608 acted on behalf of budi.officer");
        KafkaTestResource.client().sendEvent(LifecycleEvents.topicsOf(accepted), referralId, EventTypes.REFERRAL_STATE_CHANGED,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM,
                json.writeValueAsString(accepted));
        String officer = Tokens.user("dinsos-1608", "officer");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String page = given().auth().oauth2(officer).get("/console/rujukan/" + referralId).then().statusCode(200)
                    .extract().asString();
            assertThat(page.substring(page.indexOf("<section id=\"timeline\">")))
                    .contains("(diteruskan ke Dinas Sosial Kabupaten OKU Timur menurut aturan umum)")
                    .contains("(petugas penanggung jawab: budi.officer; supervisor.dinsos-1608 atas nama budi.officer)")
                    .doesNotContain("routed", "accepted by", "officer in charge", "acted on behalf");
        });
        String english = given().auth().oauth2(officer).cookie("rujukan-bahasa", "en")
                .get("/console/rujukan/" + referralId).then().statusCode(200).extract().asString();
        assertThat(english.substring(english.indexOf("<section id=\"timeline\">")))
                .contains("(routed to Dinas Sosial Kabupaten OKU Timur by the rule: general)")
                .contains("(officer in charge: budi.officer; supervisor.dinsos-1608 on behalf of budi.officer)");
    }

    @Test
    void aFormPostedWithoutThePagesTokenIsRefusedInWordsAndChangesNothing() throws Exception {
        String referralId = published("dinsos-1608", "ROUTED", Urgency.HIGH, Instant.now().plusSeconds(3600));
        String officer = Tokens.user("dinsos-1608", "officer");
        String page = "/console/rujukan/" + referralId;

        // as another site would post it: the officer's session, but no token, or a token of its own making
        String refused = given().auth().oauth2(officer).redirects().follow(false).contentType(ContentType.URLENC)
                .post(page + "/accept").then().statusCode(400).contentType(ContentType.HTML).extract().asString();
        assertThat(refused).contains("<h1>Formulir tidak dapat diterima</h1>", "Tidak ada yang berubah.");
        given().auth().oauth2(officer).redirects().follow(false).contentType(ContentType.URLENC)
                .cookie(Forms.CSRF, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                .formParam(Forms.CSRF, "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB")
                .post(page + "/accept").then().statusCode(400);
        // a cross-site form may send text/plain without asking first: no console form takes it
        given().auth().oauth2(officer).redirects().follow(false).contentType(ContentType.TEXT)
                .body("reasonCode=NO_CAPACITY").post(page + "/decline").then().statusCode(415);

        // an API call is made with a bearer token, never a cookie, and needs no form token; an empty form body is
        // the one thing it may not send, and is told so
        given().auth().oauth2(Tokens.user("dinsos-1608", "agency-admin")).contentType(ContentType.URLENC)
                .post("/api/v1/admin/webhook/secret").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("the API takes JSON"));

        // the officer's own acknowledgement goes through; once it is read, everything before it on the referral's
        // partition has been read too, and the refused forms left nothing there
        Forms.on(officer, page).post(page + "/acknowledge").then().statusCode(303);
        KafkaTestResource.client().await(SentToKafka.INTAKE_TOPICS,
                r -> referralId.equals(r.key()) && r.value().contains("\"ACKNOWLEDGE\""), 1, Duration.ofSeconds(20));
        List<String> actions = new ArrayList<>();
        for (var action : KafkaTestResource.client().readAll(SentToKafka.INTAKE_TOPICS,
                r -> referralId.equals(r.key()), Duration.ofSeconds(2))) {
            actions.add(json.readTree(action.value()).path("action").asText());
        }
        assertThat(actions).containsExactly("ACKNOWLEDGE");
    }

    @Test
    void anotherAgencysOfficerGetsNothingAboutTheReferralOnAnyPage() throws Exception {
        String referralId = published("dinsos-1608", "ROUTED", Urgency.EMERGENCY, Instant.now().plusSeconds(600));
        String stranger = Tokens.user("lksa-6371", "supervisor");

        for (String list : List.of("/console", "/console/terkirim")) {
            given().auth().oauth2(stranger).queryParam("category", CATEGORY).get(list).then().statusCode(200)
                    .body(not(containsString(ref(referralId))));
        }
        given().auth().oauth2(stranger).get("/console/rujukan/" + referralId).then().statusCode(404)
                .body(not(containsString("Rutan Kelas IIB Martapura")));
        // even with a form's token of its own, from a page it may see
        Forms.on(stranger, "/console/baru").post("/console/rujukan/" + referralId + "/accept").then().statusCode(404);
    }

    @Test
    void anOfficerWhoChoseEnglishReadsEnglish() throws Exception {
        String referralId = published("dinsos-1608", "ROUTED", Urgency.HIGH, Instant.now().plusSeconds(7200));
        String officer = Tokens.user("dinsos-1608", "officer");

        String cookie = given().auth().oauth2(officer).redirects().follow(false).get("/console/bahasa/en")
                .then().statusCode(303).extract().cookie("rujukan-bahasa");
        assertThat(cookie).isEqualTo("en");

        given().auth().oauth2(officer).cookie("rujukan-bahasa", cookie).queryParam("category", CATEGORY)
                .get("/console").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Awaiting acknowledgement")).body(containsString("From: Rutan Kelas IIB Martapura"))
                .body(containsString("Trafficking")).body(containsString("Bahasa Indonesia"));
        given().auth().oauth2(officer).cookie("rujukan-bahasa", cookie).get("/console/rujukan/" + referralId)
                .then().statusCode(200).body(containsString("Acknowledge by"))
                .body(containsString("Accept the referral"));
    }

    /** A referral of Rutan Martapura's, in the given state at the target, as the gateway's view learns it. */
    private String published(String target, String state, Urgency urgency, Instant receiveDueAt) throws Exception {
        String referralId = UUID.randomUUID().toString();
        ReferralStateChanged changed = LifecycleEvents.inState(referralId, "rutan-martapura", target, state,
                CaseCategory.TRAFFICKING, urgency, receiveDueAt, null);
        KafkaTestResource.client().sendEvent(LifecycleEvents.topicsOf(changed), referralId, EventTypes.REFERRAL_STATE_CHANGED,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM,
                json.writeValueAsString(changed));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.agency(target))
                .get("/api/v1/referrals/" + referralId).then().statusCode(200).body("state", equalTo(state)));
        return referralId;
    }

    private static String ref(String referralId) {
        return referralId.substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static List<String> references(String page) {
        List<String> found = new ArrayList<>();
        Matcher matcher = REFERENCE.matcher(page);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** The list item of one referral. */
    private static String row(String page, String referralId) {
        int start = page.indexOf("data-reference=\"" + ref(referralId) + "\"");
        assertThat(start).as("row of %s", ref(referralId)).isPositive();
        return page.substring(start, page.indexOf("</li>", start));
    }
}
