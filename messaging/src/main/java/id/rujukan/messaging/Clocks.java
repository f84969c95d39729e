package id.rujukan.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one clock of every service: deadlines, escalations, quiet hours, retries, links and idempotency are
 * reckoned by it, never by {@code Instant.now()}, so that tests can put a clock they move in its place.
 */
public class Clocks {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
