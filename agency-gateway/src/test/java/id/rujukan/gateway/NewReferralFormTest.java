package id.rujukan.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.Topics;
import id.rujukan.contract.Urgency;
import id.rujukan.infra.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Rujukan baru: an officer of Rutan Martapura refers a child through the console's form. */
@QuarkusTest
class NewReferralFormTest {

    @Inject
    ObjectMapper json;

    @Test
    void theFormOffersItsChoicesInWordsWithTheChildsRegionPresetToTheAgencysOwn() {
        String page = given().auth().oauth2(Tokens.user("rutan-martapura", "officer")).get("/console/baru").then().statusCode(200).header("Cache-Control", "no-store")
                .extract().asString();

        assertThat(page).contains("<h1>Rujukan baru</h1>", "<label for=\"childName\">Nama</label>",
                "<option value=\"CHILD_OF_DETAINEE\">Anak dari tahanan/warga binaan</option>",
                "<option value=\"TEMPORARY_CARE\">Pengasuhan sementara</option>",
                "<option value=\"dinsos-1608\">Dinas Sosial Kabupaten OKU Timur</option>",
                "<option value=\"\">Pilih otomatis (aturan rujukan)</option>",
                "<option value=\"16.08\" selected>16.08 · Dinas Sosial Kabupaten OKU Timur</option>",
                "aria-current=\"page\">Rujukan baru</a>")
                // the officer's own agency is not somewhere to refer to
                .doesNotContain("<option value=\"rutan-martapura\"");
    }

    @Test
    void eachWrongFieldSaysWhatIsWrongInIndonesianBesideItAndKeepsWhatWasTyped() {
        String page = officer().formParam("key", UUID.randomUUID().toString())
                .formParam("childName", "Siti Aminah").formParam("childNik", "12345")
                .formParam("childBirthDate", LocalDate.now().plusDays(3).toString()).formParam("childSex", "FEMALE")
                .formParam("regency", "16.08").formParam("urgency", "HIGH").formParam("summary", "Bayi perlu pengasuhan.")
                .post("/console/baru").then().statusCode(400).contentType(ContentType.HTML).extract().asString();

        assertThat(page).contains(
                "<p class=\"error\" id=\"err-childNik\">NIK harus 16 angka; kosongkan bila tidak ada.</p>",
                "<p class=\"error\" id=\"err-childBirthDate\">Tanggal lahir tidak valid atau di masa depan.</p>",
                "<p class=\"error\" id=\"err-category\">Pilih kategori kasus.</p>",
                "<p class=\"error\" id=\"err-consentGiven\">Anak hanya dapat dirujuk dengan persetujuan atau dasar hukum.</p>",
                "<p class=\"error\" id=\"err-consentGivenBy\">Pilih siapa yang memberi persetujuan.</p>",
                "Ada 5 isian yang perlu diperbaiki",
                "value=\"Siti Aminah\"", "value=\"12345\"", "Bayi perlu pengasuhan.</textarea>",
                "id=\"childNik\" name=\"childNik\"", "aria-invalid=\"true\"")
                .doesNotContain("id=\"err-childName\"", "id=\"err-summary\"");
    }

    @Test
    void aFormSentEmptyIsAnsweredFieldByFieldNotWithAnError() {
        String page = officer().formParam("key", UUID.randomUUID().toString())
                .post("/console/baru").then().statusCode(400).contentType(ContentType.HTML).extract().asString();

        assertThat(page).contains("id=\"err-childName\"", "id=\"err-childSex\"", "id=\"err-regency\"",
                "id=\"err-category\"", "id=\"err-urgency\"", "id=\"err-consentGiven\"",
                "id=\"err-consentGivenBy\"", "id=\"err-summary\"", "Ada 8 isian yang perlu diperbaiki");
    }

    @Test
    void aFilledFormIsReferredOnceHoweverOftenItIsSentAndOpensTheNewReferral() throws Exception {
        String key = UUID.randomUUID().toString();
        String childName = "Rina " + UUID.randomUUID();
        String location = null;
        for (int send = 0; send < 2; send++) {
            String sent = filled(key, childName).formParam("target", "dinsos-1608").post("/console/baru").then()
                    .statusCode(303).extract().header("Location");
            assertThat(sent).containsPattern("/console/rujukan/[0-9a-f-]{36}\\?sent=SUBMIT$");
            assertThat(location == null || location.equals(sent)).as("the second send answers as the first").isTrue();
            location = sent;
        }
        String referralId = location.replaceAll(".*/console/rujukan/([0-9a-f-]{36}).*", "$1");

        List<ConsumerRecord<String, String>> intake = SentToKafka.intakeFor(referralId);
        assertThat(intake).hasSize(1);
        assertThat(KafkaTestClient.headerValue(intake.get(0), "ce_type")).contains(EventTypes.REFERRAL_SUBMITTED);
        assertThat(intake.get(0).topic()).isEqualTo(Topics.intake("rutan-martapura", Urgency.EMERGENCY));
        assertThat(intake.get(0).value()).doesNotContain(childName);
        JsonNode submitted = json.readTree(intake.get(0).value());
        assertThat(submitted.get("referringAgencyId").asText()).isEqualTo("rutan-martapura");
        assertThat(submitted.get("targetAgencyId").asText()).isEqualTo("dinsos-1608");
        assertThat(submitted.get("category").asText()).isEqualTo("CHILD_OF_DETAINEE");
        assertThat(submitted.get("serviceNeeded").asText()).isEqualTo("TEMPORARY_CARE");
        assertThat(submitted.get("childRegion").get("regencyCode").asText()).isEqualTo("16.08");
        assertThat(submitted.get("ageBand").asText()).isEqualTo("INFANT_UNDER_1");

        given().auth().oauth2(Tokens.user("rutan-martapura", "officer")).get("/console/rujukan/" + referralId).then().statusCode(200)
                .body(containsString("<dd id=\"child-name\">" + childName + "</dd>"))
                .body(containsString("<dd id=\"from\">Rutan Kelas IIB Martapura</dd>"))
                // until referral-service has routed it, there is nothing to act on but the notes
                .body(not(containsString("id=\"accept\""))).body(containsString("id=\"add-note\""))
                .body(containsString("<dd id=\"urgency\">Darurat</dd>"));
        given().auth().oauth2(Tokens.agency("rutan-martapura")).get("/api/v1/referrals/" + referralId + "/details")
                .then().statusCode(200).body("consent.givenBy", equalTo("MOTHER"))
                .body("summary", equalTo("Bayi lahir di rutan; ibu ditahan."));
    }

    @Test
    void beforeSendingTheOfficerSeesWhereRoutingWouldSendItAskedWithTheAgeBandNotTheBirthDate() {
        String key = UUID.randomUUID().toString();
        String childName = "Rani " + UUID.randomUUID();

        String page = filled(key, childName).formParam("step", "preview")
                .post("/console/baru").then().statusCode(200).contentType(ContentType.HTML).extract().asString();

        assertThat(page).contains("<p id=\"destination-first\">Bila dikirim sekarang, rujukan ini masuk ke Dinas "
                + "Sosial Kabupaten OKU Timur.</p>", "Bila ditolak, berikutnya: Dinas Sosial Provinsi Sumatera Selatan.",
                "value=\"" + childName + "\"", "name=\"key\" value=\"" + key + "\"");
        ReferralServiceStub.server().verify(getRequestedFor(urlPathEqualTo("/api/v1/routing/preview"))
                .withQueryParam("ageBand", WireMock.equalTo("INFANT_UNDER_1"))
                .withQueryParam("regencyCode", WireMock.equalTo("16.08"))
                .withQueryParam("category", WireMock.equalTo("CHILD_OF_DETAINEE")));
        assertThat(ReferralServiceStub.server().findAll(getRequestedFor(urlPathEqualTo("/api/v1/routing/preview"))))
                .allSatisfy(request -> assertThat(request.getUrl()).doesNotContain("birth", "Rani"));
        // the preview used nothing up: the same form key sends the referral now
        filled(key, childName).post("/console/baru").then().statusCode(303)
                .header("Location", containsString("?sent=SUBMIT"));
    }

    @Test
    void theAgencyResponsibleForACaseHandsItOverFromTheReferralsPageWithTheChildsDataFilledIn() throws Exception {
        String referrer = Tokens.user("rutan-martapura", "officer");
        String referralId = given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON)
                .body(Referrals.infantOfDetainee()).post("/api/v1/referrals").then().statusCode(202).extract()
                .path("referralId");
        // the case is the first referral's; its owner (the referrer, until another agency takes the case over) is
        // offered the handoff, and no one else may open its form
        String handoffForm = "/console/baru?kasus=" + referralId + "&dari=" + referralId;
        given().auth().oauth2(referrer).get("/console/rujukan/" + referralId).then().statusCode(200)
                .body(containsString("href=\"" + handoffForm.replace("&", "&amp;") + "\""));
        given().auth().oauth2(Tokens.user("dinsos-1608", "officer")).get(handoffForm).then().statusCode(403);

        String form = given().auth().oauth2(referrer).get(handoffForm).then().statusCode(200).extract().asString();
        assertThat(form).contains("<h1>Serah terima kasus " + referralId.substring(0, 8).toUpperCase() + "</h1>",
                "value=\"" + Referrals.CHILD_NAME + "\"", "value=\"" + Referrals.CHILD_NIK + "\"",
                Referrals.SUMMARY + "</textarea>", "name=\"caseId\" value=\"" + referralId + "\"");
        String key = form.replaceAll("(?s).*name=\"key\" value=\"([0-9a-f-]{36})\".*", "$1");

        // a handoff names who takes the case
        RequestSpecification handoff = Forms.on(referrer, handoffForm).formParam("key", key)
                .formParam("caseId", referralId).formParam("childName", Referrals.CHILD_NAME)
                .formParam("childSex", "FEMALE").formParam("regency", "16.08")
                .formParam("category", "CHILD_OF_DETAINEE").formParam("urgency", "HIGH")
                .formParam("consentGiven", "yes").formParam("consentGivenBy", "MOTHER")
                .formParam("summary", Referrals.SUMMARY);
        assertThat(handoff.post("/console/baru").then().statusCode(400).extract().asString())
                .contains("<p class=\"error\" id=\"err-target\">Pilih lembaga yang akan menerima kasus.</p>");
        String sent = handoff.formParam("target", "lksa-6371").post("/console/baru").then().statusCode(303)
                .extract().header("Location");
        assertThat(sent).endsWith("?sent=HANDOFF");
        String handoffId = sent.replaceAll(".*/console/rujukan/([0-9a-f-]{36}).*", "$1");

        JsonNode submitted = json.readTree(SentToKafka.intakeFor(handoffId).get(0).value());
        assertThat(submitted.get("kind").asText()).isEqualTo("HANDOFF");
        assertThat(submitted.get("caseId").asText()).isEqualTo(referralId);
        assertThat(submitted.get("targetAgencyId").asText()).isEqualTo("lksa-6371");
    }

    private RequestSpecification filled(String key, String childName) {
        return officer().formParam("key", key)
                .formParam("childName", childName).formParam("childNik", "").formParam("childSex", "FEMALE")
                .formParam("childBirthDate", LocalDate.now().minusMonths(1).toString())
                .formParam("regency", "16.08").formParam("category", "CHILD_OF_DETAINEE")
                .formParam("serviceNeeded", "TEMPORARY_CARE").formParam("urgency", "EMERGENCY")
                .formParam("consentGiven", "yes")
                .formParam("consentGivenBy", "MOTHER").formParam("summary", "Bayi lahir di rutan; ibu ditahan.");
    }

    /** The form, as the officer's browser posts it. */
    private static RequestSpecification officer() {
        return Forms.on(Tokens.user("rutan-martapura", "officer"), "/console/baru");
    }
}
