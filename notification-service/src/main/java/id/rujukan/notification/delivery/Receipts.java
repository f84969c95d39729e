package id.rujukan.notification.delivery;

import id.rujukan.contract.EventTypes;
import id.rujukan.notification.metrics.NotificationMetrics;
import id.rujukan.notification.metrics.NotificationMetrics.Outcome;
import id.rujukan.notification.sms.SmsReceipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** SMS delivery receipts: the message reached the phone (delivered), or the network gave up on it (failed). */
@ApplicationScoped
class Receipts {

    private final DeliveryQueue queue;
    private final Clock clock;
    private final NotificationMetrics metrics;

    Receipts(DeliveryQueue queue, Clock clock, NotificationMetrics metrics) {
        this.queue = queue;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Transactional
    void onReceipt(@Observes SmsReceipt receipt) {
        Notification notification = Notification.<Notification>find("provider = ?1 and providerMessageId = ?2",
                receipt.provider(), receipt.messageId()).firstResult();
        if (notification == null || notification.status != NotificationStatus.SENT) {
            return; // a receipt for a message we did not send, or a second receipt for one
        }
        if (receipt.delivered()) {
            notification.status = NotificationStatus.DELIVERED;
            notification.deliveredAt = clock.instant();
            queue.statusChanged(notification, EventTypes.NOTIFICATION_DELIVERED, null);
            metrics.outcome(notification.channel, notification.provider, Outcome.DELIVERED);
        } else {
            queue.markFailed(notification, "not delivered: " + receipt.detail());
        }
    }
}
