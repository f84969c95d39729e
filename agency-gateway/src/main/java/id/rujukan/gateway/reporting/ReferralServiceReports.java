package id.rujukan.gateway.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** referral-service's reporting API, inside the cluster. */
@Path("/api/v1/reports/referrals")
@RegisterRestClient(configKey = "referral-service")
// with the gateway's own token: referral-service answers only gateways and operators
@OidcClientFilter
public interface ReferralServiceReports {

    @GET
    JsonNode report(@QueryParam("agencyId") String agencyId, @QueryParam("provinceCode") String provinceCode,
            @QueryParam("regencyCode") String regencyCode, @QueryParam("category") String category,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("zone") String zone);
}
