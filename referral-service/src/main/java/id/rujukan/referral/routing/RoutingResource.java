package id.rujukan.referral.routing;

import id.rujukan.contract.AgeBand;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.Region;
import id.rujukan.contract.ServiceNeeded;
import id.rujukan.contract.Urgency;
import id.rujukan.referral.directory.DirectoryResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Where a referral with these facts would go now, without sending anything: the console shows it to the
 * officer before they submit. The answer is the rules' and the directory's at this moment; a place taken in
 * between can still change it. The gateway asks for its officers: the shared one inside the cluster, an agency's own
 * through an Ingress (k8s/README.md, "An agency's own gateway").
 */
@Path("/api/v1/routing/preview")
@Produces(MediaType.APPLICATION_JSON)
// the agencies' gateways ask for their people (who they are is the gateway's check); operators read too
@RolesAllowed({DirectoryResource.GATEWAY, DirectoryResource.DIRECTORY_ADMIN})
public class RoutingResource {

    private final Router router;

    public RoutingResource(Router router) {
        this.router = router;
    }

    /** An agency routing would offer the referral to, in the order it would. */
    public record Candidate(String agencyId, String name) {
    }

    /** The candidates, first one first (empty when none fits), the rule that chose them, and why. */
    public record Preview(List<Candidate> candidates, String rule, String explanation) {
    }

    @GET
    public Preview preview(@QueryParam("targetAgencyId") String targetAgencyId,
            @QueryParam("serviceNeeded") ServiceNeeded serviceNeeded,
            @QueryParam("category") @NotNull CaseCategory category,
            @QueryParam("ageBand") @DefaultValue("UNKNOWN") AgeBand ageBand,
            @QueryParam("urgency") @NotNull Urgency urgency,
            @QueryParam("provinceCode") @NotNull @Pattern(regexp = "\\d{2}") String provinceCode,
            @QueryParam("regencyCode") @Pattern(regexp = "\\d{2}\\.\\d{2}") String regencyCode) {
        RoutingDecision decision = router.route(new RoutingFacts(targetAgencyId, serviceNeeded, category, ageBand,
                urgency, new Region(provinceCode, regencyCode)));
        return new Preview(decision.candidates().stream().map(agency -> new Candidate(agency.id, agency.name))
                .toList(), decision.rule(), decision.explanation());
    }
}
