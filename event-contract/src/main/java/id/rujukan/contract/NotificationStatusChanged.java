package id.rujukan.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * What became of a notification. Used by {@code notification.sent} and {@code notification.failed}.
 *
 * @param templateVersion the version of the template that was rendered
 * @param detail why it failed, or {@code null}
 */
public record NotificationStatusChanged(
        @NotBlank String notificationKey,
        @NotBlank String referralId,
        @NotBlank String agencyId,
        String recipientRole,
        @NotBlank String channel,
        @NotBlank String status,
        String template,
        String templateVersion,
        String detail,
        @NotNull Instant at) {
}
