package id.rujukan.referral.reporting;

import id.rujukan.contract.CaseCategory;
import id.rujukan.referral.directory.DirectoryResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reports for supervisors and the Ministry: per receiving agency, child's region, category and period
 * (by submission time, {@code from} inclusive, {@code to} exclusive), with the caseload by month counted in the
 * caller's zone. The shared gateway asks inside the cluster and decides who of its people may see which agency's
 * figures; an agency's own gateway asks through an Ingress, and gets its own agencies' figures only.
 */
@Path("/api/v1/reports/referrals")
@Produces(MediaType.APPLICATION_JSON)
// the agencies' gateways ask for their people (who they are is the gateway's check); operators read too
@RolesAllowed({DirectoryResource.GATEWAY, DirectoryResource.DIRECTORY_ADMIN})
public class ReportResource {

    /** Months are counted in WIB unless the caller says otherwise: most agencies are in it. */
    static final String ASIA_JAKARTA = "Asia/Jakarta";

    private final ReferralReports reports;
    private final JsonWebToken caller;

    public ReportResource(ReferralReports reports, JsonWebToken caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    public ReferralReport report(@QueryParam("agencyId") String agencyId,
            @QueryParam("provinceCode") String provinceCode, @QueryParam("regencyCode") String regencyCode,
            @QueryParam("category") CaseCategory category, @QueryParam("from") Instant from,
            @QueryParam("to") Instant to, @QueryParam("zone") @DefaultValue(ASIA_JAKARTA) String zone) {
        // an agency's own gateway reads its own agencies' figures, none other's and no region's as a whole
        Object actsFor = caller.getClaim(DirectoryResource.ACTS_FOR_CLAIM);
        if (actsFor != null && (agencyId == null || !actsFor(actsFor).contains(agencyId))) {
            throw new ForbiddenException("this gateway reads reports of its own agencies only, by agencyId");
        }
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new BadRequestException("zone " + zone + " is not a time zone");
        }
        return reports.report(new ReferralReport.Filter(agencyId, provinceCode, regencyCode,
                category == null ? null : category.name(), from, to, zone));
    }

    /** The claim's agency ids, whether Keycloak wrote it as one string or as a list. */
    private static Set<String> actsFor(Object claim) {
        if (claim instanceof JsonArray array) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).collect(Collectors.toSet());
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(Object::toString).collect(Collectors.toSet());
        }
        return Set.of(claim instanceof JsonString string ? string.getString() : claim.toString());
    }
}
