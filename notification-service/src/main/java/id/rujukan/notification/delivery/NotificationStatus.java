package id.rujukan.notification.delivery;

/** queued → sent → delivered | failed. Delivery receipts come with SMS; email ends at sent. */
public enum NotificationStatus {
    QUEUED, SENT, DELIVERED, FAILED
}
