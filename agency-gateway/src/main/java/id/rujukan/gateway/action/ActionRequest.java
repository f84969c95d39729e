package id.rujukan.gateway.action;

import id.rujukan.contract.ReferralActionRequested;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of an action; which fields an action needs is checked by {@link ActionResource}.
 *
 * @param reasonCode why a referral is declined, e.g. {@code NO_CAPACITY}, {@code OUT_OF_MANDATE}
 * @param outcomeCode how a referral was completed, e.g. {@code PLACED_WITH_FAMILY}
 * @param milestone progress reached, e.g. {@code LITMAS_SUBMITTED}, {@code DIVERSION_STARTED}
 * @param note free text; it may name the child, so it travels sealed like the child's data
 * @param onBehalfOf the officer (user name) a supervisor, head or the agency's system acts for; the timeline names
 *        both
 * @param officerInCharge for an acceptance or a reassignment, the officer (user name) in charge of the referral;
 *        an acceptance without it puts the one it was accepted by or for in charge
 */
public record ActionRequest(
        @Size(max = 64) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be an UPPER_SNAKE code") String reasonCode,
        @Size(max = 64) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be an UPPER_SNAKE code") String outcomeCode,
        @Size(max = 64) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be an UPPER_SNAKE code") String milestone,
        @Size(max = 4000) String note,
        @Size(max = 128) @Pattern(regexp = ReferralActionRequested.USER_ID, message = "must be a user name") String onBehalfOf,
        @Size(max = 128) @Pattern(regexp = ReferralActionRequested.USER_ID, message = "must be a user name") String officerInCharge) {

    static final ActionRequest EMPTY = new ActionRequest(null, null, null, null, null, null);

    /** An action an officer takes for themself, as the pages make it. */
    public ActionRequest(String reasonCode, String outcomeCode, String milestone, String note) {
        this(reasonCode, outcomeCode, milestone, note, null, null);
    }
}
