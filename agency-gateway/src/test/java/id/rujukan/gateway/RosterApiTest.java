package id.rujukan.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.EventTypes;
import id.rujukan.infra.testing.KafkaTestClient;
import id.rujukan.infra.testing.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** An agency admin keeps the agency's duty roster through the API; referral-service is told on Kafka. */
@QuarkusTest
class RosterApiTest {

    private static final String ROSTER = """
            {"shifts":[
              {"role":"DUTY_OFFICER","person":"%s","days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],
               "start":"08:00","end":"16:00"},
              {"role":"DUTY_OFFICER","person":"%s","days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY",
               "SATURDAY","SUNDAY"],"start":"16:00","end":"08:00"}],
             "covers":[{"person":"%s","from":"2026-12-02T00:00:00Z","until":"2026-12-03T00:00:00Z",
               "cover":"%s","reason":"LEAVE"}]}""";

    @Inject
    ObjectMapper json;

    @Test
    void theAdminReplacesTheRosterAndReferralServiceIsToldForThatAgency() throws Exception {
        String roster = ROSTER.formatted(Directory.DUTY_OFFICER, Directory.NIGHT_OFFICER, Directory.DUTY_OFFICER,
                Directory.NIGHT_OFFICER);

        given().auth().oauth2(Tokens.user("dinsos-1608", "agency-admin")).contentType(ContentType.JSON).body(roster)
                .when().put("/api/v1/roster").then().statusCode(202);

        ConsumerRecord<String, String> record = KafkaTestResource.client().await(SentToKafka.INTAKE_TOPICS,
                r -> "dinsos-1608".equals(r.key())
                        && KafkaTestClient.headerValue(r, "ce_type").orElse("").equals(EventTypes.ROSTER_CHANGED)
                        // this test's roster, not the one another test's leave form sent
                        && r.value().contains("\"start\":\"16:00\",\"end\":\"08:00\""),
                1, Duration.ofSeconds(20)).get(0);
        assertThat(KafkaTestClient.headerValue(record, "ce_agencyid")).contains("dinsos-1608");
        JsonNode changed = json.readTree(record.value());
        assertThat(changed.get("agencyId").asText()).isEqualTo("dinsos-1608");
        assertThat(changed.get("changedBy").asText()).isEqualTo("agency-admin.dinsos-1608");
        assertThat(changed.at("/roster/shifts/1/person").asText()).isEqualTo(Directory.NIGHT_OFFICER);
        assertThat(changed.at("/roster/covers/0/cover").asText()).isEqualTo(Directory.NIGHT_OFFICER);
    }

    @Test
    void onlyTheAdminChangesItAndEveryoneAtTheAgencyReadsIt() {
        String roster = ROSTER.formatted(Directory.DUTY_OFFICER, Directory.NIGHT_OFFICER, Directory.DUTY_OFFICER,
                Directory.NIGHT_OFFICER);
        for (String role : List.of("officer", "supervisor", "head", "agency-system")) {
            given().auth().oauth2(Tokens.user("dinsos-1608", role)).contentType(ContentType.JSON).body(roster)
                    .when().put("/api/v1/roster").then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(Tokens.user("dinsos-1608", role)).when().get("/api/v1/roster")
                    .then().statusCode(200);
        }
        given().contentType(ContentType.JSON).body(roster).when().put("/api/v1/roster").then().statusCode(401);
        // an agency without a roster reads an empty one
        given().auth().oauth2(Tokens.user("rutan-martapura", "officer")).when().get("/api/v1/roster")
                .then().statusCode(200).body("shifts", hasSize(0)).body("covers", hasSize(0));
    }

    @Test
    void aRosterNamingSomeoneWhoIsNotAContactOrAShiftWithoutHoursIsRefusedNamingTheField() {
        String stranger = ROSTER.formatted(Directory.DUTY_OFFICER, "someone@elsewhere.test", Directory.DUTY_OFFICER,
                Directory.NIGHT_OFFICER);
        given().auth().oauth2(Tokens.user("dinsos-1608", "agency-admin")).contentType(ContentType.JSON).body(stranger)
                .when().put("/api/v1/roster").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("shifts[1].person"));
        String badHour = ROSTER.formatted(Directory.DUTY_OFFICER, Directory.NIGHT_OFFICER, Directory.DUTY_OFFICER,
                Directory.NIGHT_OFFICER).replace("\"16:00\",\"end\":\"08:00\"", "\"25:00\",\"end\":\"08:00\"");
        given().auth().oauth2(Tokens.user("dinsos-1608", "agency-admin")).contentType(ContentType.JSON).body(badHour)
                .when().put("/api/v1/roster").then().statusCode(400).contentType("application/problem+json");
    }
}
