package id.rujukan.referral.escalation;

import id.rujukan.contract.Level;
import java.time.Duration;

/**
 * One step of an escalation chain. Kept as plain seconds, since the chain is frozen as JSON on each
 * referral.
 *
 * @param afterSeconds how long after the previous step (for the first, after the deadline) it fires
 */
public record EscalationStep(Level level, long afterSeconds) {

    public static EscalationStep of(Level level, Duration after) {
        return new EscalationStep(level, after.toSeconds());
    }

    public Duration after() {
        return Duration.ofSeconds(afterSeconds);
    }
}
