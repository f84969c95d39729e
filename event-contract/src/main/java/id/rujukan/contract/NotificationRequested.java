package id.rujukan.contract;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;

/**
 * Someone at an agency must be told about a referral, or about the agency itself (a gap in its duty roster).
 * Carries no personal data of the child.
 *
 * @param notificationKey stable key (referral, step, recipient, channel): the notification service
 *        sends at most once per key
 * @param referralId the referral the alert is about; with its {@code referringAgencyId}, {@code category} and
 *        {@code urgency}, required unless the alert is about a {@code rosterGap}
 * @param template the message to render, e.g. {@code referral-new}
 * @param recipientRole who at the agency, e.g. {@code DUTY_OFFICER}
 * @param channel {@code EMAIL} or {@code SMS}
 * @param level for an escalation, the step's level ({@code OFFICERS}, {@code SUPERVISOR}, {@code HEAD},
 *        {@code PROVINCE}, {@code MINISTRY}); otherwise {@code null}
 * @param rosterGap for an alert about the agency's roster ({@link #ROSTER_GAP}): the hours nobody is on duty
 */
public record NotificationRequested(
        @NotBlank String notificationKey,
        String referralId,
        @NotBlank String agencyId,
        @NotBlank String recipientRole,
        @NotBlank String channel,
        @NotBlank String template,
        String referringAgencyId,
        CaseCategory category,
        Urgency urgency,
        String level,
        DutyRoster.Gap rosterGap) {

    /** The escalation level that reminds the receiving agency's own officers, the chain's first step. */
    public static final String OFFICERS_LEVEL = "OFFICERS";
    /** The template of an alert to an agency's admin and supervisor about a gap in its roster. */
    public static final String ROSTER_GAP = "roster-gap";

    /** An alert about a referral. */
    public NotificationRequested(String notificationKey, String referralId, String agencyId, String recipientRole,
            String channel, String template, String referringAgencyId, CaseCategory category, Urgency urgency,
            String level) {
        this(notificationKey, referralId, agencyId, recipientRole, channel, template, referringAgencyId, category,
                urgency, level, null);
    }

    /** An alert about a gap in the agency's roster. */
    public static NotificationRequested rosterGap(String notificationKey, String agencyId, String recipientRole,
            String channel, DutyRoster.Gap gap) {
        return new NotificationRequested(notificationKey, null, agencyId, recipientRole, channel, ROSTER_GAP, null,
                null, null, null, gap);
    }

    /** Either about a referral, and saying which and what kind, or about a roster gap and its hours. */
    @JsonIgnore
    @AssertTrue(message = "must name a referral (referralId, referringAgencyId, category, urgency) or a rosterGap")
    public boolean isAboutAReferralOrARosterGap() {
        if (rosterGap != null) {
            return referralId == null && ROSTER_GAP.equals(template) && rosterGap.from() != null
                    && rosterGap.until() != null && rosterGap.roles() != null && !rosterGap.roles().isEmpty();
        }
        return referralId != null && !referralId.isBlank() && referringAgencyId != null
                && !referringAgencyId.isBlank() && category != null && urgency != null;
    }

    /** The Kafka key the request, and what becomes of it, travels under: its referral, or else its agency. */
    public String subject() {
        return referralId != null ? referralId : agencyId;
    }

    /**
     * Which due alerts are sent first, lower first: 0 for an emergency or an escalation past the officers (a
     * supervisor, head, province or the Ministry must hear at once), 1 for a high-urgency referral, a reminder to
     * the officers or a roster gap, 2 for the rest. When a provider's rate limit holds alerts back, they are
     * sent in this order.
     */
    public int priority() {
        if (rosterGap != null) {
            // nobody will be there to answer a child's referral: not an emergency yet, ahead of routine news
            return 1;
        }
        if (urgency == Urgency.EMERGENCY || (level != null && !OFFICERS_LEVEL.equals(level))) {
            return 0;
        }
        return urgency == Urgency.HIGH || level != null ? 1 : 2;
    }

    /** Priority 0: travels on {@link Topics#NOTIFICATION_REQUESTS_URGENT}, ahead of any backlog. */
    public boolean urgent() {
        return priority() == 0;
    }
}
