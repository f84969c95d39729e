package id.rujukan.gateway.action;

/**
 * The answer to an action: it is recorded and on its way to referral-service, which applies it in
 * order with everything else that happens to the referral; the timeline shows the result.
 *
 * @param state the referral's state when the action was taken
 */
public record ActionAccepted(String actionId, String referralId, String action, String state) {
}
