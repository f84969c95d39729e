package id.rujukan.notification.sms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A provider's recent record: its calls in the last window, whether each failed and how long it took. Its
 * score orders providers (lower is better): failures weigh most, slowness next. Old calls leave the window,
 * so a provider that failed and recovered scores well again.
 */
final class ProviderHealth {

    private final Duration window;
    private final Duration slow;
    private final Deque<Call> calls = new ArrayDeque<>(); // guarded by this

    ProviderHealth(Duration window, Duration slow) {
        this.window = window;
        this.slow = slow;
    }

    synchronized void record(Instant at, boolean failed, Duration took) {
        calls.addLast(new Call(at, failed, took.toNanos()));
        forgetBefore(at);
    }

    /** 0 for a provider with no recent failures that answers fast; up to 11 for one failing slowly. */
    synchronized int score(Instant now) {
        forgetBefore(now);
        if (calls.isEmpty()) {
            return 0;
        }
        long failed = calls.stream().filter(Call::failed).count();
        double averageNanos = calls.stream().mapToLong(Call::nanos).average().orElse(0);
        int failures = (int) Math.round(10.0 * failed / calls.size());
        return failures + (averageNanos > slow.toNanos() ? 1 : 0);
    }

    private void forgetBefore(Instant now) {
        Instant cutoff = now.minus(window);
        while (!calls.isEmpty() && calls.peekFirst().at().isBefore(cutoff)) {
            calls.removeFirst();
        }
    }

    private record Call(Instant at, boolean failed, long nanos) {
    }
}
