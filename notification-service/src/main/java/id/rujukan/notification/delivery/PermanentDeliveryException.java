package id.rujukan.notification.delivery;

/** An attempt that cannot succeed however often it is retried: the notification fails at once. */
class PermanentDeliveryException extends RuntimeException {

    PermanentDeliveryException(String reason) {
        super(reason);
    }
}
