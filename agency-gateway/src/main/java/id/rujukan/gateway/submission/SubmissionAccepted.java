package id.rujukan.gateway.submission;

/** The answer to a submission: the referral's id and its state. */
public record SubmissionAccepted(String referralId, String state) {
}
