package id.rujukan.referral.routing;

import id.rujukan.contract.ReferralState;
import id.rujukan.contract.Region;
import id.rujukan.referral.directory.Agencies;
import id.rujukan.referral.directory.Agency;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses the agencies a referral may go to. A named agency is the only candidate. Otherwise the first
 * rule that matches (service needed x category x age band x urgency) lists agency types near the
 * child; each is taken if it offers the service and, where it has a capacity, has a free place.
 */
@ApplicationScoped
public class Router {

    public static final String RULE_NAMED = "named-by-referrer";

    private final RoutingRules rules;
    private final Agencies agencies;

    public Router(RoutingRules rules, Agencies agencies) {
        this.rules = rules;
        this.agencies = agencies;
    }

    public RoutingDecision route(RoutingFacts referral) {
        if (referral.targetAgencyId() != null) {
            return agencies.byId(referral.targetAgencyId())
                    .map(agency -> new RoutingDecision(List.of(agency), RULE_NAMED, "named by the referrer"))
                    .orElseGet(() -> new RoutingDecision(List.of(), RULE_NAMED,
                            "the named agency " + referral.targetAgencyId() + " is not in the directory"));
        }
        String region = referral.childRegion().regencyCode() != null ? referral.childRegion().regencyCode()
                : referral.childRegion().provinceCode();
        RoutingRule rule = rules.all().stream()
                .filter(r -> r.when().matches(referral.serviceNeeded(), referral.category(), referral.ageBand(),
                        referral.urgency()))
                .findFirst().orElseThrow(); // the rules file ends with a catch-all, checked at start
        Map<String, Agency> candidates = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (RoutingRule.Candidate candidate : rule.candidates()) {
            for (Agency agency : agencies(candidate, referral)) {
                if (!candidate.anyService() && referral.serviceNeeded() != null
                        && !agency.services.contains(referral.serviceNeeded())) {
                    continue;
                }
                if (agency.capacity != null) {
                    long inUse = placesInUse(agency);
                    if (inUse >= agency.capacity) {
                        skipped.add(agency.name + " is full (" + inUse + " of " + agency.capacity + " places)");
                        continue;
                    }
                }
                candidates.putIfAbsent(agency.id, agency);
            }
        }
        String explanation = "region " + region + (skipped.isEmpty() ? "" : "; skipped: " + String.join(", ", skipped));
        return new RoutingDecision(List.copyOf(candidates.values()), rule.id(), explanation);
    }

    private List<Agency> agencies(RoutingRule.Candidate candidate, RoutingFacts referral) {
        Region region = referral.childRegion();
        return switch (candidate.scope()) {
            case REGENCY -> region.regencyCode() == null ? List.of()
                    : agencies.ofType(candidate.type(), agency -> region.regencyCode().equals(agency.regencyCode));
            case PROVINCE -> agencies.ofType(candidate.type(),
                    agency -> region.provinceCode().equals(agency.provinceCode));
            case NATIONAL -> agencies.ofType(candidate.type(), agency -> true);
        };
    }

    /** Referrals the agency has accepted and not yet closed: each holds a place. */
    private static long placesInUse(Agency agency) {
        return Agency.getEntityManager().createQuery(
                "select count(r) from Referral r where r.targetAgencyId = :agency and r.state in :open", Long.class)
                .setParameter("agency", agency.id)
                .setParameter("open", List.of(ReferralState.ACCEPTED, ReferralState.IN_PROGRESS))
                .getSingleResult();
    }
}
