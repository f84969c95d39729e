package id.rujukan.stack.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which copies of an alert a kill of notification-service explains, and which are duplicates. */
class VerdictTest {

    private static final Instant KILL = Instant.parse("2026-11-29T11:28:30Z");

    @Test
    void aCopyAfterTheKillOfAnAlertHandedOverJustBeforeItIsExplained() {
        assertEquals(1, Verdict.resentAfterKill(List.of(KILL.minusMillis(300), KILL.plusSeconds(120)), List.of(KILL)));
    }

    @Test
    void copiesOfAnAlertHandedOverLongBeforeTheKillOrWithNoKillAreDuplicates() {
        assertEquals(0, Verdict.resentAfterKill(List.of(KILL.minusSeconds(10), KILL.plusSeconds(120)), List.of(KILL)));
        assertEquals(0, Verdict.resentAfterKill(List.of(KILL.minusMillis(300), KILL.plusSeconds(120)), List.of()));
    }

    @Test
    void twoCopiesBeforeTheKillAreADuplicateEvenInItsWindow() {
        assertEquals(0, Verdict.resentAfterKill(List.of(KILL.minusSeconds(2), KILL.minusSeconds(1)), List.of(KILL)));
    }

    @Test
    void aCopyWithoutAKnownHandOverTimeIsNotExplained() {
        assertEquals(0, Verdict.resentAfterKill(Arrays.asList(KILL.minusMillis(300), null), List.of(KILL)));
    }
}
