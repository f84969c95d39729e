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
}
