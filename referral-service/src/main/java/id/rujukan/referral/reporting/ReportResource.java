package id.rujukan.referral.reporting;

import id.rujukan.contract.CaseCategory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/**
 * Reports for supervisors and the Ministry: per receiving agency, child's region, category and period
 * (by submission time, {@code from} inclusive, {@code to} exclusive). Served inside the cluster; the
 * gateway decides who may see which agency's figures.
 */
@Path("/api/v1/reports/referrals")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final ReferralReports reports;

    public ReportResource(ReferralReports reports) {
        this.reports = reports;
    }

    @GET
    public ReferralReport report(@QueryParam("agencyId") String agencyId,
            @QueryParam("provinceCode") String provinceCode, @QueryParam("regencyCode") String regencyCode,
            @QueryParam("category") CaseCategory category, @QueryParam("from") Instant from,
            @QueryParam("to") Instant to) {
        return reports.report(new ReferralReport.Filter(agencyId, provinceCode, regencyCode,
                category == null ? null : category.name(), from, to));
    }
}
