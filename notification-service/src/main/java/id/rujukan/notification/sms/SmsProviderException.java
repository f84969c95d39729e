package id.rujukan.notification.sms;

/** A provider did not take a message: down, refusing, too slow or answering nonsense. */
public class SmsProviderException extends RuntimeException {

    public SmsProviderException(String message) {
        super(message);
    }

    public SmsProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
