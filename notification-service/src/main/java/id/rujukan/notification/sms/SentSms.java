package id.rujukan.notification.sms;

/** Which provider took an SMS, and its id for it. */
public record SentSms(String provider, String messageId) {
}
