package id.rujukan.referral.routing;

import id.rujukan.referral.directory.Agency;
import java.util.Optional;

/**
 * Where routing sent a referral and why.
 *
 * @param agency the chosen agency, empty when none fits
 * @param rule the rule that decided
 * @param reason the decision in words, for the timeline
 */
public record RoutingDecision(Optional<Agency> agency, String rule, String reason) {
}
