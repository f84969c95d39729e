package id.rujukan.contract;

import java.time.Duration;
import java.util.List;

/**
 * The topics, one constant each. Every record's key is the referral (or case) id, so that Kafka keeps
 * the events of one referral in order; directory records are keyed by agency id.
 */
public final class Topics {

    public static final String REFERRAL_INTAKE = "rujukan.referral-intake.v1";
    public static final String REFERRAL_LIFECYCLE = "rujukan.referral-lifecycle.v1";
    public static final String NOTIFICATION_REQUESTS = "rujukan.notification-requests.v1";
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
            new Topic(REFERRAL_LIFECYCLE, 6, MONTH, false, "referral-service", List.of("agency-gateway"),
                    "Facts of each referral's life: routed, every state change, escalations, refused actions."),
            new Topic(NOTIFICATION_REQUESTS, 6, WEEK, false, "referral-service", List.of("notification-service"),
                    "Who must be told what about a referral; keyed by referral id."),
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

    private Topics() {
    }
}
