package id.rujukan.notification.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProviderHealthTest {

    @Test
    void aProviderWithNoCallsOrOnlyFastSuccessesScoresZero() {
        ProviderHealth health = new ProviderHealth(Duration.ofMinutes(5), Duration.ofSeconds(2));
        assertEquals(0, health.score());
        health.record(false, Duration.ofMillis(30));
        health.record(false, Duration.ofMillis(50));
        assertEquals(0, health.score());
    }

    @Test
    void failuresWeighTenthsAndASlowAverageAddsOne() {
        ProviderHealth health = new ProviderHealth(Duration.ofMinutes(5), Duration.ofSeconds(2));
        health.record(true, Duration.ofMillis(10));
        health.record(false, Duration.ofMillis(10));
        health.record(false, Duration.ofMillis(10));
        health.record(false, Duration.ofMillis(10));
        assertEquals(3, health.score(), "1 failure in 4 calls rounds to 3 tenths");
        health.record(false, Duration.ofSeconds(12)); // average now (4 x 10 ms + 12 s) / 5 > 2 s
        assertEquals(2 + 1, health.score());
    }

    @Test
    void callsOlderThanTheWindowNoLongerCount() throws InterruptedException {
        ProviderHealth health = new ProviderHealth(Duration.ofMillis(100), Duration.ofSeconds(2));
        health.record(true, Duration.ofSeconds(5));
        health.record(true, Duration.ofSeconds(5));
        assertEquals(10 + 1, health.score());
        Thread.sleep(150); // past the window: both calls leave it
        assertEquals(0, health.score());
        health.record(false, Duration.ofMillis(20));
        assertEquals(0, health.score(), "the failures and the slow calls left no trace in the totals");
    }
}
