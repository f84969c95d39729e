package id.rujukan.gateway.submission;

/** Kafka did not take a submission in time; nothing was accepted and the agency may retry. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(Throwable cause) {
        super("The referral could not be recorded; nothing was submitted. Try again shortly.", cause);
    }
}
