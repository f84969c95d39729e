package id.rujukan.notification.sms;

/**
 * A delivery receipt from a provider, fired as a CDI event. Receipts are unreliable: they may come late,
 * twice or never, so nothing waits for one.
 *
 * @param delivered true if the phone got the message, false if the network gave up on it
 * @param detail the provider's final state, e.g. {@code DELIVRD} or {@code UNDELIV}
 */
public record SmsReceipt(String provider, String messageId, boolean delivered, String detail) {
}
