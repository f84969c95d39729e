package id.rujukan.gateway.action;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of an action; which fields an action needs is checked by {@link ActionResource}.
 *
 * @param reasonCode why a referral is declined, e.g. {@code NO_CAPACITY}, {@code OUT_OF_MANDATE}
 * @param outcomeCode how a referral was completed, e.g. {@code PLACED_WITH_FAMILY}
 * @param milestone progress reached, e.g. {@code LITMAS_SUBMITTED}, {@code DIVERSION_STARTED}
 * @param note free text; it may name the child, so it travels sealed like the child's data
 */
public record ActionRequest(
        @Size(max = 64) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be an UPPER_SNAKE code") String reasonCode,
        @Size(max = 64) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be an UPPER_SNAKE code") String outcomeCode,
        @Size(max = 64) @Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be an UPPER_SNAKE code") String milestone,
        @Size(max = 4000) String note) {

    static final ActionRequest EMPTY = new ActionRequest(null, null, null, null);
}
