package id.rujukan.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.gateway.protection.CaseKey;
import id.rujukan.gateway.readmodel.ReferralView;
import id.rujukan.infra.testing.KafkaTestClient;
import id.rujukan.infra.testing.KafkaTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every bad request gets a 4xx problem+json that says what is wrong, and leaves no trace. */
@QuarkusTest
class BadInputTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    ObjectMapper json;

    private KafkaTestClient kafka;
    private long recordsBefore;
    private long viewsBefore;
    private long keysBefore;

    @BeforeEach
    void setUp() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        kafka = KafkaTestResource.client();
        recordsBefore = SentToKafka.intakeCount();
        viewsBefore = views();
        keysBefore = keys();
    }

    @AfterEach
    void nothingWasPublishedOrStored() {
        assertThat(SentToKafka.intakeCount()).isEqualTo(recordsBefore);
        assertThat(views()).isEqualTo(viewsBefore);
        assertThat(keys()).isEqualTo(keysBefore);
    }

    private static long views() {
        return QuarkusTransaction.requiringNew().call(() -> ReferralView.count());
    }

    private static long keys() {
        return QuarkusTransaction.requiringNew().call(() -> CaseKey.count());
    }

    @Test
    void missingFieldsAreEachNamed() {
        given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON).body("{\"referringAgencyId\":\"rutan-martapura\",\"child\":{}}")
                .when().post("/api/v1/referrals")
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("violations.field", hasItems("category", "urgency",
                        "child.name", "child.sex", "childRegion",
                        "consent", "summary"));
    }

    @Test
    void anEmptyBodyIsRefused() {
        given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON).body("")
                .when().post("/api/v1/referrals")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void wrongTypesAreNamed() {
        String body = Referrals.infantOfDetainee().replace("\"urgency\": \"HIGH\"", "\"urgency\": \"URGENT\"");
        given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/referrals")
                .then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("urgency"))
                .body("detail", containsString("not one of the values accepted"));
    }

    @Test
    void aMalformedDateIsNamed() {
        String body = Referrals.infantOfDetainee().replaceFirst("\"birthDate\": \"[^\"]+\"", "\"birthDate\": \"kemarin\"");
        given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/referrals")
                .then().statusCode(400).contentType(PROBLEM)
                .body("field", equalTo("child.birthDate"));
    }

    @Test
    void unknownAgenciesAreNamed() {
        String body = Referrals.infantOfDetainee()
                .replace("\"rutan-martapura\"", "\"rutan-atlantis\"")
                .replace("\"dinsos-1608\"", "\"dinsos-9999\"");
        given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/referrals")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItems("referringAgencyId", "targetAgencyId"))
                .body("violations.message", hasItem("is not an agency in the directory"));
    }

    @Test
    void badCodesAndMissingConsentAreNamed() {
        String body = Referrals.infantOfDetainee()
                .replace("\"nik\": \"" + Referrals.CHILD_NIK + "\"", "\"nik\": \"12345\"")
                .replace("\"regencyCode\": \"16.08\"", "\"regencyCode\": \"OKU Timur\"")
                .replace("\"given\": true", "\"given\": false");
        given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/referrals")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItems("child.nik", "childRegion.regencyCode",
                        "consent.given"));
    }

    @Test
    void anUnknownFieldIsRefusedRatherThanDropped() {
        String body = Referrals.infantOfDetainee().replace("\"urgency\"", "\"urgensi\": \"HIGH\", \"urgency\"");
        given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/referrals")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("urgensi"));
    }

    @Test
    void malformedJsonIsRefused() {
        given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON).body("{\"referringAgencyId\": ")
                .when().post("/api/v1/referrals")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aBodyOver64KibIsTooLarge() {
        String body = Referrals.infantOfDetainee().replace(Referrals.SUMMARY, "x".repeat(70 * 1024));
        given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/referrals")
                .then().statusCode(413).contentType(PROBLEM)
                .body("status", equalTo(413));
    }

    @Test
    void anythingButJsonIsAnUnsupportedMediaType() {
        given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.XML).body("<referral/>")
                .when().post("/api/v1/referrals")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void anUnknownReferralIsNotFound() {
        given().auth().oauth2(Tokens.agency("rutan-martapura")).when().get("/api/v1/referrals/5b0d7c3e-0000-4000-8000-000000000000")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.agency("rutan-martapura")).when().get("/api/v1/referrals/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
    }
}
