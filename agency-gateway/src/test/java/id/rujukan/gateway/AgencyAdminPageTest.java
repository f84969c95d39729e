package id.rujukan.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.AgencyType;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.Region;
import id.rujukan.contract.Roster;
import id.rujukan.contract.Topics;
import id.rujukan.directory.DirectoryCopy;
import id.rujukan.infra.testing.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pengaturan lembaga as agencies' admins use it: the duty roster, the webhook, its secret, the audit trail. */
@QuarkusTest
class AgencyAdminPageTest {

    private static final Pattern SECRET = Pattern.compile("<code>([A-Za-z0-9_-]{43})</code>");

    @Inject
    ObjectMapper json;

    @Inject
    DirectoryCopy directory;

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
                .contains("<option value=\"" + Directory.NIGHT_OFFICER + "\">Petugas Malam</option>");

        Forms.on(admin, "/console/admin").formParam("person", Directory.DUTY_OFFICER).formParam("from", "2026-12-03")
                .formParam("until", "2026-12-02").formParam("cover", Directory.NIGHT_OFFICER)
                .post("/console/admin/jadwal/cuti").then().statusCode(400)
                .body(containsString("tanggal selesai tidak boleh sebelum tanggal mulai"));
        Forms.on(admin, "/console/admin").formParam("person", Directory.DUTY_OFFICER).formParam("from", "2026-12-02")
                .formParam("until", "2026-12-02").formParam("cover", Directory.NIGHT_OFFICER)
                .post("/console/admin/jadwal/cuti").then().statusCode(200)
                .body(containsString("Perubahan jadwal dikirim"));

        // the day in the agency's zone (WIB): from its midnight to the next
        JsonNode changed = json.readTree(KafkaTestResource.client().await(SentToKafka.INTAKE_TOPICS,
                r -> "dinsos-1608".equals(r.key()) && r.value().contains("2026-12-01T17:00:00Z"), 1,
                Duration.ofSeconds(20)).get(0).value());
        assertThat(changed.at("/roster/covers/0/person").asText()).isEqualTo(Directory.DUTY_OFFICER);
        assertThat(changed.at("/roster/covers/0/until").asText()).isEqualTo("2026-12-02T17:00:00Z");
        assertThat(changed.at("/roster/covers/0/cover").asText()).isEqualTo(Directory.NIGHT_OFFICER);
        assertThat(changed.at("/changedBy").asText()).isEqualTo("agency-admin.dinsos-1608");
    }

    @Test
    void theAdminAddsAnOvernightWeekendShiftAndAShiftWithNoDayIsRefusedWithTheReason() throws Exception {
        String admin = Tokens.user("dinsos-1608", "agency-admin");
        assertThat(given().auth().oauth2(admin).get("/console/admin").then().statusCode(200).extract().asString())
                .contains("Tambah giliran", "<option value=\"DUTY_OFFICER\">petugas piket</option>",
                        "value=\"SATURDAY\"> Sabtu");

        Forms.on(admin, "/console/admin").formParam("role", "DUTY_OFFICER").formParam("person", Directory.NIGHT_OFFICER)
                .formParam("start", "20:00").formParam("end", "08:00").post("/console/admin/jadwal/giliran").then()
                .statusCode(400).body(containsString("minimal satu hari"));
        Forms.on(admin, "/console/admin").formParam("role", "DUTY_OFFICER").formParam("person", Directory.NIGHT_OFFICER)
                .formParam("day", "SUNDAY").formParam("day", "SATURDAY").formParam("start", "20:00")
                .formParam("end", "08:00").post("/console/admin/jadwal/giliran").then().statusCode(200)
                .body(containsString("Perubahan jadwal dikirim"));

        JsonNode changed = json.readTree(KafkaTestResource.client().await(SentToKafka.INTAKE_TOPICS,
                r -> "dinsos-1608".equals(r.key()) && r.value().contains("\"20:00\""), 1,
                Duration.ofSeconds(20)).get(0).value());
        assertThat(changed.at("/roster/shifts")).hasSize(1);
        assertThat(changed.at("/roster/shifts/0/person").asText()).isEqualTo(Directory.NIGHT_OFFICER);
        assertThat(changed.at("/roster/shifts/0/days")).extracting(JsonNode::asText)
                .containsExactly("SATURDAY", "SUNDAY");
        assertThat(changed.at("/roster/shifts/0/end").asText()).isEqualTo("08:00");

        // leave recorded a moment later, before referral-service has put the shift in the directory: it is
        // added to the roster just sent, and the shift is kept
        Forms.on(admin, "/console/admin").formParam("person", Directory.DUTY_OFFICER).formParam("from", "2026-12-21")
                .formParam("until", "2026-12-21").post("/console/admin/jadwal/cuti").then().statusCode(200)
                .body(containsString("Malam · Sab, Min · 20:00–08:00"))
                // in the audit trail in words, with no referral to name
                .body(containsString("<li>Mengubah jadwal piket<br>"));
        JsonNode both = json.readTree(KafkaTestResource.client().await(SentToKafka.INTAKE_TOPICS,
                r -> "dinsos-1608".equals(r.key()) && r.value().contains("2026-12-20T17:00:00Z"), 1,
                Duration.ofSeconds(20)).get(0).value());
        assertThat(both.at("/roster/shifts")).extracting(shift -> shift.get("person").asText())
                .contains(Directory.NIGHT_OFFICER);
        assertThat(both.at("/roster/covers")).extracting(cover -> cover.get("person").asText())
                .contains(Directory.DUTY_OFFICER);
    }

    @Test
    void theAdminRemovesAShiftTheRosterHoldsAndOneNoLongerThereIsRefusedWithTheReason() throws Exception {
        Roster.Shift weekdays = new Roster.Shift("DUTY_OFFICER", "pekerja@lksa-banjarmasin.test",
                List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY), "08:00", "16:00");
        Roster.Shift nights = new Roster.Shift("SUPERVISOR", "pengasuh@lksa-banjarmasin.test",
                List.of(DayOfWeek.values()), "16:00", "08:00");
        // as the test directory has it (other tests read its zone), with people and a roster
        AgencyPublished lksa = new AgencyPublished("lksa-6371", "LKSA Anak Banjarmasin", AgencyType.LKSA,
                new Region("16", "16.08"), "Asia/Jakarta", List.of(), null, null, false, List.of(
                        new AgencyPublished.Contact("DUTY_OFFICER", "Pekerja Sosial", "pekerja@lksa-banjarmasin.test",
                                null, "id", null),
                        new AgencyPublished.Contact("SUPERVISOR", "Pengasuh", "pengasuh@lksa-banjarmasin.test", null,
                                "id", null)),
                new Roster(List.of(weekdays, nights), List.of()));
        KafkaTestResource.client().sendEvent(Topics.AGENCY_DIRECTORY, lksa.agencyId(), EventTypes.AGENCY_PUBLISHED,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM,
                json.writeValueAsString(lksa));
        await().atMost(Duration.ofSeconds(20)).until(() -> directory.agency("lksa-6371")
                .map(a -> a.roster() != null && a.roster().shifts().size() == 2).orElse(false));
        String admin = Tokens.user("lksa-6371", "agency-admin");
        assertThat(given().auth().oauth2(admin).get("/console/admin").then().statusCode(200).extract().asString())
                .contains("petugas piket · Pekerja Sosial · Sen, Sel · 08:00–16:00", "id=\"remove-shift-1\"",
                        "name=\"days\" value=\"MONDAY,TUESDAY\"");

        Forms.on(admin, "/console/admin").formParam("role", "DUTY_OFFICER")
                .formParam("person", "pekerja@lksa-banjarmasin.test").formParam("days", "MONDAY,TUESDAY")
                .formParam("start", "09:00").formParam("end", "16:00").post("/console/admin/jadwal/giliran/hapus")
                .then().statusCode(400).body(containsString("sudah tidak ada di jadwal"));
        Forms.on(admin, "/console/admin").formParam("role", "DUTY_OFFICER")
                .formParam("person", "pekerja@lksa-banjarmasin.test").formParam("days", "MONDAY,TUESDAY")
                .formParam("start", "08:00").formParam("end", "16:00").post("/console/admin/jadwal/giliran/hapus")
                .then().statusCode(200).body(containsString("Perubahan jadwal dikirim"));

        JsonNode changed = json.readTree(KafkaTestResource.client().await(SentToKafka.INTAKE_TOPICS,
                r -> "lksa-6371".equals(r.key()) && r.value().contains("pengasuh@lksa-banjarmasin.test"), 1,
                Duration.ofSeconds(20)).get(0).value());
        assertThat(changed.at("/roster/shifts")).hasSize(1);
        assertThat(changed.at("/roster/shifts/0/role").asText()).isEqualTo("SUPERVISOR");
    }

    @Test
    void anAdminWhoHandlesNoReferralsChoosesEnglishAndIsTakenBackToTheSettingsInEnglish() {
        String admin = Tokens.user("dinsos-1608", "agency-admin");
        ExtractableResponse<Response> chosen = given().auth().oauth2(admin).redirects().follow(false)
                .get("/console/bahasa/en").then().statusCode(303).header("Location", endsWith("/console/admin"))
                .extract();

        given().auth().oauth2(admin).cookie("rujukan-bahasa", chosen.cookie("rujukan-bahasa")).get("/console/admin")
                .then().statusCode(200).body(containsString("Duty roster")).body(containsString("Add a shift"));
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
