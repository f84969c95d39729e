package id.rujukan.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;

/**
 * A deadline of a referral passed without the answer it waits for, and one step of its escalation
 * chain fired. Each (referral, deadline, step) fires once.
 *
 * @param deadline which clock: {@code RECEIVE}, {@code ACCEPT}, or a legal clock such as {@code LITMAS}
 * @param step 1 for the first step of the chain
 * @param level who is told: {@code OFFICERS}, {@code SUPERVISOR}, {@code HEAD}, {@code PROVINCE}, {@code MINISTRY}
 * @param notifiedAgencyId the agency whose people were told
 * @param recipientRoles their roles at that agency
 * @param dueAt when the deadline passed
 */
public record ReferralEscalated(
        @NotBlank String referralId,
        @NotBlank String targetAgencyId,
        @NotBlank String deadline,
        int step,
        @NotBlank String level,
        String notifiedAgencyId,
        @NotNull List<String> recipientRoles,
        @NotNull Urgency urgency,
        @NotNull Instant dueAt,
        @NotNull Instant firedAt,
        @NotBlank String reason) {
}
