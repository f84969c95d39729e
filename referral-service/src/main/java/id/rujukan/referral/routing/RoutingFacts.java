package id.rujukan.referral.routing;

import id.rujukan.contract.AgeBand;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.contract.Region;
import id.rujukan.contract.ServiceNeeded;
import id.rujukan.contract.Urgency;

/**
 * What routing looks at, and nothing more: a submitted referral's facts, or a referral an officer is still
 * writing (the console shows where it will go before it is sent).
 *
 * @param targetAgencyId the agency the referrer named, or {@code null} to let the rules choose
 */
public record RoutingFacts(String targetAgencyId, ServiceNeeded serviceNeeded, CaseCategory category,
        AgeBand ageBand, Urgency urgency, Region childRegion) {

    public static RoutingFacts of(ReferralSubmitted referral) {
        return new RoutingFacts(referral.targetAgencyId(), referral.serviceNeeded(), referral.category(),
                referral.ageBand(), referral.urgency(), referral.childRegion());
    }
}
