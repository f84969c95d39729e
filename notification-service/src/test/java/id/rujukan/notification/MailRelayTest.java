package id.rujukan.notification;

import static id.rujukan.notification.Alerting.WAIT;
import static id.rujukan.notification.Alerting.awaitSmsAbout;
import static id.rujukan.notification.Alerting.request;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.rujukan.contract.NotificationRequested;
import id.rujukan.contract.Urgency;
import id.rujukan.infra.MailRelay;
import id.rujukan.infra.testing.PrometheusText;
import id.rujukan.notification.delivery.Notification;
import id.rujukan.notification.delivery.NotificationStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Email through a relay that offers STARTTLS with its own certificate and requires AUTH: mail goes out over TLS,
 * logged in, and the idle connection is closed with QUIT. A login the relay refuses, or a certificate our trust
 * store does not hold, fails the email on its first attempt with the reason, counts it for the operators and
 * sends the alert by SMS instead, rather than retrying for hours in silence.
 */
@QuarkusTest
@TestProfile(RelayProfile.class)
// in this order, so that the last test meets a mail channel that has just been refused, as it would be in production
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailRelayTest {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @Inject
    Alerting alerting;

    private final MailRelay relay = RelayProfile.relay();

    @Inject
    TestClock clock;

    @BeforeEach
    void directoryAndDaytime() throws Exception {
        alerting.publishDirectory();
        // the SMS each refused email falls back to is not held for quiet hours (22:00-06:00), whenever this runs
        clock.setTo(ZonedDateTime.of(LocalDate.now(JAKARTA).plusDays(1), LocalTime.of(10, 0), JAKARTA).toInstant());
    }

    @AfterEach
    void mend() {
        clock.reset();
        relay.password(RelayProfile.PASSWORD);
        relay.presentUntrustedCertificate(false);
        // a client refused by the relay may leave its connection open: the next test starts with none
        relay.dropSessions();
        await().atMost(WAIT).until(() -> relay.openSessions() == 0);
    }

    @Test
    @Order(1)
    void anAlertGoesOutOverStartTlsLoggedInWithTheAccountFromTheSettings() throws Exception {
        NotificationRequested request = request("referral-new", "DUTY_OFFICER", "EMAIL", Urgency.HIGH, null);
        alerting.send(request);

        await().atMost(WAIT).until(() -> alerting.statusOf(request.notificationKey()) == NotificationStatus.SENT);
        assertThat(relay.received()).filteredOn(mail -> mail.data().contains(request.referralId()))
                .singleElement().satisfies(mail -> {
                    assertThat(mail.tls()).isTrue();
                    assertThat(mail.user()).isEqualTo(RelayProfile.USER);
                });
    }

    @Test
    @Order(2)
    void theConnectionLeftIdleAfterAMailIsClosedWithQuit() throws Exception {
        NotificationRequested request = request("referral-new", "OFFICER", "EMAIL", Urgency.HIGH, null);
        alerting.send(request);
        await().atMost(WAIT).until(() -> alerting.statusOf(request.notificationKey()) == NotificationStatus.SENT);
        String session = relay.received().stream().filter(mail -> mail.data().contains(request.referralId()))
                .findFirst().orElseThrow().session();

        // the profile's keep-alive is 2 s: the connection that carried the mail ends soon after, by the client
        await().atMost(WAIT).untilAsserted(() -> assertThat(relay.endedSessions()).as("sessions ended, with %d open",
                relay.openSessions()).anyMatch(s -> s.session().equals(session)));
        assertThat(relay.endedSessions()).filteredOn(s -> s.session().equals(session)).singleElement()
                .isEqualTo(new MailRelay.EndedSession(session, true, true));
    }

    @Test
    @Order(3)
    void aRefusedLoginFailsTheEmailAtOnceSaysWhyAndTheAlertGoesBySms() throws Exception {
        // a connection that logged in before the change goes on sending, as with any relay: wait until the
        // client holds none (its keep-alive is 2 s), so that the next email meets the new password
        await().atMost(WAIT).until(() -> relay.openSessions() == 0);
        relay.password("changed-by-the-relays-admin");

        Notification failed = sendFailing(request("referral-new", "SUPERVISOR", "EMAIL", Urgency.HIGH, null), "login");

        assertThat(failed.lastError).startsWith("the SMTP relay refused the login");
    }

    @Test
    @Order(4)
    void aCertificateNotInTheTrustStoreFailsTheEmailAtOnceSaysWhyAndTheAlertGoesBySms() throws Exception {
        await().atMost(WAIT).until(() -> relay.openSessions() == 0);
        relay.presentUntrustedCertificate(true);

        Notification failed = sendFailing(request("referral-new", "DUTY_OFFICER", "EMAIL", Urgency.HIGH, null), "tls");

        assertThat(failed.lastError).startsWith("TLS with the SMTP relay failed").contains("PKIX path validation failed");
    }

    @Test
    @Order(5)
    void onceTheRelayIsMendedAfterARefusalTheNextAlertGoesOutByEmailOnItsFirstAttempt() throws Exception {
        // a Vert.x mail client that met the untrusted certificate above sent nothing more in our runs: its next
        // email waited past every timeout without reaching the relay
        NotificationRequested request = request("referral-new", "OFFICER", "EMAIL", Urgency.HIGH, null);
        alerting.send(request);

        await().atMost(WAIT).until(() -> alerting.statusOf(request.notificationKey()) == NotificationStatus.SENT);
        assertThat(alerting.notification(request.notificationKey()).attempts).isEqualTo(1);
        assertThat(relay.received()).filteredOn(mail -> mail.data().contains(request.referralId())).hasSize(1);
    }

    /** Sends an email the relay will refuse; it fails on its first attempt, counted with the reason, and goes by SMS. */
    private Notification sendFailing(NotificationRequested request, String reason) throws Exception {
        String before = metrics();
        alerting.send(request);

        await().atMost(WAIT).until(() -> alerting.statusOf(request.notificationKey()) == NotificationStatus.FAILED);
        Notification failed = alerting.notification(request.notificationKey());
        assertThat(failed.attempts).isEqualTo(1);
        assertThat(awaitSmsAbout(request.referralId(), 1)).isNotEmpty();
        assertThat(relay.received()).noneMatch(mail -> mail.data().contains(request.referralId()));
        assertThat(delta(before, metrics(), Map.of("reason", reason))).isEqualTo(1);
        return failed;
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double delta(String before, String after, Map<String, String> labels) {
        double was = PrometheusText.sum(before, "rujukan_smtp_relay_refused_total", labels);
        return PrometheusText.sum(after, "rujukan_smtp_relay_refused_total", labels) - (Double.isNaN(was) ? 0 : was);
    }
}
