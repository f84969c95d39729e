package id.rujukan.notification.sms;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A delivery receipt from a provider, fired as a CDI event. Receipts are unreliable: they may come late,
 * twice or never, so nothing waits for one.
 *
 * @param delivered true if the phone got the message, false if the network gave up on it
 * @param detail the provider's final state, e.g. {@code DELIVRD} or {@code UNDELIV}
 */
public record SmsReceipt(String provider, String messageId, boolean delivered, String detail) {

    /** The same id in the other forms an SMSC may have answered {@code submit_sm} with (hex, decimal, case). */
    public Set<String> otherForms() {
        Set<String> forms = new LinkedHashSet<>(MessageIds.forms(messageId));
        forms.remove(messageId);
        return forms;
    }
}
