package id.rujukan.contract;

import java.time.Duration;
import java.util.List;

/**
 * The topics, one constant each. Every record's key is the referral (or case) id, so that Kafka keeps
 * the events of one referral in order; directory records are keyed by agency id.
 */
public final class Topics {

    public static final String REFERRAL_INTAKE = "rujukan.referral-intake.v1";
    /**
     * Emergencies' submissions and every action on them: a topic of their own, read by a consumer of its own, so
     * a backlog of routine referrals (after a referral-service restart, say) is never ahead of an emergency. All
     * of one referral's events take the same topic, so they stay in order.
     */
    public static final String REFERRAL_INTAKE_URGENT = "rujukan.referral-intake-urgent.v1";
    /** Both intake topics, for whoever must see every submission and action (the tests). */
    public static final List<String> REFERRAL_INTAKE_TOPICS = List.of(REFERRAL_INTAKE, REFERRAL_INTAKE_URGENT);
    public static final String REFERRAL_LIFECYCLE = "rujukan.referral-lifecycle.v1";
    public static final String NOTIFICATION_REQUESTS = "rujukan.notification-requests.v1";
    /**
     * The requests that must not wait behind a backlog of routine ones ({@link NotificationRequested#urgent()}):
     * a topic of their own, read by a consumer of its own, so a fault's backlog of routine alerts in
     * {@link #NOTIFICATION_REQUESTS} never stands between an emergency and its officers.
     */
    public static final String NOTIFICATION_REQUESTS_URGENT = "rujukan.notification-requests-urgent.v1";
    /** Both request topics, for whoever must see every request (the tests, the fault run). */
    public static final List<String> NOTIFICATION_REQUEST_TOPICS = List.of(NOTIFICATION_REQUESTS,
            NOTIFICATION_REQUESTS_URGENT);
    public static final String NOTIFICATION_STATUS = "rujukan.notification-status.v1";
    public static final String AGENCY_DIRECTORY = "rujukan.agency-directory.v1";
    public static final String DEAD_LETTER_REFERRAL_SERVICE = "rujukan.dead-letter.referral-service";
    public static final String DEAD_LETTER_NOTIFICATION_SERVICE = "rujukan.dead-letter.notification-service";
    public static final String DEAD_LETTER_AGENCY_GATEWAY = "rujukan.dead-letter.agency-gateway";

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration MONTH = Duration.ofDays(30);

    public static final List<Topic> ALL = List.of(
            new Topic(REFERRAL_INTAKE, 6, MONTH, false, "agency-gateway", List.of("referral-service"),
                    "Referrals and actions submitted by agencies, as accepted at the API."),
            new Topic(REFERRAL_INTAKE_URGENT, 6, MONTH, false, "agency-gateway", List.of("referral-service"),
                    "The same, for emergencies: read ahead of any backlog of routine referrals."),
            new Topic(REFERRAL_LIFECYCLE, 6, MONTH, false, "referral-service", List.of("agency-gateway"),
                    "Facts of each referral's life: routed, every state change, escalations, refused actions."),
            new Topic(NOTIFICATION_REQUESTS, 6, WEEK, false, "referral-service", List.of("notification-service"),
                    "Who must be told what about a referral; keyed by referral id."),
            new Topic(NOTIFICATION_REQUESTS_URGENT, 6, WEEK, false, "referral-service",
                    List.of("notification-service"),
                    "The same, for emergencies and escalations past the officers: read ahead of any backlog."),
            new Topic(NOTIFICATION_STATUS, 6, MONTH, false, "notification-service", List.of("agency-gateway"),
                    "What became of each notification: sent, failed. For the referral's timeline."),
            new Topic(AGENCY_DIRECTORY, 1, Topic.FOREVER, true, "referral-service",
                    List.of("agency-gateway", "notification-service"),
                    "The agency directory, latest record per agency id; services keep their own copy."),
            new Topic(DEAD_LETTER_REFERRAL_SERVICE, 1, MONTH, false, "referral-service", List.of("operators"),
                    "Records referral-service could not process, with the reason in the dead-letter-reason header."),
            new Topic(DEAD_LETTER_NOTIFICATION_SERVICE, 1, MONTH, false, "notification-service",
                    List.of("operators"),
                    "Records notification-service could not process, with the reason in the dead-letter-reason header."),
            new Topic(DEAD_LETTER_AGENCY_GATEWAY, 1, MONTH, false, "agency-gateway", List.of("operators"),
                    "Records agency-gateway could not process, with the reason in the dead-letter-reason header."));

    /** Where a referral's submission and every action on it go: an emergency's on their own topic. */
    public static String referralIntake(Urgency urgency) {
        return urgency == Urgency.EMERGENCY ? REFERRAL_INTAKE_URGENT : REFERRAL_INTAKE;
    }

    /** Where a notification request goes: urgent ones on their own topic. */
    public static String notificationRequests(NotificationRequested request) {
        return request.urgent() ? NOTIFICATION_REQUESTS_URGENT : NOTIFICATION_REQUESTS;
    }

    private Topics() {
    }
}
