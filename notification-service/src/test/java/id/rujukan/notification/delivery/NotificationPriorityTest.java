package id.rujukan.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import id.rujukan.contract.Urgency;
import org.junit.jupiter.api.Test;

/** Unit test of one rule: which due alerts are sent first when a provider's limit holds them back. */
class NotificationPriorityTest {

    @Test
    void emergenciesAndEscalationsPastTheOfficersComeBeforeEverythingElse() {
        assertThat(Notification.priorityOf(Urgency.EMERGENCY, null)).isZero();
        assertThat(Notification.priorityOf(Urgency.LOW, "SUPERVISOR")).isZero();
        assertThat(Notification.priorityOf(Urgency.NORMAL, "MINISTRY")).isZero();
    }

    @Test
    void highUrgencyAndRemindersToTheOfficersComeBeforeRoutineAlerts() {
        assertThat(Notification.priorityOf(Urgency.HIGH, null)).isEqualTo(1);
        assertThat(Notification.priorityOf(Urgency.LOW, "OFFICERS")).isEqualTo(1);
        assertThat(Notification.priorityOf(Urgency.NORMAL, null)).isEqualTo(2);
        assertThat(Notification.priorityOf(Urgency.LOW, null)).isEqualTo(2);
    }
}
