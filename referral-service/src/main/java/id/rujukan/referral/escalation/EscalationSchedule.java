package id.rujukan.referral.escalation;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Looks for due escalation steps all the time; every replica does, and the claim keeps them apart. */
@ApplicationScoped
public class EscalationSchedule {

    private final Escalator escalator;

    public EscalationSchedule(Escalator escalator) {
        this.escalator = escalator;
    }

    @Scheduled(every = "${rujukan.escalation.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void fireDue() {
        escalator.fireDue();
    }
}
