package id.rujukan.notification;

import static id.rujukan.notification.Alerting.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.AgencyType;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.DutyRoster;
import id.rujukan.contract.NotificationRequested;
import id.rujukan.contract.Region;
import id.rujukan.contract.Roster;
import id.rujukan.contract.Topics;
import id.rujukan.contract.Urgency;
import id.rujukan.directory.DirectoryCopy;
import id.rujukan.infra.MailServer.ReceivedMail;
import id.rujukan.infra.SmsCenter;
import id.rujukan.infra.testing.SmsTestResource;
import id.rujukan.infra.testing.SmtpTestResource;
import id.rujukan.notification.delivery.NotificationStatus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An alert goes to whoever the agency's roster has on duty when it is sent: in WITA, Budi on weekdays in office
 * hours, Sari nights and weekends, and Ani while Budi is on leave.
 */
@QuarkusTest
class RosterDeliveryTest {

    private static final String AGENCY = "dinsos-6371";
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    private static final String BUDI = "budi@dinsos-banjarmasin.test";
    private static final String SARI = "sari@dinsos-banjarmasin.test";
    private static final String ANI = "ani@dinsos-banjarmasin.test";
    private static final String RINA = "rina@dinsos-banjarmasin.test";
    private static final String RINA_PHONE = "+6281100006371";

    @Inject
    Alerting alerting;

    @Inject
    TestClock clock;

    @Inject
    DirectoryCopy directory;

    @BeforeEach
    void aRosteredAgency() throws Exception {
        alerting.publishDirectory();
        List<DayOfWeek> weekdays = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        alerting.publishAgency(new AgencyPublished(AGENCY, "Dinas Sosial Kota Banjarmasin",
                AgencyType.DINAS_SOSIAL_KABUPATEN_KOTA, new Region("63", "63.71"), WITA.getId(), List.of(), null,
                "08:00-16:00", true,
                List.of(contact("Budi", BUDI), contact("Sari", SARI), contact("Ani", ANI),
                        new AgencyPublished.Contact("AGENCY_ADMIN", "Rina", RINA, RINA_PHONE, "id", null)),
                new Roster(List.of(
                        new Roster.Shift("DUTY_OFFICER", BUDI, weekdays, "08:00", "16:00"),
                        new Roster.Shift("DUTY_OFFICER", SARI, List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), "08:00",
                                "16:00"),
                        new Roster.Shift("DUTY_OFFICER", SARI, List.of(DayOfWeek.values()), "16:00", "08:00")),
                        List.of(new Roster.Cover(BUDI, at(2, 0), at(3, 0), ANI, "LEAVE")))));
        await().atMost(WAIT).until(() -> directory.agency(AGENCY).map(a -> a.roster() != null).orElse(false));
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void onASaturdayNightTheEmergencyReachesTheAfterHoursOfficerNotTheWeekdayOne() throws Exception {
        clock.setTo(at(5, 22));

        assertThat(emailedTo()).isEqualTo(SARI);
    }

    @Test
    void onAWeekdayMorningTheWeekdayOfficerIsAlertedAndWhileOnLeaveTheCover() throws Exception {
        clock.setTo(at(1, 10));
        assertThat(emailedTo()).isEqualTo(BUDI);

        clock.setTo(at(2, 10));
        assertThat(emailedTo()).isEqualTo(ANI);
    }

    @Test
    void aGapInTheRosterReachesTheAgencysAdminByEmailAndSmsWithTheHoursInWita() throws Exception {
        clock.setTo(at(7, 10));
        DutyRoster.Gap gap = new DutyRoster.Gap(List.of("OFFICER", "DUTY_OFFICER"), at(10, 8), at(10, 16));
        String key = String.join(":", "roster-gap", AGENCY, "OFFICERS", UUID.randomUUID().toString(), "AGENCY_ADMIN");
        alerting.send(NotificationRequested.rosterGap(key + ":EMAIL", AGENCY, "AGENCY_ADMIN", "EMAIL", gap));
        alerting.send(NotificationRequested.rosterGap(key + ":SMS", AGENCY, "AGENCY_ADMIN", "SMS", gap));

        await().atMost(WAIT).until(() -> alerting.statusOf(key + ":EMAIL") == NotificationStatus.SENT
                && alerting.statusOf(key + ":SMS") == NotificationStatus.SENT);
        ReceivedMail mail = SmtpTestResource.server().received().stream().filter(m -> m.to().equals(RINA))
                .findFirst().orElseThrow();
        assertThat(mail.subject())
                .isEqualTo("[Rujukan] Jadwal piket kosong: Dinas Sosial Kota Banjarmasin, Kamis 10 Des 2026 08.00 WITA");
        assertThat(mail.body())
                .contains("Yth. Rina,")
                .contains("Menurut jadwal piket Dinas Sosial Kota Banjarmasin, tidak ada petugas piket yang bertugas")
                .contains("dari   : Kamis 10 Des 2026 08.00 WITA")
                .contains("sampai : Kamis 10 Des 2026 16.00 WITA")
                .contains("http://localhost:8080/console/admin")
                .doesNotContain("Nomor rujukan");
        assertThat(Stream.concat(SmsTestResource.center().received().stream(),
                SmsTestResource.aggregator().received().stream()).filter(sms -> sms.to().endsWith("81100006371")))
                .extracting(SmsCenter.ReceivedSms::text).containsExactly("JADWAL KOSONG: petugas piket Dinas Sosial "
                        + "Kota Banjarmasin Kam 10 Des 08.00 s.d. Kam 10 Des 16.00 WITA. Isi jadwal: "
                        + "http://localhost:8080/console/admin");
        // what became of them is published under the agency's key, with no referral
        assertThat(alerting.kafka().await(Topics.notificationStatus(AGENCY), r -> AGENCY.equals(r.key())
                && r.value().contains(key), 2, WAIT)).allSatisfy(r -> assertThat(r.value())
                        .contains("\"referralId\":null").contains("\"status\":\"SENT\""));
    }

    /** Sends an emergency email to the agency's duty officer; whom it reached (the one email of the request). */
    private String emailedTo() throws Exception {
        String referralId = UUID.randomUUID().toString();
        NotificationRequested request = new NotificationRequested(String.join(":", referralId, "routed-1", AGENCY,
                "DUTY_OFFICER", "EMAIL"), referralId, AGENCY, "DUTY_OFFICER", "EMAIL", "referral-new",
                "rutan-martapura", CaseCategory.PHYSICAL_ABUSE, Urgency.EMERGENCY, null);
        alerting.send(request);
        await().atMost(WAIT).until(() -> alerting.statusOf(request.notificationKey()) == NotificationStatus.SENT);
        List<ReceivedMail> mails = Alerting.awaitMailsAbout(referralId, 1);
        assertThat(mails).hasSize(1);
        return mails.get(0).to();
    }

    /** December 2026, in WITA: the 1st is a Tuesday, the 5th a Saturday. */
    private static Instant at(int day, int hour) {
        return LocalDateTime.of(2026, 12, day, hour, 0).atZone(WITA).toInstant();
    }

    private static AgencyPublished.Contact contact(String name, String email) {
        return new AgencyPublished.Contact("DUTY_OFFICER", name, email, "+6281100000000", "id", null);
    }
}
