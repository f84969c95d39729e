package id.rujukan.notification.sms;

/** Every provider that would take the message is at its rate limit: try again in a moment, it is not a failure. */
public class ProvidersBusyException extends RuntimeException {

    public ProvidersBusyException() {
        super("every SMS provider is at its rate limit");
    }
}
