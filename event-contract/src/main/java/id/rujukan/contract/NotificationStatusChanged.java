package id.rujukan.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * What became of a notification. Used by {@code notification.sent}, {@code notification.delivered} (a
 * delivery receipt came back) and {@code notification.failed}.
 *
 * @param referralId the referral the notification was about, {@code null} for one about the agency (a roster gap)
 * @param templateVersion the version of the template that was rendered
 * @param provider the SMS provider or {@code smtp} that took it, {@code null} if none did
 * @param detail why it failed, or {@code null}
 */
public record NotificationStatusChanged(
        @NotBlank String notificationKey,
        String referralId,
        @NotBlank String agencyId,
        String recipientRole,
        @NotBlank String channel,
        @NotBlank String status,
        String template,
        String templateVersion,
        String provider,
        String detail,
        @NotNull Instant at) {
}
