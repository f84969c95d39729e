package id.rujukan.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Unit test of one rule: which alerts are sent first, and which travel on the urgent topic. */
class NotificationPriorityTest {

    @Test
    void emergenciesAndEscalationsPastTheOfficersComeFirstOnTheUrgentTopic() {
        for (NotificationRequested request : new NotificationRequested[] {request(Urgency.EMERGENCY, null),
                request(Urgency.EMERGENCY, "OFFICERS"), request(Urgency.LOW, "SUPERVISOR"),
                request(Urgency.NORMAL, "MINISTRY")}) {
            assertThat(request.priority()).as("%s %s", request.urgency(), request.level()).isZero();
            assertThat(Topics.notificationRequests(request)).isEqualTo(Topics.NOTIFICATION_REQUESTS_URGENT);
        }
    }

    @Test
    void highUrgencyAndRemindersToTheOfficersComeBeforeRoutineAlertsOnTheRoutineTopic() {
        assertThat(request(Urgency.HIGH, null).priority()).isEqualTo(1);
        assertThat(request(Urgency.LOW, "OFFICERS").priority()).isEqualTo(1);
        assertThat(request(Urgency.NORMAL, null).priority()).isEqualTo(2);
        assertThat(request(Urgency.LOW, null).priority()).isEqualTo(2);
        for (Urgency urgency : new Urgency[] {Urgency.HIGH, Urgency.NORMAL, Urgency.LOW}) {
            assertThat(Topics.notificationRequests(request(urgency, null))).isEqualTo(Topics.NOTIFICATION_REQUESTS);
            assertThat(Topics.notificationRequests(request(urgency, "OFFICERS")))
                    .isEqualTo(Topics.NOTIFICATION_REQUESTS);
        }
    }

    private static NotificationRequested request(Urgency urgency, String level) {
        return new NotificationRequested("key", "referral", "dinsos-1608", "DUTY_OFFICER", "SMS", "referral-new",
                "rutan-martapura", CaseCategory.CHILD_OF_DETAINEE, urgency, level);
    }
}
