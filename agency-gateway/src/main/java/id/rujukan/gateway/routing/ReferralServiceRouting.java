package id.rujukan.gateway.routing;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** referral-service's routing preview, inside the cluster. */
@Path("/api/v1/routing/preview")
@RegisterRestClient(configKey = "referral-service")
// with the gateway's own token: referral-service answers only gateways and operators
@OidcClientFilter
public interface ReferralServiceRouting {

    /** An agency routing would offer the referral to. */
    record Candidate(String agencyId, String name) {
    }

    /** The candidates in the order routing would try them, the rule that chose them, and why. */
    record Preview(List<Candidate> candidates, String rule, String explanation) {
    }

    @GET
    Preview preview(@QueryParam("targetAgencyId") String targetAgencyId,
            @QueryParam("serviceNeeded") String serviceNeeded, @QueryParam("category") String category,
            @QueryParam("ageBand") String ageBand, @QueryParam("urgency") String urgency,
            @QueryParam("provinceCode") String provinceCode, @QueryParam("regencyCode") String regencyCode);
}
