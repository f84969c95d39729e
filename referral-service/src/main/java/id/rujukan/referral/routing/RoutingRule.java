package id.rujukan.referral.routing;

import id.rujukan.contract.AgeBand;
import id.rujukan.contract.AgencyType;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.ServiceNeeded;
import id.rujukan.contract.Urgency;
import java.util.List;

/**
 * One routing rule, as the rules file holds it: when a referral matches, the candidates are tried in
 * order.
 */
public record RoutingRule(String id, String description, Match when, List<Candidate> candidates) {

    /** What the rule applies to; an empty or missing list matches anything. */
    public record Match(List<ServiceNeeded> services, List<CaseCategory> categories, List<AgeBand> ageBands,
            List<Urgency> urgencies) {

        boolean matches(ServiceNeeded service, CaseCategory category, AgeBand ageBand, Urgency urgency) {
            return allows(services, service) && allows(categories, category) && allows(ageBands, ageBand)
                    && allows(urgencies, urgency);
        }

        private static <T> boolean allows(List<T> allowed, T value) {
            return allowed == null || allowed.isEmpty() || allowed.contains(value);
        }
    }

    /**
     * Agencies of a type near the child.
     *
     * @param scope {@code REGENCY}: of the child's kabupaten/kota; {@code PROVINCE}: of the child's
     *        province; {@code NATIONAL}: anywhere
     * @param anyService take the agency even if it does not list the service needed
     */
    public record Candidate(AgencyType type, Scope scope, boolean anyService) {
    }

    public enum Scope {
        REGENCY, PROVINCE, NATIONAL
    }
}
