package id.rujukan.notification;

import static id.rujukan.notification.Alerting.OFFICER_PHONE;
import static id.rujukan.notification.Alerting.SUPERVISOR_EMAIL;
import static id.rujukan.notification.Alerting.SUPERVISOR_PHONE;
import static id.rujukan.notification.Alerting.WAIT;
import static id.rujukan.notification.Alerting.awaitMailsAbout;
import static id.rujukan.notification.Alerting.awaitSmsAbout;
import static id.rujukan.notification.Alerting.caseReference;
import static id.rujukan.notification.Alerting.mailsAbout;
import static id.rujukan.notification.Alerting.request;
import static id.rujukan.notification.Alerting.smsAbout;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.NotificationRequested;
import id.rujukan.contract.Topics;
import id.rujukan.contract.Urgency;
import id.rujukan.infra.MailServer.ReceivedMail;
import id.rujukan.infra.SmsCenter.ReceivedSms;
import id.rujukan.infra.testing.KafkaTestClient;
import id.rujukan.infra.testing.PrometheusText;
import id.rujukan.infra.testing.SmsTestResource;
import id.rujukan.notification.delivery.Notification;
import id.rujukan.notification.delivery.NotificationStatus;
import id.rujukan.notification.sms.Gsm7;
import id.rujukan.notification.sms.SmsReceipt;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Alerts by SMS over a real SMSC (SMPP) and a real aggregator API, beside the email. */
@QuarkusTest
class SmsFlowTest {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @Inject
    Alerting alerting;

    @Inject
    TestClock clock;

    @Inject
    ObjectMapper json;

    @Inject
    Event<SmsReceipt> receipts;

    @BeforeEach
    void daytimeInJakarta() throws Exception {
        alerting.publishDirectory();
        clock.setTo(tomorrowAt(LocalTime.of(10, 0)));
    }

    @AfterEach
    void restore() {
        clock.reset();
        SmsTestResource.center().refuseSubmissions(false);
        SmsTestResource.center().receipts(DeliveryReceiptState.DELIVRD);
        SmsTestResource.aggregator().failing(false);
    }

    @Test
    void anEscalationReachesTheSupervisorBySmsAndEmailInBahasaIndonesiaAndTheOfficerInEnglish() throws Exception {
        NotificationRequested supervisorSms = request("referral-escalation", "SUPERVISOR", "SMS", Urgency.HIGH,
                "SUPERVISOR");
        String referralId = supervisorSms.referralId();
        String ref = caseReference(referralId);
        NotificationRequested supervisorEmail = sameAlert(supervisorSms, "SUPERVISOR", "EMAIL");
        NotificationRequested officerSms = sameAlert(supervisorSms, "OFFICER", "SMS");

        alerting.send(supervisorSms);
        alerting.send(supervisorEmail);
        alerting.send(officerSms);

        List<ReceivedSms> texts = awaitSmsAbout(referralId, 2);
        ReceivedSms toSupervisor = texts.stream().filter(s -> s.to().equals(SUPERVISOR_PHONE.substring(1)))
                .findFirst().orElseThrow();
        ReceivedSms toOfficer = texts.stream().filter(s -> s.to().equals(OFFICER_PHONE.substring(1)))
                .findFirst().orElseThrow();
        assertThat(toSupervisor.from()).isEqualTo("RUJUKAN");
        // in full the agency's name would take the SMS past 160 characters: it is abbreviated, not cut
        assertThat(toSupervisor.text()).matches("ESKALASI \\(kepala bidang\\) Tinggi: ref " + ref
                + " utk Dinsos Kab. OKU Timur belum ditanggapi\\. http://localhost:8080/m/[A-Za-z0-9]{45}");
        assertThat(toOfficer.text()).matches("ESCALATED \\(supervisor\\) High: ref " + ref
                + " for Dinsos Kab. OKU Timur not answered\\. http://localhost:8080/m/[A-Za-z0-9]{45}");
        for (ReceivedSms text : texts) {
            assertThat(Gsm7.septets(text.text())).isBetween(1, 160);
        }
        ReceivedMail mail = awaitMailsAbout(referralId, 1).get(0);
        assertThat(mail.to()).isEqualTo(SUPERVISOR_EMAIL);
        assertThat(mail.subject()).startsWith("[Rujukan] Eskalasi ke kepala bidang");

        await().atMost(WAIT).until(() -> alerting.settled(officerSms.notificationKey()));
        Notification officer = alerting.notification(officerSms.notificationKey());
        assertThat(officer.templateVersion).isEqualTo("sms/en/1/referral-escalation");
        assertThat(officer.provider).isEqualTo("smsc");
        assertThat(alerting.notification(supervisorSms.notificationKey()).templateVersion)
                .isEqualTo("sms/id/1/referral-escalation");
    }

    @Test
    void aRedeliveredSmsRequestIsSentOnce() throws Exception {
        NotificationRequested request = request("referral-new", "DUTY_OFFICER", "SMS", Urgency.NORMAL, null);
        String eventId = UUID.randomUUID().toString();
        String sameKeyNewEvent = UUID.randomUUID().toString();

        alerting.send(eventId, request);
        alerting.send(eventId, request);
        alerting.send(sameKeyNewEvent, request);

        awaitSmsAbout(request.referralId(), 1);
        // the known end: the three requests made one notification, and it is sent, which no sender takes again
        // (only queued ones are claimed); its one send was handed over before it was recorded as sent
        await().atMost(WAIT).until(() -> alerting.settled(request.notificationKey()));
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> Notification.count("referralId", request.referralId()))).isEqualTo(1L);
        assertThat(alerting.statusOf(request.notificationKey())).isIn(NotificationStatus.SENT,
                NotificationStatus.DELIVERED);
        assertThat(smsAbout(request.referralId())).hasSize(1);
    }

    @Test
    void whenTheSmscIsDownTheAggregatorDeliversAndTheSmscIsBackOnceHealthy() throws Exception {
        SmsTestResource.center().suspend();
        NotificationRequested whileDown;
        try {
            whileDown = request("referral-new", "DUTY_OFFICER", "SMS", Urgency.EMERGENCY, null);
            alerting.send(whileDown);
            ReceivedSms text = awaitSmsAbout(whileDown.referralId(), 1).get(0);
            assertThat(SmsTestResource.aggregator().received()).contains(text);
            await().atMost(WAIT).until(() -> alerting.statusOf(whileDown.notificationKey())
                    == NotificationStatus.SENT);
            assertThat(alerting.notification(whileDown.notificationKey()).provider).isEqualTo("aggregator");
            // readiness and the gauge say the bind is down; the service stays ready, the aggregator takes SMS
            given().when().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'smpp-binds' }.data.smsc", equalTo("binding"));
            assertThat(PrometheusText.sum(metrics(), "rujukan_sms_smpp_bound", Map.of("provider", "smsc")))
                    .isZero();
        } finally {
            SmsTestResource.center().resume();
        }
        // the bind is made again on its own, before any SMS asks for it
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'smpp-binds' }.data.smsc", equalTo("bound")));
        assertThat(PrometheusText.sum(metrics(), "rujukan_sms_smpp_bound", Map.of("provider", "smsc"))).isOne();

        // once its failures age out of the health window (3 s in tests), the preferred SMSC takes SMS again
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            NotificationRequested next = request("referral-new", "DUTY_OFFICER", "SMS", Urgency.EMERGENCY, null);
            alerting.send(next);
            awaitSmsAbout(next.referralId(), 1);
            return SmsTestResource.center().received().stream()
                    .anyMatch(s -> s.text().contains("ref " + caseReference(next.referralId())));
        });
    }

    @Test
    void duringQuietHoursAnSmsWaitsUntilSixInTheMorningUnlessItIsAnEmergency() throws Exception {
        clock.setTo(tomorrowAt(LocalTime.of(23, 0)));
        NotificationRequested normal = request("referral-reminder", "DUTY_OFFICER", "SMS", Urgency.NORMAL, null);
        NotificationRequested emergency = request("referral-new", "DUTY_OFFICER", "SMS", Urgency.EMERGENCY, null);
        NotificationRequested normalEmail = sameAlert(normal, "DUTY_OFFICER", "EMAIL");

        alerting.send(normal);
        alerting.send(emergency);
        alerting.send(normalEmail);

        awaitSmsAbout(emergency.referralId(), 1);
        awaitMailsAbout(normal.referralId(), 1);
        await().atMost(WAIT).until(() -> alerting.notification(normal.notificationKey()).deferredUntil != null);
        Notification waiting = alerting.notification(normal.notificationKey());
        assertThat(waiting.status).isEqualTo(NotificationStatus.QUEUED);
        assertThat(waiting.deferredUntil).isEqualTo(tomorrowAt(LocalTime.of(6, 0)).plus(Duration.ofDays(1)));
        assertThat(smsAbout(normal.referralId())).isEmpty();

        clock.setTo(waiting.deferredUntil);

        awaitSmsAbout(normal.referralId(), 1);
    }

    @Test
    void deliveryReceiptsMoveTheStatusToDeliveredAndAnUndeliveredSmsFallsBackToEmail() throws Exception {
        NotificationRequested delivered = request("referral-new", "SUPERVISOR", "SMS", Urgency.HIGH, null);
        alerting.send(delivered);

        await().atMost(WAIT).until(() -> alerting.statusOf(delivered.notificationKey())
                == NotificationStatus.DELIVERED);
        List<ConsumerRecord<String, String>> statuses = alerting.kafka().await(Topics.notificationStatus(delivered.agencyId()),
                r -> delivered.referralId().equals(r.key()), 2, WAIT);
        assertThat(statuses).map(r -> KafkaTestClient.headerValue(r, "ce_type").orElseThrow())
                .containsExactly(EventTypes.NOTIFICATION_SENT, EventTypes.NOTIFICATION_DELIVERED);
        assertThat(json.readTree(statuses.get(1).value()).get("provider").asText()).isEqualTo("smsc");

        SmsTestResource.center().receipts(DeliveryReceiptState.UNDELIV);
        NotificationRequested undelivered = request("referral-new", "SUPERVISOR", "SMS", Urgency.HIGH, null);
        alerting.send(undelivered);

        await().atMost(WAIT).until(() -> alerting.statusOf(undelivered.notificationKey())
                == NotificationStatus.FAILED);
        assertThat(alerting.notification(undelivered.notificationKey()).lastError).isEqualTo("not delivered: UNDELIV");
        ReceivedMail fallback = awaitMailsAbout(undelivered.referralId(), 1).get(0);
        assertThat(fallback.to()).isEqualTo(SUPERVISOR_EMAIL);
        // the relay has the mail before the service has its answer and has marked the alert sent
        await().atMost(WAIT).until(() -> alerting.statusOf(undelivered.referralId()
                + ":step-1:dinsos-1608:SUPERVISOR:EMAIL") == NotificationStatus.SENT);
    }

    @Test
    void aReceiptNamingTheMessageInAnotherBaseMarksItDeliveredAndOneNamingNoMessageIsCounted() throws Exception {
        SmsTestResource.center().receipts(null); // the SMSC's own receipt never comes: this test sends it
        NotificationRequested request = request("referral-new", "SUPERVISOR", "SMS", Urgency.HIGH, null);
        alerting.send(request);
        await().atMost(WAIT).until(() -> alerting.statusOf(request.notificationKey()) == NotificationStatus.SENT);
        String submitted = alerting.notification(request.notificationKey()).providerMessageId;
        String before = metrics();

        // the SMSC answered submit_sm in hex; its receipt names the message in decimal
        receipts.fire(new SmsReceipt("smsc", new BigInteger(submitted, 16).toString(), true, "DELIVRD"));
        receipts.fire(new SmsReceipt("smsc", "no-such-message", true, "DELIVRD"));

        assertThat(alerting.statusOf(request.notificationKey())).isEqualTo(NotificationStatus.DELIVERED);
        assertThat(delta(before, metrics(), "rujukan_sms_receipts_unmatched_total", Map.of("provider", "smsc")))
                .isEqualTo(1);
    }

    @Test
    void whenNoProviderTakesAnSmsWithinTheRetryWindowItFailsAndTheAlertGoesByEmail() throws Exception {
        SmsTestResource.center().refuseSubmissions(true);
        SmsTestResource.aggregator().failing(true);
        NotificationRequested request = request("referral-reminder", "SUPERVISOR", "SMS", Urgency.EMERGENCY, null);
        String before = metrics();

        alerting.send(request);

        await().atMost(WAIT).until(() -> alerting.statusOf(request.notificationKey())
                == NotificationStatus.FAILED);
        Notification failed = alerting.notification(request.notificationKey());
        assertThat(failed.attempts).isGreaterThan(1);
        assertThat(failed.lastError).startsWith("no SMS provider took it");
        assertThat(awaitMailsAbout(request.referralId(), 1).get(0).to()).isEqualTo(SUPERVISOR_EMAIL);
        assertThat(mailsAbout(request.referralId()).get(0).subject()).contains("Pengingat");
        assertThat(smsAbout(request.referralId())).isEmpty();

        // what the dashboard shows: retries, then the failure, each provider's refusals, the email instead
        await().atMost(WAIT).untilAsserted(() -> {
            String after = metrics();
            assertThat(delta(before, after, "rujukan_notifications_total",
                    Map.of("channel", "SMS", "provider", "none", "outcome", "retried"))).isGreaterThanOrEqualTo(1);
            assertThat(delta(before, after, "rujukan_notifications_total",
                    Map.of("channel", "SMS", "provider", "none", "outcome", "failed"))).isEqualTo(1);
            assertThat(delta(before, after, "rujukan_notification_send_seconds_count",
                    Map.of("channel", "SMS", "provider", "smsc", "outcome", "error"))).isGreaterThanOrEqualTo(1);
            assertThat(delta(before, after, "rujukan_notification_send_seconds_count",
                    Map.of("channel", "SMS", "provider", "aggregator", "outcome", "error"))).isGreaterThanOrEqualTo(1);
            assertThat(delta(before, after, "rujukan_notifications_total",
                    Map.of("channel", "EMAIL", "provider", "smtp", "outcome", "sent"))).isGreaterThanOrEqualTo(1);
        });
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double delta(String before, String after, String name, Map<String, String> labels) {
        double was = PrometheusText.sum(before, name, labels);
        return PrometheusText.sum(after, name, labels) - (Double.isNaN(was) ? 0 : was);
    }

    private static NotificationRequested sameAlert(NotificationRequested alert, String role, String channel) {
        return new NotificationRequested(String.join(":", alert.referralId(), "step-1", alert.agencyId(), role, channel),
                alert.referralId(), alert.agencyId(), role, channel, alert.template(), alert.referringAgencyId(),
                alert.category(), alert.urgency(), alert.level());
    }

    private static Instant tomorrowAt(LocalTime time) {
        return ZonedDateTime.of(LocalDate.now(JAKARTA).plusDays(1), time, JAKARTA).toInstant();
    }
}
