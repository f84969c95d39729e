package id.rujukan.referral.routing;

import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.referral.directory.Agency;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Chooses the agency a referral goes to. For now one rule: the agency the referrer named; otherwise the
 * Dinas Sosial of the child's kabupaten/kota, and failing that, of the child's province.
 */
@ApplicationScoped
public class Router {

    public static final String RULE_NAMED = "named-by-referrer";
    public static final String RULE_REGENCY = "regency-dinas-sosial";
    public static final String RULE_PROVINCE = "province-dinas-sosial";
    public static final String RULE_NONE = "no-agency";

    public RoutingDecision route(ReferralSubmitted referral) {
        if (referral.targetAgencyId() != null) {
            Optional<Agency> named = Agency.findByIdOptional(referral.targetAgencyId());
            return named.map(agency -> decided(agency, RULE_NAMED, "named by the referrer"))
                    .orElseGet(() -> new RoutingDecision(Optional.empty(), RULE_NAMED,
                            "the named agency " + referral.targetAgencyId() + " is not in the directory"));
        }
        String regency = referral.childRegion().regencyCode();
        String province = referral.childRegion().provinceCode();
        Optional<Agency> regencyOffice = regency == null ? Optional.empty() : Agency.dinasSosialOfRegency(regency);
        if (regencyOffice.isPresent()) {
            return decided(regencyOffice.get(), RULE_REGENCY, "region " + regency);
        }
        return Agency.dinasSosialOfProvince(province)
                .map(agency -> decided(agency, RULE_PROVINCE, "province " + province))
                .orElseGet(() -> new RoutingDecision(Optional.empty(), RULE_NONE,
                        "no Dinas Sosial in the directory for region " + (regency == null ? province : regency)));
    }

    private static RoutingDecision decided(Agency agency, String rule, String why) {
        return new RoutingDecision(Optional.of(agency), rule,
                "routed to " + agency.name + " by rule " + rule + ", " + why);
    }
}
