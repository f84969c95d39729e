package id.rujukan.referral;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The service's clock in tests: it stands still until a test moves it, so nothing sleeps for real minutes. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service works in UTC instants");
    }

    public Instant advance(Duration by) {
        return now.updateAndGet(at -> at.plus(by));
    }

    public void set(Instant at) {
        now.set(at);
    }

    /** Back to the real time, so that the next test does not start where this one left the clock. */
    public void reset() {
        now.set(Instant.now());
    }
}
