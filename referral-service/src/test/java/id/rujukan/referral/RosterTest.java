package id.rujukan.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.AgeBand;
import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.AgencyType;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.DutyRoster;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.Level;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.contract.Region;
import id.rujukan.contract.Roster;
import id.rujukan.contract.RosterChanged;
import id.rujukan.contract.Topics;
import id.rujukan.contract.Urgency;
import id.rujukan.infra.testing.DevKeys;
import id.rujukan.infra.testing.KafkaTestClient;
import id.rujukan.infra.testing.PrometheusText;
import id.rujukan.referral.directory.Agencies;
import id.rujukan.referral.directory.RosterGaps;
import id.rujukan.referral.lifecycle.HistoryKind;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alerts follow the receiving agency's roster: an agency whose duty officer is rostered on weekday office hours
 * only has nobody on duty on a Saturday night, and its emergency goes to the supervisor at once.
 */
@QuarkusTest
class RosterTest {

    private static final String AGENCY = "dinsos-6372";
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    private static final Region BANJARBARU = new Region("63", "63.72");

    @Inject
    Story story;

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper json;

    @Inject
    Agencies agencies;

    @Inject
    RosterGaps rosterGaps;

    @BeforeEach
    void anAgencyWithAWeekdayDutyOfficer() throws Exception {
        AgencyPublished agency = new AgencyPublished(AGENCY, "Dinas Sosial Kota Banjarbaru",
                AgencyType.DINAS_SOSIAL_KABUPATEN_KOTA, BANJARBARU, WITA.getId(), List.of(), null, "08:00-16:00", true,
                List.of(new AgencyPublished.Contact("DUTY_OFFICER", "Budi", "budi@dinsos-banjarbaru.test", null, "id",
                                null),
                        new AgencyPublished.Contact("AGENCY_ADMIN", "Admin", "admin@dinsos-banjarbaru.test", null,
                                "id", null),
                        new AgencyPublished.Contact("SUPERVISOR", "Kabid", "kabid@dinsos-banjarbaru.test", null, "id",
                                null)),
                new Roster(List.of(new Roster.Shift("DUTY_OFFICER", "budi@dinsos-banjarbaru.test",
                        List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                                DayOfWeek.FRIDAY), "08:00", "16:00")), List.of()),
                List.of(new AgencyPublished.SigningKey(DevKeys.keyId(AGENCY), DevKeys.publicKey(AGENCY), null)));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(json.writeValueAsString(agency))
                .when().put("/api/v1/directory/agencies/" + AGENCY).then().statusCode(200);
        await().atMost(Story.WAIT).until(() -> agencies.byId(AGENCY).map(a -> a.roster != null).orElse(false));
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void anEmergencyWithNobodyOnDutyGoesToTheSupervisorAtOnceAndTheTimelineSaysSo() {
        Instant saturdayNight = LocalDateTime.of(2026, 12, 5, 22, 0).atZone(WITA).toInstant();
        clock.set(saturdayNight);
        ReferralSubmitted referral = emergency();
        Instant routed = story.submitAndAwaitRouting(referral).routedAt;

        // the referral's alert, then the reminder at 15 minutes: all to the supervisor, none to the duty officer
        clock.set(routed.plus(Duration.ofMinutes(15)));
        List<JsonNode> alerts = alerts(referral, 4);
        assertThat(alerts).extracting(a -> a.get("recipientRole").asText() + " " + a.get("template").asText())
                .containsExactlyInAnyOrder("SUPERVISOR referral-new", "SUPERVISOR referral-new",
                        "SUPERVISOR referral-reminder", "SUPERVISOR referral-reminder");
        story.awaitTimeline(referral.referralId(), "so the SUPERVISOR was alerted at once");
        assertThat(story.history(referral.referralId())).filteredOn(h -> h.kind == HistoryKind.ESCALATION)
                .extracting(h -> h.reason).singleElement().asString()
                .contains("nobody on duty as OFFICER or DUTY_OFFICER, so the SUPERVISOR was alerted at once");
    }

    @Test
    void inOfficeHoursTheDutyOfficerIsAlerted() {
        clock.set(LocalDateTime.of(2026, 12, 7, 10, 0).atZone(WITA).toInstant());
        ReferralSubmitted referral = emergency();
        story.submitAndAwaitRouting(referral);

        assertThat(alerts(referral, 2)).extracting(a -> a.get("recipientRole").asText())
                .containsExactly("DUTY_OFFICER", "DUTY_OFFICER");
    }

    @Test
    void theHoursAheadWithNobodyOnDutyAreFoundAndCounted() {
        clock.set(LocalDateTime.of(2026, 12, 7, 10, 0).atZone(WITA).toInstant());

        // a weekday officer only, and no officer beside: Monday evening is the first gap, until Tuesday morning
        assertThat(rosterGaps.check()).filteredOn(gap -> gap.agencyId().equals(AGENCY))
                .extracting(RosterGaps.Gap::level, RosterGaps.Gap::gap).containsExactly(tuple(Level.OFFICERS,
                        new DutyRoster.Gap(Level.OFFICERS.roles(),
                                LocalDateTime.of(2026, 12, 7, 16, 0).atZone(WITA).toInstant(),
                                LocalDateTime.of(2026, 12, 8, 8, 0).atZone(WITA).toInstant())));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(PrometheusText.sum(metrics, "rujukan_roster_gaps", Map.of())).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aGapThreeDaysAheadIsToldToTheAdminAndTheSupervisorOnceForEachVersionOfTheRoster() throws Exception {
        clock.set(LocalDateTime.of(2026, 12, 7, 10, 0).atZone(WITA).toInstant());
        // Budi is on duty day and night, but on leave on Thursday with nobody to cover
        Instant leaveFrom = LocalDateTime.of(2026, 12, 10, 8, 0).atZone(WITA).toInstant();
        Instant leaveUntil = LocalDateTime.of(2026, 12, 10, 16, 0).atZone(WITA).toInstant();
        keep(new Roster(List.of(new Roster.Shift("DUTY_OFFICER", "budi@dinsos-banjarbaru.test",
                List.of(DayOfWeek.values()), "00:00", "00:00")), List.of(new Roster.Cover(
                        "budi@dinsos-banjarbaru.test", leaveFrom, leaveUntil, null, "LEAVE"))));

        rosterGaps.check();
        rosterGaps.check();

        List<JsonNode> told = gapAlerts(leaveFrom, 4);
        assertThat(told).extracting(a -> a.get("recipientRole").asText() + " " + a.get("channel").asText())
                .containsExactlyInAnyOrder("AGENCY_ADMIN EMAIL", "AGENCY_ADMIN SMS", "SUPERVISOR EMAIL",
                        "SUPERVISOR SMS");
        assertThat(told).allSatisfy(alert -> {
            assertThat(alert.get("template").asText()).isEqualTo("roster-gap");
            assertThat(alert.get("referralId").isNull()).isTrue();
            assertThat(Instant.parse(alert.at("/rosterGap/from").asText())).isEqualTo(leaveFrom);
            assertThat(Instant.parse(alert.at("/rosterGap/until").asText())).isEqualTo(leaveUntil);
            assertThat(alert.at("/rosterGap/roles")).extracting(JsonNode::asText)
                    .containsExactly("OFFICER", "DUTY_OFFICER");
        });

        // another version of the roster with the gap still in it is told again, under new keys; those alerts come
        // on the agency's partition after any the second check above could have sent, which would repeat a key
        keep(new Roster(List.of(new Roster.Shift("DUTY_OFFICER", "budi@dinsos-banjarbaru.test",
                List.of(DayOfWeek.values()), "00:00", "00:00")), List.of(new Roster.Cover(
                        "budi@dinsos-banjarbaru.test", leaveFrom, leaveUntil, null, "SICK"))));
        rosterGaps.check();
        assertThat(gapAlerts(leaveFrom, 8)).extracting(a -> a.get("notificationKey").asText()).doesNotHaveDuplicates();
    }

    @Test
    void aRosterTheAdminKeptAtTheGatewayIsStoredAndPublishedForTheOtherServices() throws Exception {
        Roster roster = new Roster(List.of(new Roster.Shift("DUTY_OFFICER", "budi@dinsos-banjarbaru.test",
                List.of(DayOfWeek.values()), "00:00", "00:00")), List.of(new Roster.Cover(
                        "budi@dinsos-banjarbaru.test", Instant.parse("2026-12-02T00:00:00Z"),
                        Instant.parse("2026-12-03T00:00:00Z"), "kabid@dinsos-banjarbaru.test", "LEAVE")));
        sendRoster(roster);

        await().atMost(Story.WAIT).until(() -> agencies.byId(AGENCY).map(a -> a.roster.equals(roster)).orElse(false));
        JsonNode published = story.read(story.kafka().await(Topics.AGENCY_DIRECTORY,
                r -> AGENCY.equals(r.key()) && r.value().contains("\"cover\":\"kabid@dinsos-banjarbaru.test\""), 1,
                Story.WAIT).get(0).value());
        assertThat(published.at("/roster/covers/0/cover").asText()).isEqualTo("kabid@dinsos-banjarbaru.test");
        assertThat(published.at("/contacts")).hasSize(3);
    }

    @Test
    void aRosterNamingSomeoneWhoIsNotAContactIsSetAsideWithTheReason() throws Exception {
        Roster roster = new Roster(List.of(new Roster.Shift("DUTY_OFFICER", "stranger@elsewhere.test",
                List.of(DayOfWeek.values()), "00:00", "00:00")), List.of());
        sendRoster(roster);

        story.kafka().await(Topics.DEAD_LETTER_REFERRAL_SERVICE, r -> AGENCY.equals(r.key())
                && KafkaTestClient.headerValue(r, "dead-letter-reason").orElse("")
                        .contains("stranger@elsewhere.test, who is not one of its contacts"), 1, Story.WAIT);
        assertThat(agencies.byId(AGENCY).orElseThrow().roster.shifts()).extracting(Roster.Shift::person)
                .containsExactly("budi@dinsos-banjarbaru.test");
    }

    /** The roster as the agency's gateway sends it when its admin keeps it, signed by the agency. */
    private void sendRoster(Roster roster) throws Exception {
        String data = json.writeValueAsString(new RosterChanged(AGENCY, roster, "admin.dinsos-6372", Instant.now()));
        story.kafka().send(Topics.intake(AGENCY, Urgency.NORMAL), AGENCY, data, KafkaTestClient.signedCloudEvent(
                UUID.randomUUID().toString(), EventTypes.ROSTER_CHANGED, CloudEventAttributes.SOURCE_AGENCY_GATEWAY,
                AGENCY, AGENCY, data));
    }

    /** Keeps the roster as the agency's admin would at the gateway, and waits until it is in force. */
    private void keep(Roster roster) throws Exception {
        sendRoster(roster);
        await().atMost(Story.WAIT).until(() -> agencies.byId(AGENCY).map(a -> roster.equals(a.roster)).orElse(false));
    }

    /** The first {@code count} alerts to the agency of a roster gap from {@code from}, in the order they were sent. */
    private List<JsonNode> gapAlerts(Instant from, int count) {
        return story.kafka().await(Topics.NOTIFICATION_REQUEST_TOPICS, r -> AGENCY.equals(r.key())
                && r.value().contains("\"roster-gap\"") && story.read(r.value()).at("/rosterGap/from").asText()
                        .equals(from.toString()), count, Story.WAIT).stream().map(r -> story.read(r.value())).toList();
    }

    private List<JsonNode> alerts(ReferralSubmitted referral, int count) {
        return story.kafka().await(Topics.NOTIFICATION_REQUEST_TOPICS, r -> referral.referralId().equals(r.key()),
                count, Story.WAIT).stream().map(r -> story.read(r.value())).toList();
    }

    private static ReferralSubmitted emergency() {
        return Submissions.referral("rutan-martapura", AGENCY, null, CaseCategory.PHYSICAL_ABUSE, Urgency.EMERGENCY,
                BANJARBARU, AgeBand.TODDLER_1_TO_4);
    }
}
