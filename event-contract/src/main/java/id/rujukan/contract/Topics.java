package id.rujukan.contract;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The topics, one constant each. Every record's key is the referral (or case) id, so that Kafka keeps
 * the events of one referral in order; directory records are keyed by agency id.
 *
 * <p>What an agency's gateway writes goes to topics of that agency's own ({@link #ofAgency}), under the prefix
 * {@code rujukan.agency.<agencyId>.}: the broker lets an agency's own gateway write there and nowhere else
 * (a Strimzi KafkaUser with a prefixed ACL, k8s/README.md), so it cannot even put a record where another agency's
 * would go. The shared gateway writes under every agency's prefix.
 */
public final class Topics {

    /** The prefix of every topic of one agency's own. */
    public static final String AGENCY_PREFIX = "rujukan.agency.";
    /** The intake topics of every agency, as referral-service subscribes to them. */
    public static final String INTAKE_PATTERN = "rujukan\\.agency\\.[a-z0-9-]+\\.intake\\.v1";
    /** The urgent intake topics of every agency ({@link #intake}). */
    public static final String INTAKE_URGENT_PATTERN = "rujukan\\.agency\\.[a-z0-9-]+\\.intake-urgent\\.v1";
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

    /** The topics every deployment has, whatever agencies it serves; each agency adds its own ({@link #ofAgency}). */
    public static final List<Topic> ALL = List.of(
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

    /**
     * The topics of one agency's own, made when it is onboarded: what its gateway submits and does (referrals,
     * actions, its roster), in two topics so that a backlog of routine referrals (after a referral-service restart,
     * say) is never ahead of an emergency, each read by a consumer of its own.
     */
    public static List<Topic> ofAgency(String agencyId) {
        return List.of(
                new Topic(intake(agencyId, Urgency.NORMAL), 3, MONTH, false, "agency-gateway",
                        List.of("referral-service"), "Referrals and actions the agency submitted, as accepted at "
                                + "the API, and its roster."),
                new Topic(intake(agencyId, Urgency.EMERGENCY), 3, MONTH, false, "agency-gateway",
                        List.of("referral-service"), "The same, for emergencies: read ahead of any backlog of "
                                + "routine referrals."));
    }

    /**
     * Where an agency's submission of a referral and every action it takes on one go: its own intake topic, an
     * emergency's on the urgent one. All of one agency's events about one referral take the same topic and
     * partition, so they stay in order.
     */
    public static String intake(String agencyId, Urgency urgency) {
        return AGENCY_PREFIX + agencyId + (urgency == Urgency.EMERGENCY ? ".intake-urgent.v1" : ".intake.v1");
    }

    /** Both of an agency's intake topics, for whoever must see everything it submitted (the tests). */
    public static List<String> intakeTopics(String agencyId) {
        return List.of(intake(agencyId, Urgency.NORMAL), intake(agencyId, Urgency.EMERGENCY));
    }

    /** The agency whose own topic this is, or empty for a topic of no agency's. */
    public static Optional<String> agencyOf(String topic) {
        if (topic == null || !topic.startsWith(AGENCY_PREFIX)) {
            return Optional.empty();
        }
        int end = topic.indexOf('.', AGENCY_PREFIX.length());
        return end < 0 ? Optional.empty() : Optional.of(topic.substring(AGENCY_PREFIX.length(), end));
    }

    /** Where a notification request goes: urgent ones on their own topic. */
    public static String notificationRequests(NotificationRequested request) {
        return request.urgent() ? NOTIFICATION_REQUESTS_URGENT : NOTIFICATION_REQUESTS;
    }

    private Topics() {
    }
}
