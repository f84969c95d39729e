package id.rujukan.notification;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.AgencyType;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.NotificationRequested;
import id.rujukan.contract.Region;
import id.rujukan.contract.ServiceNeeded;
import id.rujukan.contract.Topics;
import id.rujukan.contract.Urgency;
import id.rujukan.infra.MailServer.ReceivedMail;
import id.rujukan.infra.SmsCenter.ReceivedSms;
import id.rujukan.infra.testing.KafkaTestClient;
import id.rujukan.infra.testing.KafkaTestResource;
import id.rujukan.infra.testing.SmsTestResource;
import id.rujukan.infra.testing.SmtpTestResource;
import id.rujukan.notification.delivery.Notification;
import id.rujukan.notification.delivery.NotificationStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/** The tests' side of the service: the directory it reads, the requests it gets, what it sent and stored. */
@ApplicationScoped
public class Alerting {

    public static final Duration WAIT = Duration.ofSeconds(20);
    public static final String DUTY_EMAIL = "piket@dinsos-okutimur.rujukan.example";
    public static final String SUPERVISOR_EMAIL = "kabid@dinsos-okutimur.rujukan.example";
    public static final String OFFICER_EMAIL = "peksos@dinsos-okutimur.rujukan.example";
    public static final String DUTY_PHONE = "+6281200001608";
    public static final String SUPERVISOR_PHONE = "+6281200011608";
    /** Reads English, and works from Jayapura (WIT, UTC+9). */
    public static final String OFFICER_PHONE = "+6281200021608";

    private final ObjectMapper json;

    public Alerting(ObjectMapper json) {
        this.json = json;
    }

    public KafkaTestClient kafka() {
        return KafkaTestResource.client();
    }

    public void publishDirectory() throws Exception {
        publishAgency(new AgencyPublished("dinsos-1608", "Dinas Sosial Kabupaten OKU Timur",
                AgencyType.DINAS_SOSIAL_KABUPATEN_KOTA, new Region("16", "16.08"), "Asia/Jakarta",
                List.of(ServiceNeeded.TEMPORARY_CARE), null, "08:00-16:00", false, List.of(
                        new AgencyPublished.Contact("DUTY_OFFICER", "Petugas Piket Dinsos OKU Timur", DUTY_EMAIL,
                                DUTY_PHONE, "id", null),
                        new AgencyPublished.Contact("SUPERVISOR", "Kepala Bidang Rehsos", SUPERVISOR_EMAIL,
                                SUPERVISOR_PHONE, "id", null),
                        new AgencyPublished.Contact("OFFICER", "Social worker on loan", OFFICER_EMAIL, OFFICER_PHONE,
                                "en", "Asia/Jayapura"))));
        publishAgency(new AgencyPublished("rutan-martapura", "Rutan Kelas IIB Martapura", AgencyType.RUTAN,
                new Region("16", "16.08"), "Asia/Jakarta", List.of(), null, null, false, List.of()));
    }

    /** A request for the alert {@code template} to {@code role} at Dinas Sosial OKU Timur, keyed as referral-service keys them. */
    public static NotificationRequested request(String template, String role, String channel, Urgency urgency,
            String level) {
        String referralId = UUID.randomUUID().toString();
        return new NotificationRequested(String.join(":", referralId, "step-1", "dinsos-1608", role, channel),
                referralId, "dinsos-1608", role, channel, template, "rutan-martapura", CaseCategory.CHILD_OF_DETAINEE,
                urgency, level);
    }

    public void send(NotificationRequested request) throws Exception {
        send(UUID.randomUUID().toString(), request);
    }

    public void send(String eventId, NotificationRequested request) throws Exception {
        String data = json.writeValueAsString(request);
        // keyed as referral-service keys it: by the referral, or the agency for a roster's gap
        kafka().send(Topics.notificationRequests(request), request.subject(), data, KafkaTestClient.signedCloudEvent(
                eventId, EventTypes.NOTIFICATION_REQUESTED, CloudEventAttributes.SOURCE_REFERRAL_SERVICE,
                CloudEventAttributes.SYSTEM, request.subject(), data));
    }

    public Notification notification(String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Notification.<Notification>find("notificationKey", key).firstResult());
    }

    /** The notification's status, or {@code null} while it is not even queued. */
    public NotificationStatus statusOf(String key) {
        Notification notification = notification(key);
        return notification == null ? null : notification.status;
    }

    /** True once the notification was sent, delivered or failed. */
    public boolean settled(String key) {
        NotificationStatus status = statusOf(key);
        return status != null && status != NotificationStatus.QUEUED;
    }

    public static String caseReference(String referralId) {
        return referralId.substring(0, 8).toUpperCase(Locale.ROOT);
    }

    public static List<ReceivedMail> mailsAbout(String referralId) {
        return SmtpTestResource.server().received().stream().filter(m -> m.body().contains(referralId)).toList();
    }

    public static List<ReceivedMail> awaitMailsAbout(String referralId, int count) {
        await().atMost(WAIT).until(() -> mailsAbout(referralId).size() >= count);
        return mailsAbout(referralId);
    }

    /** Every SMS about the referral, whichever provider took it. */
    public static List<ReceivedSms> smsAbout(String referralId) {
        String reference = "ref " + caseReference(referralId);
        return Stream.concat(SmsTestResource.center().received().stream(),
                SmsTestResource.aggregator().received().stream()).filter(s -> s.text().contains(reference)).toList();
    }

    public static List<ReceivedSms> awaitSmsAbout(String referralId, int count) {
        await().atMost(WAIT).until(() -> smsAbout(referralId).size() >= count);
        return smsAbout(referralId);
    }

    public void publishAgency(AgencyPublished agency) throws Exception {
        kafka().sendEvent(Topics.AGENCY_DIRECTORY, agency.agencyId(), EventTypes.AGENCY_PUBLISHED,
                CloudEventAttributes.SOURCE_REFERRAL_SERVICE, CloudEventAttributes.SYSTEM, json.writeValueAsString(agency));
    }
}
