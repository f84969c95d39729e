package id.rujukan.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one clock of every service: deadlines, escalations, quiet hours, retries, links and webhooks are
 * reckoned by it, so that tests can put a clock they move in its place. Only wall-time measurements that
 * no rule depends on (the outbox's lag, when an event was written to it) still read {@code Instant.now()}.
 */
public class Clocks {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
