package id.rujukan.notification.delivery;

/** An attempt that failed for a reason that may pass: it is retried with backoff. */
class RetryableDeliveryException extends RuntimeException {

    RetryableDeliveryException(String reason) {
        super(reason);
    }
}
