package id.rujukan.referral.routing;

import id.rujukan.referral.directory.Agency;
import java.util.List;

/**
 * Where routing may send a referral, in order, and why.
 *
 * @param candidates the agencies to try, first one first; empty when none fits
 * @param rule the rule that decided
 * @param explanation why, in words, for the timeline: the rule's facts and any agency skipped
 */
public record RoutingDecision(List<Agency> candidates, String rule, String explanation) {
}
