package id.rujukan.gateway;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gateway's clock in tests: real time plus an offset a test moves, so that two days of webhook retries pass
 * in seconds. It runs on with real time (unlike referral-service's, which stands still), because the gateway's
 * other tests make links and tokens from the real time and expect the gateway to agree; {@link #reset()} puts it
 * back after each test ({@link ClockReset}).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the gateway works in UTC instants");
    }

    /** Moves the clock on, to {@code at} or (if it is there already) not at all. */
    public void advanceTo(Instant at) {
        offset.updateAndGet(now -> {
            Duration ahead = Duration.between(Instant.now().plus(now), at);
            return ahead.isNegative() ? now : now.plus(ahead);
        });
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }
}
