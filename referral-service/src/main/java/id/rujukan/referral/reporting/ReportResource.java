package id.rujukan.referral.reporting;

import id.rujukan.contract.CaseCategory;
import id.rujukan.referral.directory.DirectoryResource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Reports for supervisors and the Ministry: per receiving agency, child's region, category and period
 * (by submission time, {@code from} inclusive, {@code to} exclusive), with the caseload by month counted in the
 * caller's zone. Served inside the cluster; the
 * gateway decides who may see which agency's figures.
 */
@Path("/api/v1/reports/referrals")
@Produces(MediaType.APPLICATION_JSON)
// the agencies' gateways ask for their people (who they are is the gateway's check); operators read too
@RolesAllowed({DirectoryResource.GATEWAY, DirectoryResource.DIRECTORY_ADMIN})
public class ReportResource {

    /** Months are counted in WIB unless the caller says otherwise: most agencies are in it. */
    static final String ASIA_JAKARTA = "Asia/Jakarta";

    private final ReferralReports reports;

    public ReportResource(ReferralReports reports) {
        this.reports = reports;
    }

    @GET
    public ReferralReport report(@QueryParam("agencyId") String agencyId,
            @QueryParam("provinceCode") String provinceCode, @QueryParam("regencyCode") String regencyCode,
            @QueryParam("category") CaseCategory category, @QueryParam("from") Instant from,
            @QueryParam("to") Instant to, @QueryParam("zone") @DefaultValue(ASIA_JAKARTA) String zone) {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new BadRequestException("zone " + zone + " is not a time zone");
        }
        return reports.report(new ReferralReport.Filter(agencyId, provinceCode, regencyCode,
                category == null ? null : category.name(), from, to, zone));
    }
}
