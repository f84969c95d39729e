package id.rujukan.referral.alert;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.DutyRoster;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.Level;
import id.rujukan.contract.NotificationRequested;
import id.rujukan.contract.Topics;
import id.rujukan.contract.Urgency;
import id.rujukan.messaging.OutboundEvent;
import id.rujukan.referral.directory.Agency;
import id.rujukan.referral.escalation.EscalationPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The notification requests that tell people at an agency about a referral: one per role the agency
 * has someone in, per channel. Each carries a stable key (referral, step, recipient, channel), so the
 * notification service sends it once however often it is delivered.
 */
@ApplicationScoped
public class Alerts {

    public static final String NEW_REFERRAL = "referral-new";
    public static final String HANDOFF_REQUESTED = "handoff-requested";
    public static final String REMINDER = "referral-reminder";
    public static final String ESCALATION = "referral-escalation";
    /** An accepted referral's progress report is overdue: a reminder to the officers, or an escalation above them. */
    public static final String PROGRESS_OVERDUE = "referral-progress-overdue";
    /** An accepted referral's officer in charge left the agency: the supervisor is to name another. */
    public static final String UNASSIGNED = "referral-unassigned";
    public static final String ACCEPTED = "referral-accepted";
    public static final String DECLINED = "referral-declined";
    public static final String COMPLETED = "referral-completed";
    public static final String CANCELLED = "referral-cancelled";

    /** Who is told of a gap in the agency's roster: who keeps the roster, and who answers for its people. */
    public static final List<String> ROSTER_KEEPERS = List.of("AGENCY_ADMIN", "SUPERVISOR");

    private final EscalationPolicy policy;

    public Alerts(EscalationPolicy policy) {
        this.policy = policy;
    }

    /**
     * The requests for an alert to the roles at the agency who are on duty at {@code at} (by its roster, or its
     * contacts where it keeps none). When none of the roles has anyone on duty, the alert goes at once to the next
     * level up at the agency that has someone (supervisor, then head) instead of to no one.
     *
     * @param step what the alert is for, part of its key, e.g. {@code routed-1} or {@code RECEIVE-2}
     * @param level the escalation level, or {@code null} for an alert that is not an escalation
     * @return the requests, empty if nobody at the agency is on duty in any of the roles or above them
     */
    public List<OutboundEvent> requests(String referralId, String step, String template, Agency agency,
            List<String> roles, String referringAgencyId, CaseCategory category, Urgency urgency, String level,
            Instant at) {
        List<OutboundEvent> requests = new ArrayList<>();
        for (String role : reachable(agency, roles, Level.above(roles), at)) {
            for (String channel : policy.channels()) {
                String key = String.join(":", referralId, step, agency.id, role, channel);
                NotificationRequested request = new NotificationRequested(key, referralId, agency.id, role,
                        channel, template, referringAgencyId, category, urgency, level);
                requests.add(new OutboundEvent(Topics.notificationRequests(request), referralId,
                        EventTypes.NOTIFICATION_REQUESTED, CloudEventAttributes.SOURCE_REFERRAL_SERVICE,
                        CloudEventAttributes.SYSTEM, at, request));
            }
        }
        return requests;
    }

    /**
     * The requests for an alert to the agency's admin and supervisor (those on duty; the head when neither is) about
     * a gap ahead in its roster at {@code level}. Keyed by the roster's version, so one version's gap at one level
     * is told once.
     *
     * @param rosterDigest names the version of the roster the gap was found in
     */
    public List<OutboundEvent> rosterGap(Agency agency, Level level, DutyRoster.Gap gap, String rosterDigest,
            Instant at) {
        List<OutboundEvent> requests = new ArrayList<>();
        for (String role : reachable(agency, ROSTER_KEEPERS, List.of(Level.HEAD), at)) {
            for (String channel : policy.channels()) {
                String key = String.join(":", NotificationRequested.ROSTER_GAP, agency.id, level.name(), rosterDigest,
                        role, channel);
                NotificationRequested request = NotificationRequested.rosterGap(key, agency.id, role, channel, gap);
                requests.add(new OutboundEvent(Topics.notificationRequests(request), request.subject(),
                        EventTypes.NOTIFICATION_REQUESTED, CloudEventAttributes.SOURCE_REFERRAL_SERVICE,
                        CloudEventAttributes.SYSTEM, at, request));
            }
        }
        return requests;
    }

    /** The roles on duty among {@code roles}, or else among the first of {@code above} that has someone. */
    private static List<String> reachable(Agency agency, List<String> roles, List<Level> above, Instant at) {
        // the agency as the rule reads it, made once for every role asked about
        AgencyPublished record = agency.toRecord();
        List<String> reached = onDuty(record, roles, at);
        for (Level higher : above) {
            if (!reached.isEmpty()) {
                break;
            }
            reached = onDuty(record, higher.roles(), at);
        }
        return reached;
    }

    private static List<String> onDuty(AgencyPublished agency, List<String> roles, Instant at) {
        return roles.stream().filter(role -> DutyRoster.onDuty(agency, role, at).isPresent()).toList();
    }
}
