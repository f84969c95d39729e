package id.rujukan.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** How notifications are attempted and retried. Checked at start-up. */
@ConfigMapping(prefix = "rujukan.delivery")
public interface DeliveryConfig {

    /** Attempts before a notification is marked failed. */
    @WithDefault("8")
    @Min(1)
    int maxAttempts();

    /** Wait after the first failed attempt; doubles after each further one. */
    @WithDefault("10s")
    Duration initialBackoff();

    /** The longest wait between two attempts. */
    @WithDefault("30m")
    Duration maxBackoff();

    /** How long an attempt may run before the sweep considers it abandoned and tries again. */
    @WithDefault("2m")
    Duration attemptLease();

    /** How often queued notifications are swept for due attempts. */
    @WithDefault("5s")
    Duration sweepInterval();

    /** The link to a referral in an alert: this plus the referral id. */
    String referralLinkBase();
}
