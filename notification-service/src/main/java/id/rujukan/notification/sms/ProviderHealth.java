package id.rujukan.notification.sms;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A provider's recent record: its calls in the last window, whether each failed and how long it took. Its
 * score orders providers (lower is better): failures weigh most, slowness next. Old calls leave the window,
 * so a provider that failed and recovered scores well again. Times are {@link System#nanoTime()}: the window is
 * elapsed time, which a step of the wall clock (NTP, or a test's clock set to another day) must not stretch or
 * shrink.
 */
final class ProviderHealth {

    private final Duration window;
    private final Duration slow;
    private final Deque<Call> calls = new ArrayDeque<>(); // guarded by this
    // running totals over the calls in the window: the score is asked before every SMS, and a busy provider
    // holds thousands of calls in five minutes (walking them all was an eighth of the service's CPU)
    private long failedCalls; // guarded by this
    private long totalNanos; // guarded by this

    ProviderHealth(Duration window, Duration slow) {
        this.window = window;
        this.slow = slow;
    }

    synchronized void record(boolean failed, Duration took) {
        long at = System.nanoTime();
        Call call = new Call(at, failed, took.toNanos());
        calls.addLast(call);
        failedCalls += call.failed() ? 1 : 0;
        totalNanos += call.nanos();
        forgetBefore(at);
    }

    /** 0 for a provider with no recent failures that answers fast; up to 11 for one failing slowly. */
    synchronized int score() {
        forgetBefore(System.nanoTime());
        if (calls.isEmpty()) {
            return 0;
        }
        int failures = (int) Math.round(10.0 * failedCalls / calls.size());
        return failures + (totalNanos > slow.toNanos() * calls.size() ? 1 : 0); // average slower than slow
    }

    private void forgetBefore(long now) {
        while (!calls.isEmpty() && now - calls.peekFirst().at() > window.toNanos()) {
            Call old = calls.removeFirst();
            failedCalls -= old.failed() ? 1 : 0;
            totalNanos -= old.nanos();
        }
    }

    /** @param at on {@link System#nanoTime()} */
    private record Call(long at, boolean failed, long nanos) {
    }
}
