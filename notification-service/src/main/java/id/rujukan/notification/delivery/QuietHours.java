package id.rujukan.notification.delivery;

import id.rujukan.contract.Urgency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Quiet hours, by default 22:00-06:00 in the recipient's own time zone: an SMS that is not about an
 * emergency waits until they end. Email is never held back; nobody's phone rings for it.
 */
@ApplicationScoped
public class QuietHours {

    private final LocalTime start;
    private final LocalTime end;

    @Inject
    public QuietHours(DeliveryConfig config) {
        this(config.quietHours().start(), config.quietHours().end());
    }

    QuietHours(LocalTime start, LocalTime end) {
        this.start = start;
        this.end = end;
    }

    /** When the SMS may go, if it must wait; empty if it may go now. */
    public Optional<Instant> deferUntil(Urgency urgency, Instant now, ZoneId recipientZone) {
        if (urgency == Urgency.EMERGENCY || start.equals(end)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(recipientZone);
        LocalTime time = local.toLocalTime();
        boolean quiet = start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime until = local.with(end);
        if (!until.isAfter(local)) {
            until = until.plusDays(1);
        }
        return Optional.of(until.toInstant());
    }
}
