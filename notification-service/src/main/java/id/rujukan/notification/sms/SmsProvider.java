package id.rujukan.notification.sms;

/** A way to hand an SMS to the phone network. */
interface SmsProvider extends AutoCloseable {

    /**
     * Hands one message over.
     *
     * @param to the number in international form, e.g. {@code +628123456789}
     * @param text at most 160 GSM-7 characters
     * @return the provider's id for the message, which delivery receipts refer to
     * @throws SmsProviderException if the provider did not take it
     */
    String submit(String to, String text);

    @Override
    void close();
}
