package id.rujukan.messaging;

import java.time.Duration;

/**
 * How long to wait before the next attempt: {@code initial} after the first failure, doubling after each
 * further one, never more than {@code max}. The one backoff of every retry in the services (alerts,
 * webhook pushes, a database outage waited out).
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("a backoff needs 0 < initial <= max, not " + initial + " and " + max);
        }
    }

    /** The wait after the {@code failures}-th failed attempt in a row (1 for the first). */
    public Duration after(int failures) {
        // 2^20 times any sensible initial wait is far over any sensible maximum: no overflow, same answer
        Duration wait = initial.multipliedBy(1L << Math.min(Math.max(failures, 1) - 1, 20));
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
