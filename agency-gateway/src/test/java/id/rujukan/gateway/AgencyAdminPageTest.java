package id.rujukan.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.Topics;
import id.rujukan.infra.testing.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pengaturan lembaga as the admin of Rutan Martapura uses it: the webhook, its secret, the audit trail. */
@QuarkusTest
class AgencyAdminPageTest {

    private static final Pattern SECRET = Pattern.compile("<code>([A-Za-z0-9_-]{43})</code>");

    @Inject
    ObjectMapper json;

    /** Other tests' referrals of Rutan Martapura must not be pushed to this test's webhook. */
    @AfterEach
    void removeTheWebhook() {
        given().auth().oauth2(Tokens.user("rutan-martapura", "agency-admin")).delete("/api/v1/admin/webhook").then()
                .statusCode(204);
    }

    @Test
    void theAdminSetsTheWebhookSeesItsSecretOnceRotatesItAndReadsWhoReadTheChildsData() {
        String referralId = given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON)
                .body(Referrals.infantOfDetainee()).post("/api/v1/referrals").then().statusCode(202)
                .extract().path("referralId");
        given().auth().oauth2(Tokens.user("rutan-martapura", "officer")).get("/api/v1/referrals/" + referralId
                + "/details").then().statusCode(200);
        String admin = Tokens.user("rutan-martapura", "agency-admin");

        // a URL inside the network is refused, in words, with what was typed kept
        Forms.on(admin, "/console/admin").formParam("url", "http://10.1.2.3/hook")
                .post("/console/admin/webhook").then().statusCode(400)
                .body(containsString("URL ditolak: url must point to the agency&#39;s server on the internet"))
                .body(containsString("value=\"http://10.1.2.3/hook\""));
        String registered = Forms.on(admin, "/console/admin").formParam("url", "http://127.0.0.1:9/rutan")
                .post("/console/admin/webhook").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().asString();
        assertThat(registered).contains("<dd id=\"webhook-url\">http://127.0.0.1:9/rutan</dd>",
                "Rahasia penandatanganan, hanya ditampilkan sekali ini");
        String first = secret(registered);
        // shown once: the page read again does not show it
        String page = given().auth().oauth2(admin).get("/console/admin").then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain(first).doesNotContain("id=\"webhook-secret\"")
                .contains("aria-current=\"page\">Pengaturan lembaga</a>")
                // an admin's console is the settings: no inbox to work
                .doesNotContain(">Kotak masuk</a>");
        String rotated = secret(Forms.on(admin, "/console/admin").post("/console/admin/webhook/rahasia").then()
                .statusCode(200).extract().asString());
        assertThat(rotated).isNotEqualTo(first);

        // the audit trail, newest first, in words
        String reference = referralId.substring(0, 8).toUpperCase();
        assertThat(page).contains("<span class=\"ref\">" + reference + "</span> · Membaca data anak",
                "<span class=\"ref\">" + reference + "</span> · Mengirim rujukan")
                .containsPattern("\\d{1,2} \\w{3} \\d{4} \\d{2}\\.\\d{2} WIB · officer\\.rutan-martapura");
    }

    @Test
    void theAdminRecordsLeaveWithItsCoverAndReferralServiceIsToldTheWholeRoster() throws Exception {
        String admin = Tokens.user("dinsos-1608", "agency-admin");
        assertThat(given().auth().oauth2(admin).get("/console/admin").then().statusCode(200).extract().asString())
                .contains("Lembaga ini belum memiliki jadwal piket", "<option value=\"" + Directory.NIGHT_OFFICER
                        + "\">Petugas Malam</option>");

        Forms.on(admin, "/console/admin").formParam("person", Directory.DUTY_OFFICER).formParam("from", "2026-12-03")
                .formParam("until", "2026-12-02").formParam("cover", Directory.NIGHT_OFFICER)
                .post("/console/admin/jadwal/cuti").then().statusCode(400)
                .body(containsString("tanggal selesai tidak boleh sebelum tanggal mulai"));
        Forms.on(admin, "/console/admin").formParam("person", Directory.DUTY_OFFICER).formParam("from", "2026-12-02")
                .formParam("until", "2026-12-02").formParam("cover", Directory.NIGHT_OFFICER)
                .post("/console/admin/jadwal/cuti").then().statusCode(200)
                .body(containsString("Perubahan jadwal dikirim"));

        // the day in the agency's zone (WIB): from its midnight to the next
        JsonNode changed = json.readTree(KafkaTestResource.client().await(Topics.REFERRAL_INTAKE_TOPICS,
                r -> "dinsos-1608".equals(r.key()) && r.value().contains("2026-12-01T17:00:00Z"), 1,
                Duration.ofSeconds(20)).get(0).value());
        assertThat(changed.at("/roster/covers/0/person").asText()).isEqualTo(Directory.DUTY_OFFICER);
        assertThat(changed.at("/roster/covers/0/until").asText()).isEqualTo("2026-12-02T17:00:00Z");
        assertThat(changed.at("/roster/covers/0/cover").asText()).isEqualTo(Directory.NIGHT_OFFICER);
        assertThat(changed.at("/changedBy").asText()).isEqualTo("agency-admin.dinsos-1608");
    }

    @Test
    void onlyTheAgencysAdminHasTheSettings() {
        given().auth().oauth2(Tokens.user("rutan-martapura", "officer")).get("/console/admin").then().statusCode(403);
        given().auth().oauth2(Tokens.user("rutan-martapura", "supervisor")).get("/console").then().statusCode(200)
                .body(not(containsString("Pengaturan lembaga")));
    }

    private static String secret(String page) {
        Matcher matcher = SECRET.matcher(page);
        assertThat(matcher.find()).as("a secret on the page").isTrue();
        return matcher.group(1);
    }
}
