package id.rujukan.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Someone at an agency must be told about a referral. Carries no personal data of the child.
 *
 * @param notificationKey stable key (referral, step, recipient, channel): the notification service
 *        sends at most once per key
 * @param template the message to render, e.g. {@code referral-new}
 * @param recipientRole who at the agency, e.g. {@code DUTY_OFFICER}
 * @param channel {@code EMAIL} or {@code SMS}
 * @param level for an escalation, the step's level ({@code OFFICERS}, {@code SUPERVISOR}, {@code HEAD},
 *        {@code PROVINCE}, {@code MINISTRY}); otherwise {@code null}
 */
public record NotificationRequested(
        @NotBlank String notificationKey,
        @NotBlank String referralId,
        @NotBlank String agencyId,
        @NotBlank String recipientRole,
        @NotBlank String channel,
        @NotBlank String template,
        @NotBlank String referringAgencyId,
        @NotNull CaseCategory category,
        @NotNull Urgency urgency,
        String level) {

    /** The escalation level that reminds the receiving agency's own officers, the chain's first step. */
    public static final String OFFICERS_LEVEL = "OFFICERS";

    /**
     * Which due alerts are sent first, lower first: 0 for an emergency or an escalation past the officers (a
     * supervisor, head, province or the Ministry must hear at once), 1 for a high-urgency referral or a
     * reminder to the officers, 2 for the rest. When a provider's rate limit holds alerts back, they are
     * sent in this order.
     */
    public int priority() {
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
