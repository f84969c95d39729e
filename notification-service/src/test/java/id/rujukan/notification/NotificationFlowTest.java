package id.rujukan.notification;

import static id.rujukan.notification.Alerting.DUTY_EMAIL;
import static id.rujukan.notification.Alerting.SUPERVISOR_EMAIL;
import static id.rujukan.notification.Alerting.WAIT;
import static id.rujukan.notification.Alerting.awaitMailsAbout;
import static id.rujukan.notification.Alerting.mailsAbout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.NotificationRequested;
import id.rujukan.contract.Topics;
import id.rujukan.contract.Urgency;
import id.rujukan.infra.MailServer.ReceivedMail;
import id.rujukan.infra.testing.KafkaTestClient;
import id.rujukan.infra.testing.SmtpTestResource;
import id.rujukan.messaging.ConsumedEvents;
import id.rujukan.notification.delivery.Notification;
import id.rujukan.notification.delivery.NotificationStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NotificationFlowTest {

    @Inject
    ObjectMapper json;

    @Inject
    ConsumedEvents consumedEvents;

    @Inject
    Alerting alerting;

    private KafkaTestClient kafka;

    @BeforeEach
    void publishDirectory() throws Exception {
        kafka = alerting.kafka();
        alerting.publishDirectory();
    }

    @Test
    void aNewReferralReachesTheDutyOfficersInboxInBahasaIndonesiaAndIsRecordedAsSent() throws Exception {
        NotificationRequested request = newReferral(UUID.randomUUID().toString(), Urgency.EMERGENCY);

        requestNotification(UUID.randomUUID().toString(), request);

        ReceivedMail mail = awaitMailsAbout(request.referralId(), 1).get(0);
        assertThat(mail.to()).isEqualTo(DUTY_EMAIL);
        assertThat(mail.subject()).isEqualTo("[Rujukan] DARURAT - Rujukan baru dari Rutan Kelas IIB Martapura (ref "
                + request.referralId().substring(0, 8).toUpperCase() + ")");
        assertThat(mail.body())
                .contains("Yth. Petugas Piket Dinsos OKU Timur")
                .contains("Nomor rujukan : " + request.referralId())
                .contains("Kategori      : Anak dari tahanan/warga binaan")
                .contains("Urgensi       : DARURAT")
                .contains("http://localhost:8080/m/");

        ConsumerRecord<String, String> status = kafka.await(Topics.notificationStatus(request.agencyId()),
                r -> request.referralId().equals(r.key()), 1, WAIT).get(0);
        assertThat(KafkaTestClient.headerValue(status, "ce_type")).contains(EventTypes.NOTIFICATION_SENT);
        JsonNode data = json.readTree(status.value());
        assertThat(data.get("status").asText()).isEqualTo("SENT");
        assertThat(data.get("templateVersion").asText()).isEqualTo("email/id/2/referral-new");
        assertThat(data.get("provider").asText()).isEqualTo("smtp");
        assertThat(data.get("notificationKey").asText()).isEqualTo(request.notificationKey());

        Notification stored = notification(request.notificationKey());
        assertThat(stored.status).isEqualTo(NotificationStatus.SENT);
        assertThat(stored.recipientAddress).isEqualTo(DUTY_EMAIL);
        assertThat(stored.templateVersion).isEqualTo("email/id/2/referral-new");
        // one Message-ID per notification, whatever the attempt: a resend is recognisable as the same alert
        assertThat(mail.messageId()).isEqualTo("<" + stored.id + "@pesan.rujukan.test>");
        // what a real relay and the receiving mail server check: the sender set for the deployment, the greeting
        // it sent (in the relay's Received line), a stated charset, and no empty header (no "Cc:" without anyone)
        assertThat(mail.header("From")).isEqualTo("Rujukan Uji <peringatan@rujukan.test>");
        assertThat(mail.header("Received")).contains("notifikasi.rujukan.test");
        assertThat(mail.header("Content-Type")).containsIgnoringCase("text/plain").containsIgnoringCase("charset=");
        assertThat(mail.headers()).noneMatch(line -> line.matches("[^:]+:\\s*"));
    }

    @Test
    void anEscalationReachesTheSupervisorWithTheEscalationWording() throws Exception {
        String referralId = UUID.randomUUID().toString();
        NotificationRequested request = new NotificationRequested(referralId + ":RECEIVE-2:dinsos-1608:SUPERVISOR:EMAIL",
                referralId, "dinsos-1608", "SUPERVISOR", "EMAIL", "referral-escalation", "rutan-martapura",
                CaseCategory.CHILD_OF_DETAINEE, Urgency.EMERGENCY, "SUPERVISOR");

        requestNotification(UUID.randomUUID().toString(), request);

        ReceivedMail mail = awaitMailsAbout(referralId, 1).get(0);
        assertThat(mail.to()).isEqualTo(SUPERVISOR_EMAIL);
        assertThat(mail.subject()).isEqualTo("[Rujukan] DARURAT - Eskalasi ke kepala bidang: rujukan belum ditanggapi (ref "
                + referralId.substring(0, 8).toUpperCase() + ")");
        assertThat(mail.body()).contains("Yth. Kepala Bidang Rehsos")
                .contains("Batas waktu tanggapan telah lewat")
                .contains("Kepada        : Dinas Sosial Kabupaten OKU Timur");
        await().atMost(WAIT).until(() -> notification(request.notificationKey()).status == NotificationStatus.SENT);
        assertThat(notification(request.notificationKey()).templateVersion)
                .isEqualTo("email/id/2/referral-escalation");
    }

    @Test
    void aRedeliveredRequestIsNeverSentTwice() throws Exception {
        NotificationRequested request = newReferral(UUID.randomUUID().toString(), Urgency.HIGH);
        String eventId = UUID.randomUUID().toString();
        String sameKeyNewEventId = UUID.randomUUID().toString();

        requestNotification(eventId, request);
        requestNotification(eventId, request);
        // the same notification asked for again under a new event id
        requestNotification(sameKeyNewEventId, request);

        // one key, one partition: once the last is consumed, all three were
        await().atMost(WAIT).until(() -> consumedEvents.wasConsumed(sameKeyNewEventId));
        awaitMailsAbout(request.referralId(), 1);
        // the known end: the three requests made one notification, and it is sent, which no sender takes again
        // (only queued ones are claimed); its one send was handed over before it was recorded as sent
        await().atMost(WAIT).until(() -> notification(request.notificationKey()).status != NotificationStatus.QUEUED);
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> Notification.count("referralId", request.referralId()))).isEqualTo(1L);
        assertThat(notification(request.notificationKey()).status).isEqualTo(NotificationStatus.SENT);
        assertThat(mailsAbout(request.referralId())).hasSize(1);
    }

    @Test
    void whileTheMailServerIsDownTheAlertIsRetriedAndArrivesOnceItIsBack() throws Exception {
        NotificationRequested request = newReferral(UUID.randomUUID().toString(), Urgency.HIGH);
        SmtpTestResource.server().suspend();
        try {
            requestNotification(UUID.randomUUID().toString(), request);
            await().atMost(WAIT).until(() -> {
                Notification n = notification(request.notificationKey());
                return n != null && n.attempts >= 1 && n.lastError != null;
            });
            assertThat(notification(request.notificationKey()).status).isEqualTo(NotificationStatus.QUEUED);
        } finally {
            SmtpTestResource.server().resume();
        }
        awaitMailsAbout(request.referralId(), 1);
        await().atMost(WAIT).until(() -> notification(request.notificationKey()).status == NotificationStatus.SENT);
    }

    @Test
    void aNotificationQueuedBeforeACrashIsSentByTheSweepAfterRestart() {
        // as a crash would leave it: queued and committed, the event consumed, nothing sent
        String referralId = UUID.randomUUID().toString();
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Notification queued = new Notification();
            queued.id = id;
            queued.notificationKey = referralId + ":routed:DUTY_OFFICER:EMAIL";
            queued.referralId = referralId;
            queued.agencyId = "dinsos-1608";
            queued.recipientRole = "DUTY_OFFICER";
            queued.channel = "EMAIL";
            queued.template = "referral-new";
            queued.referringAgencyId = "rutan-martapura";
            queued.category = CaseCategory.NEGLECT;
            queued.urgency = Urgency.NORMAL;
            queued.status = NotificationStatus.QUEUED;
            queued.attempts = 1;
            queued.createdAt = Instant.now().minusSeconds(300);
            queued.nextAttemptAt = Instant.now().minusSeconds(1);
            queued.persist();
        });

        ReceivedMail mail = awaitMailsAbout(referralId, 1).get(0);
        await().atMost(WAIT).until(() -> notification(referralId + ":routed:DUTY_OFFICER:EMAIL").status
                == NotificationStatus.SENT);
        assertThat(mailsAbout(referralId)).hasSize(1);
        // the second attempt carries the Message-ID the first would have (had it reached the server)
        assertThat(mail.messageId()).isEqualTo("<" + id + "@pesan.rujukan.test>");
    }

    @Test
    void aNotificationThatCannotBeRenderedFailsAndTheFailureIsPublished() throws Exception {
        String referralId = UUID.randomUUID().toString();
        NotificationRequested request = new NotificationRequested(referralId + ":x:DUTY_OFFICER:EMAIL", referralId,
                "dinsos-1608", "DUTY_OFFICER", "EMAIL", "no-such-template", "rutan-martapura",
                CaseCategory.NEGLECT, Urgency.LOW, null);

        requestNotification(UUID.randomUUID().toString(), request);

        ConsumerRecord<String, String> status = kafka.await(Topics.notificationStatus("dinsos-1608"),
                r -> referralId.equals(r.key()), 1, WAIT).get(0);
        assertThat(KafkaTestClient.headerValue(status, "ce_type")).contains(EventTypes.NOTIFICATION_FAILED);
        assertThat(json.readTree(status.value()).get("detail").asText()).isEqualTo("No template no-such-template");
        assertThat(notification(request.notificationKey()).status).isEqualTo(NotificationStatus.FAILED);
    }

    @Test
    void garbageGoesToTheDeadLetterTopicWithItsReasonWhileValidRequestsKeepFlowing() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        kafka.send(Topics.NOTIFICATION_REQUESTS, key, "[1,2", headers(EventTypes.NOTIFICATION_REQUESTED));
        kafka.send(Topics.NOTIFICATION_REQUESTS, key, "{\"channel\":\"EMAIL\"}",
                headers(EventTypes.NOTIFICATION_REQUESTED));
        kafka.send(Topics.AGENCY_DIRECTORY, key, "{\"agencyId\":\"" + key + "\"}", headers(EventTypes.AGENCY_PUBLISHED));
        // about a referral, but not saying what kind: neither a referral's alert nor a roster gap's
        kafka.sendEvent(Topics.NOTIFICATION_REQUESTS, key, EventTypes.NOTIFICATION_REQUESTED,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM, "{\"notificationKey\":\""
                        + key + "\",\"referralId\":\"" + UUID.randomUUID() + "\",\"agencyId\":\"dinsos-1608\","
                        + "\"recipientRole\":\"DUTY_OFFICER\",\"channel\":\"EMAIL\",\"template\":\"referral-new\"}");
        NotificationRequested valid = newReferral(UUID.randomUUID().toString(), Urgency.NORMAL);
        requestNotification(UUID.randomUUID().toString(), valid);

        List<ConsumerRecord<String, String>> dead = kafka.await(Topics.DEAD_LETTER_NOTIFICATION_SERVICE,
                r -> key.equals(r.key()), 4, WAIT);
        assertThat(dead).map(r -> KafkaTestClient.headerValue(r, "dead-letter-reason").orElse(""))
                .anySatisfy(reason -> assertThat(reason).contains("is unreadable"))
                .anySatisfy(reason -> assertThat(reason).contains("is invalid").contains("notificationKey must not be blank"))
                .anySatisfy(reason -> assertThat(reason).contains(EventTypes.AGENCY_PUBLISHED).contains("is invalid"))
                .anySatisfy(reason -> assertThat(reason).contains("must name a referral (referralId, "
                        + "referringAgencyId, category, urgency) or a rosterGap"));
        awaitMailsAbout(valid.referralId(), 1);
    }

    @Test
    void aRequestNotSignedByReferralServiceIsDeadLetteredWithItsReasonAndSendsNothing() throws Exception {
        NotificationRequested valid = newReferral(UUID.randomUUID().toString(), Urgency.NORMAL);
        // on the valid request's partition, ahead of it: once its mail is there, these were handled
        String partitionKey = valid.referralId();
        NotificationRequested unsigned = newReferral(UUID.randomUUID().toString(), Urgency.NORMAL);
        NotificationRequested byAnAgency = newReferral(UUID.randomUUID().toString(), Urgency.NORMAL);
        NotificationRequested changed = newReferral(UUID.randomUUID().toString(), Urgency.NORMAL);
        kafka.send(Topics.NOTIFICATION_REQUESTS, partitionKey, json.writeValueAsString(unsigned),
                headers(EventTypes.NOTIFICATION_REQUESTED));
        // an agency's gateway signing with its own key what only referral-service may write
        String byAnAgencyData = json.writeValueAsString(byAnAgency);
        kafka.send(Topics.NOTIFICATION_REQUESTS, partitionKey, byAnAgencyData, KafkaTestClient.cloudEventSignedBy(
                "dinsos-1608", UUID.randomUUID().toString(), EventTypes.NOTIFICATION_REQUESTED,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, "dinsos-1608", partitionKey, byAnAgencyData));
        // signed by referral-service, then changed on the way: another recipient's address
        String changedData = json.writeValueAsString(changed);
        kafka.send(Topics.NOTIFICATION_REQUESTS, partitionKey, changedData.replace("dinsos-1608", "dinsos-1607"),
                KafkaTestClient.signedCloudEvent(UUID.randomUUID().toString(), EventTypes.NOTIFICATION_REQUESTED,
                        CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM, partitionKey,
                        changedData));
        kafka.send(Topics.NOTIFICATION_REQUESTS, partitionKey, json.writeValueAsString(valid),
                KafkaTestClient.signedCloudEvent(UUID.randomUUID().toString(), EventTypes.NOTIFICATION_REQUESTED,
                        CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM, partitionKey,
                        json.writeValueAsString(valid)));

        awaitMailsAbout(valid.referralId(), 1);
        List<ConsumerRecord<String, String>> dead = kafka.await(Topics.DEAD_LETTER_NOTIFICATION_SERVICE,
                r -> partitionKey.equals(r.key()), 3, WAIT);
        assertThat(dead).map(r -> KafkaTestClient.headerValue(r, "dead-letter-reason").orElse(""))
                .containsExactlyInAnyOrder(
                        "not signed: a " + EventTypes.NOTIFICATION_REQUESTED + " event must carry the signature of "
                                + "referral-service",
                        "signed with key dinsos-1608.dev-1, which is not one of referral-service's",
                        "the signature does not verify with key referral-service.dev-1 of referral-service: the event "
                                + "was changed, or was not made by referral-service");
        assertThat(mailsAbout(unsigned.referralId())).isEmpty();
        assertThat(mailsAbout(byAnAgency.referralId())).isEmpty();
        assertThat(mailsAbout(changed.referralId())).isEmpty();
        assertThat(alerting.notification(changed.notificationKey())).isNull();
    }

    private static NotificationRequested newReferral(String referralId, Urgency urgency) {
        return new NotificationRequested(referralId + ":routed:DUTY_OFFICER:EMAIL", referralId, "dinsos-1608",
                "DUTY_OFFICER", "EMAIL", "referral-new", "rutan-martapura", CaseCategory.CHILD_OF_DETAINEE, urgency,
                null);
    }

    private Notification notification(String key) {
        return alerting.notification(key);
    }

    private void requestNotification(String eventId, NotificationRequested request) throws Exception {
        alerting.send(eventId, request);
    }

    private static List<Header> headers(String type) {
        return KafkaTestClient.cloudEvent(UUID.randomUUID().toString(), type,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM);
    }
}
