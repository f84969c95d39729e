package id.rujukan.notification.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.time.LocalTime;

/** How notifications are attempted, retried and held back. Checked at start-up. */
@ConfigMapping(prefix = "rujukan.delivery")
public interface DeliveryConfig {

    /**
     * How long after its first attempt a notification is retried; after that it is marked failed and the
     * other channel is tried instead.
     */
    @WithDefault("4h")
    Duration retryFor();

    /** Wait after the first failed attempt; doubles after each further one. */
    @WithDefault("10s")
    Duration initialBackoff();

    /** The longest wait between two attempts. */
    @WithDefault("30m")
    Duration maxBackoff();

    /** How long an attempt may run before the sweep considers it abandoned and tries again. */
    @WithDefault("2m")
    Duration attemptLease();

    /**
     * How many alerts are sent at once. Each send mostly waits on a server (SMTP, an SMSC, an aggregator),
     * so several senders keep the providers busy on few cores.
     */
    @WithDefault("8")
    @Min(1)
    int senders();

    /** How often queued notifications are swept for due attempts. */
    @WithDefault("5s")
    Duration sweepInterval();

    /**
     * The right-hand part of each email's {@code Message-ID}, {@code <notification id@this>}: the same for
     * every attempt of one notification, so that a mail store can tell a resend (after a crash between the
     * SMTP server taking a message and this service recording it) from a new alert.
     */
    @WithDefault("${quarkus.mailer.own-host-name:rujukan.local}")
    String messageIdDomain();

    QuietHoursConfig quietHours();

    /** When SMS waits, in the recipient's own time zone; emergencies never wait. */
    interface QuietHoursConfig {
        @WithDefault("22:00")
        LocalTime start();

        @WithDefault("06:00")
        LocalTime end();
    }
}
