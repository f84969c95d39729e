package id.rujukan.contract;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The topics, one constant each. Every record's key is the referral (or case) id, so that Kafka keeps
 * the events of one referral in order; directory records are keyed by agency id.
 *
 * <p>What concerns one agency travels on topics of that agency's own ({@link #ofAgency}), named kind first
 * ({@code rujukan.<kind>.<agencyId>.v1}): what its gateway submits and does, and what referral-service and
 * notification-service tell it. The broker lets an agency's own gateway write its intake topics and read its own
 * topics and nothing else (a Strimzi KafkaUser with literal ACLs, k8s/agencies/onboard.sh), and each service
 * only the kind it writes or reads, for every agency (a prefixed ACL). The shared gateway writes and reads for
 * every agency.
 */
public final class Topics {

    /** Each agency's intake topics: what its gateway submits and does. */
    public static final String INTAKE_PREFIX = "rujukan.intake.";
    /** Each agency's urgent intake topics: the same, for emergencies. */
    public static final String INTAKE_URGENT_PREFIX = "rujukan.intake-urgent.";
    /** Each agency's lifecycle topics: the facts of the referrals it is party to. */
    public static final String LIFECYCLE_PREFIX = "rujukan.lifecycle.";
    /** Each agency's alert status topics: what became of the alerts to its officers. */
    public static final String NOTIFICATION_STATUS_PREFIX = "rujukan.notification-status.";
    /** The kinds of topic every agency has, by prefix. */
    public static final List<String> AGENCY_TOPIC_PREFIXES = List.of(INTAKE_PREFIX, INTAKE_URGENT_PREFIX,
            LIFECYCLE_PREFIX, NOTIFICATION_STATUS_PREFIX);
    /** Every agency's intake topics, as referral-service subscribes to them. */
    public static final String INTAKE_PATTERN = pattern(INTAKE_PREFIX);
    public static final String INTAKE_URGENT_PATTERN = pattern(INTAKE_URGENT_PREFIX);
    /** Every agency's lifecycle topics, as the shared gateway subscribes to them. */
    public static final String LIFECYCLE_PATTERN = pattern(LIFECYCLE_PREFIX);
    public static final String NOTIFICATION_STATUS_PATTERN = pattern(NOTIFICATION_STATUS_PREFIX);
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
    public static final String AGENCY_DIRECTORY = "rujukan.agency-directory.v1";
    public static final String DEAD_LETTER_REFERRAL_SERVICE = "rujukan.dead-letter.referral-service";
    public static final String DEAD_LETTER_NOTIFICATION_SERVICE = "rujukan.dead-letter.notification-service";
    public static final String DEAD_LETTER_AGENCY_GATEWAY = "rujukan.dead-letter.agency-gateway";

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration MONTH = Duration.ofDays(30);

    /** The topics every deployment has, whatever agencies it serves; each agency adds its own ({@link #ofAgency}). */
    public static final List<Topic> ALL = List.of(
            new Topic(NOTIFICATION_REQUESTS, 6, WEEK, false, "referral-service", List.of("notification-service"),
                    "Who must be told what about a referral; keyed by referral id."),
            new Topic(NOTIFICATION_REQUESTS_URGENT, 6, WEEK, false, "referral-service",
                    List.of("notification-service"),
                    "The same, for emergencies and escalations past the officers: read ahead of any backlog."),
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
     * say) is never ahead of an emergency, each read by a consumer of its own; and what it is told: the life of
     * every referral it is party to, and what became of the alerts to its officers.
     */
    public static List<Topic> ofAgency(String agencyId) {
        return List.of(
                new Topic(intake(agencyId, Urgency.NORMAL), 3, MONTH, false, "agency-gateway",
                        List.of("referral-service"), "Referrals and actions the agency submitted, as accepted at "
                                + "the API, and its roster."),
                new Topic(intake(agencyId, Urgency.EMERGENCY), 3, MONTH, false, "agency-gateway",
                        List.of("referral-service"), "The same, for emergencies: read ahead of any backlog of "
                                + "routine referrals."),
                new Topic(lifecycle(agencyId), 3, MONTH, false, "referral-service", List.of("agency-gateway"),
                        "Facts of the life of each referral the agency is party to (its referrer, its target, or "
                                + "its target before): routed, every state change, escalations; and its actions "
                                + "refused."),
                new Topic(notificationStatus(agencyId), 3, MONTH, false, "notification-service",
                        List.of("agency-gateway"), "What became of each alert to the agency's officers: sent, "
                                + "delivered, failed. For the referral's timeline."));
    }

    /**
     * Where an agency's submission of a referral and every action it takes on one go: its own intake topic, an
     * emergency's on the urgent one. All of one agency's events about one referral take the same topic and
     * partition, so they stay in order.
     */
    public static String intake(String agencyId, Urgency urgency) {
        return (urgency == Urgency.EMERGENCY ? INTAKE_URGENT_PREFIX : INTAKE_PREFIX) + agencyId + ".v1";
    }

    /** Both of an agency's intake topics, for whoever must see everything it submitted (the tests). */
    public static List<String> intakeTopics(String agencyId) {
        return List.of(intake(agencyId, Urgency.NORMAL), intake(agencyId, Urgency.EMERGENCY));
    }

    /** Where referral-service tells an agency of the referrals it is party to. */
    public static String lifecycle(String agencyId) {
        return LIFECYCLE_PREFIX + agencyId + ".v1";
    }

    /** Where notification-service tells an agency what became of the alerts to its officers. */
    public static String notificationStatus(String agencyId) {
        return NOTIFICATION_STATUS_PREFIX + agencyId + ".v1";
    }

    /** The agency whose own topic this is, or empty for a topic of no agency's. */
    public static Optional<String> agencyOf(String topic) {
        if (topic == null) {
            return Optional.empty();
        }
        return AGENCY_TOPIC_PREFIXES.stream().filter(topic::startsWith).findFirst()
                .map(prefix -> topic.substring(prefix.length()))
                .filter(rest -> rest.matches("[a-z0-9-]+\\.v1"))
                .map(rest -> rest.substring(0, rest.length() - ".v1".length()));
    }

    private static String pattern(String prefix) {
        return prefix.replace(".", "\\.") + "[a-z0-9-]+\\.v1";
    }

    /** Where a notification request goes: urgent ones on their own topic. */
    public static String notificationRequests(NotificationRequested request) {
        return request.urgent() ? NOTIFICATION_REQUESTS_URGENT : NOTIFICATION_REQUESTS;
    }

    private Topics() {
    }
}
