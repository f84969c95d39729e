package id.rujukan.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Unit test of one class: the waits between attempts. */
class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofHours(1));

    @Test
    void theWaitDoublesAfterEachFailureUpToTheMaximum() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.after(9)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(backoff.after(10)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.after(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aMaximumBelowTheFirstWaitIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
