package id.rujukan.contract;

import java.util.Map;

/**
 * CloudEvents 1.0 {@code type} values. A type names one version of one fact; a breaking change to its
 * data gets a new type ({@code .v2}) and both live side by side until every reader has moved.
 */
public final class EventTypes {

    public static final String REFERRAL_SUBMITTED = "id.rujukan.referral.submitted.v1";
    public static final String REFERRAL_ROUTED = "id.rujukan.referral.routed.v1";
    public static final String REFERRAL_ROUTING_FAILED = "id.rujukan.referral.routing-failed.v1";
    public static final String REFERRAL_ACTION_REQUESTED = "id.rujukan.referral.action-requested.v1";
    public static final String REFERRAL_STATE_CHANGED = "id.rujukan.referral.state-changed.v1";
    public static final String REFERRAL_ESCALATED = "id.rujukan.referral.escalated.v1";
    public static final String REFERRAL_ACTION_REFUSED = "id.rujukan.referral.action-refused.v1";
    public static final String NOTIFICATION_REQUESTED = "id.rujukan.notification.requested.v1";
    public static final String NOTIFICATION_SENT = "id.rujukan.notification.sent.v1";
    public static final String NOTIFICATION_DELIVERED = "id.rujukan.notification.delivered.v1";
    public static final String NOTIFICATION_FAILED = "id.rujukan.notification.failed.v1";
    public static final String AGENCY_PUBLISHED = "id.rujukan.agency.published.v1";
    public static final String ROSTER_CHANGED = "id.rujukan.agency.roster-changed.v1";
    public static final String OFFICER_DEPARTED = "id.rujukan.agency.officer-departed.v1";
    public static final String CASE_KEY_GRANTED = "id.rujukan.case.key-granted.v1";
    public static final String CASE_ERASED = "id.rujukan.case.erased.v1";
    public static final String CASE_KEY_DESTROYED = "id.rujukan.case.key-destroyed.v1";

    /** Each type's data class; the JSON schema of a type is {@code /schemas/<type>.json}. */
    public static final Map<String, Class<? extends Record>> DATA = Map.ofEntries(
            Map.entry(REFERRAL_SUBMITTED, ReferralSubmitted.class),
            Map.entry(REFERRAL_ROUTED, ReferralStateChanged.class),
            Map.entry(REFERRAL_ROUTING_FAILED, ReferralStateChanged.class),
            Map.entry(NOTIFICATION_REQUESTED, NotificationRequested.class),
            Map.entry(NOTIFICATION_SENT, NotificationStatusChanged.class),
            Map.entry(NOTIFICATION_DELIVERED, NotificationStatusChanged.class),
            Map.entry(NOTIFICATION_FAILED, NotificationStatusChanged.class),
            Map.entry(AGENCY_PUBLISHED, AgencyPublished.class),
            Map.entry(ROSTER_CHANGED, RosterChanged.class),
            Map.entry(OFFICER_DEPARTED, OfficerDeparted.class),
            Map.entry(REFERRAL_ACTION_REQUESTED, ReferralActionRequested.class),
            Map.entry(REFERRAL_STATE_CHANGED, ReferralStateChanged.class),
            Map.entry(REFERRAL_ESCALATED, ReferralEscalated.class),
            Map.entry(REFERRAL_ACTION_REFUSED, ReferralActionRefused.class),
            Map.entry(CASE_KEY_GRANTED, CaseKeyGranted.class),
            Map.entry(CASE_ERASED, CaseErased.class),
            Map.entry(CASE_KEY_DESTROYED, CaseKeyDestroyed.class));

    /**
     * Who signs each type ({@link EventSignatures}): what an agency's gateway writes is signed by the agency it
     * speaks for; what a service writes (routing, escalation, directory, alerts, their delivery), by that
     * service, whatever agency's action it relays. A reader checks the signer the type names, so an event of a
     * service's type signed by an agency (or the other way round) is refused.
     */
    public static final Map<String, EventSigner> SIGNER = Map.ofEntries(
            Map.entry(REFERRAL_SUBMITTED, EventSigner.AGENCY),
            Map.entry(REFERRAL_ACTION_REQUESTED, EventSigner.AGENCY),
            Map.entry(ROSTER_CHANGED, EventSigner.AGENCY),
            Map.entry(OFFICER_DEPARTED, EventSigner.AGENCY),
            Map.entry(CASE_KEY_GRANTED, EventSigner.AGENCY),
            Map.entry(CASE_ERASED, EventSigner.AGENCY),
            Map.entry(CASE_KEY_DESTROYED, EventSigner.AGENCY),
            Map.entry(REFERRAL_ROUTED, EventSigner.REFERRAL_SERVICE),
            Map.entry(REFERRAL_ROUTING_FAILED, EventSigner.REFERRAL_SERVICE),
            Map.entry(REFERRAL_STATE_CHANGED, EventSigner.REFERRAL_SERVICE),
            Map.entry(REFERRAL_ESCALATED, EventSigner.REFERRAL_SERVICE),
            Map.entry(REFERRAL_ACTION_REFUSED, EventSigner.REFERRAL_SERVICE),
            Map.entry(NOTIFICATION_REQUESTED, EventSigner.REFERRAL_SERVICE),
            Map.entry(AGENCY_PUBLISHED, EventSigner.REFERRAL_SERVICE),
            Map.entry(NOTIFICATION_SENT, EventSigner.NOTIFICATION_SERVICE),
            Map.entry(NOTIFICATION_DELIVERED, EventSigner.NOTIFICATION_SERVICE),
            Map.entry(NOTIFICATION_FAILED, EventSigner.NOTIFICATION_SERVICE));

    private EventTypes() {
    }
}
