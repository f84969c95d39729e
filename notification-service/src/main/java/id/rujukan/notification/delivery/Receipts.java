package id.rujukan.notification.delivery;

import id.rujukan.contract.EventTypes;
import id.rujukan.notification.metrics.NotificationMetrics;
import id.rujukan.notification.metrics.NotificationMetrics.Outcome;
import id.rujukan.notification.sms.SmsReceipt;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

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
        if (notification == null && !receipt.otherForms().isEmpty()) {
            // the id in another base or case than submit_sm_resp gave it: taken only if one sent SMS has it
            List<Notification> sent = Notification.<Notification>find(
                    "provider = ?1 and providerMessageId in ?2 and status = ?3", receipt.provider(),
                    receipt.otherForms(), NotificationStatus.SENT).list();
            notification = sent.size() == 1 ? sent.get(0) : null;
        }
        if (notification == null) {
            Log.warnf("A receipt from %s matched no SMS sent through it (message id %s, %s)", receipt.provider(),
                    receipt.messageId(), receipt.detail());
            metrics.unmatchedReceipt(receipt.provider());
            return;
        }
        if (notification.status != NotificationStatus.SENT) {
            return; // a second receipt for one, or one after the notification was settled otherwise
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
