package id.rujukan.gateway.submission;

/**
 * What is sealed with the case's data key: everything that could identify the child or tell their
 * story.
 */
public record ProtectedDetails(SubmitReferral.Child child, SubmitReferral.Consent consent, String summary) {
}
