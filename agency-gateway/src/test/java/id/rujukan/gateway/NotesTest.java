package id.rujukan.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.ReferralAction;
import id.rujukan.contract.ReferralKind;
import id.rujukan.contract.ReferralStateChanged;
import id.rujukan.contract.SealedData;
import id.rujukan.contract.Urgency;
import id.rujukan.infra.testing.KafkaTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The notes thread: a note written on the console travels sealed, comes back with referral-service's event,
 * and every party reads it (on the console and through the API), audited; no one else does.
 */
@QuarkusTest
class NotesTest {

    private static final String NOTE = "Ibu Siti sudah dihubungi; kunjungan rumah Kamis pagi.";

    @Inject
    ObjectMapper json;

    @Test
    void aNoteWrittenOnTheConsoleIsReadByBothPartiesAndByNoOtherAgency() throws Exception {
        String referralId = given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON)
                .body(Referrals.infantOfDetainee()).post("/api/v1/referrals").then().statusCode(202)
                .extract().path("referralId");
        publish(LifecycleEvents.routed(referralId, 1, "ROUTED", CaseCategory.CHILD_OF_DETAINEE, Urgency.HIGH,
                "routed"));
        String officer = Tokens.user("dinsos-1608", "officer");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(officer)
                .get("/console/rujukan/" + referralId).then().statusCode(200)
                .body(containsString("<p>Belum ada catatan.</p>")).body(containsString("id=\"add-note\"")));

        Forms.on(officer, "/console/rujukan/" + referralId).formParam("note", NOTE).post("/console/rujukan/" + referralId + "/note")
                .then().statusCode(303);

        // on its way to referral-service the note is sealed
        ConsumerRecord<String, String> action = KafkaTestResource.client().await(SentToKafka.INTAKE_TOPICS,
                r -> referralId.equals(r.key()) && r.value().contains("\"NOTE\""), 1, Duration.ofSeconds(20)).get(0);
        assertThat(action.value()).doesNotContain("Siti");
        JsonNode sealed = json.readTree(action.value()).get("note");
        // referral-service records it and publishes the change with the note as it came
        publish(new ReferralStateChanged(referralId, 2, ReferralKind.REFERRAL, referralId, "rutan-martapura",
                "dinsos-1608", null, "rutan-martapura", CaseCategory.CHILD_OF_DETAINEE, Urgency.HIGH, "ROUTED",
                "ROUTED", ReferralAction.NOTE, "dinsos-1608", "officer.dinsos-1608", null, null, "note added",
                json.treeToValue(sealed, SealedData.class), Instant.now(), Instant.now(),
                LifecycleEvents.allowedIn("ROUTED"), Instant.now().plus(Duration.ofHours(1)), null, null, null));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(officer)
                .get("/console/rujukan/" + referralId).then().statusCode(200)
                .body(containsString("<p class=\"note-text\">" + NOTE + "</p>"))
                .body(containsString("Dinas Sosial Kabupaten OKU Timur (officer.dinsos-1608)")));
        JsonPath notes = given().auth().oauth2(Tokens.user("rutan-martapura", "officer"))
                .get("/api/v1/referrals/" + referralId + "/notes").then().statusCode(200).extract().jsonPath();
        assertThat(notes.getList("text", String.class)).containsExactly(NOTE);
        assertThat(notes.getList("agencyId", String.class)).containsExactly("dinsos-1608");
        assertThat(notes.getList("action", String.class)).containsExactly("NOTE");

        given().auth().oauth2(Tokens.user("lksa-6371", "officer")).get("/api/v1/referrals/" + referralId + "/notes")
                .then().statusCode(404).body(not(containsString("Siti")));
        given().auth().oauth2(Tokens.user("lksa-6371", "officer")).get("/console/rujukan/" + referralId)
                .then().statusCode(404).body(not(containsString("Siti")));
        given().auth().oauth2(Tokens.user("rutan-martapura", "agency-admin")).queryParam("referralId", referralId)
                .get("/api/v1/admin/audit").then().statusCode(200)
                .body("findAll { it.action == 'READ_NOTES' }.actor", hasItem("officer.rutan-martapura"));
    }

    @Test
    void theNoteFormRefusesAnEmptyNote() throws Exception {
        String referralId = UUID.randomUUID().toString();
        publish(LifecycleEvents.inState(referralId, "rutan-martapura", "dinsos-1608", "ROUTED",
                CaseCategory.CHILD_OF_DETAINEE, Urgency.NORMAL, Instant.now().plusSeconds(3600), null));
        String officer = Tokens.user("dinsos-1608", "officer");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.agency("dinsos-1608"))
                .get("/api/v1/referrals/" + referralId).then().statusCode(200).body("state", equalTo("ROUTED")));

        Forms.on(officer, "/console/rujukan/" + referralId).formParam("note", "   ").post("/console/rujukan/" + referralId + "/note")
                .then().statusCode(400).contentType("application/problem+json").body(containsString("note"));
    }

    private void publish(ReferralStateChanged changed) throws Exception {
        KafkaTestResource.client().sendEvent(LifecycleEvents.topicsOf(changed), changed.referralId(),
                changed.version() == 1 ? EventTypes.REFERRAL_ROUTED : EventTypes.REFERRAL_STATE_CHANGED,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM,
                json.writeValueAsString(changed));
    }
}
