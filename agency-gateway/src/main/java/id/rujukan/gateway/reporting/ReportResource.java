package id.rujukan.gateway.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.AgencyType;
import id.rujukan.contract.CaseCategory;
import id.rujukan.directory.DirectoryCopy;
import id.rujukan.gateway.guard.NeedsDirectory;
import id.rujukan.gateway.identity.Caller;
import id.rujukan.gateway.identity.Roles;
import id.rujukan.gateway.problem.Problems;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reports for supervisors and heads, per agency, region, category and period. What a caller may see
 * follows their agency: the Ministry sees everything, a province's Dinas Sosial its province, any other
 * agency the referrals addressed to it.
 */
@Path("/api/v1/reports/referrals")
@Tag(name = "Reports")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final ReferralServiceReports reports;
    private final DirectoryCopy directory;
    private final Caller caller;

    public ReportResource(@RestClient ReferralServiceReports reports, DirectoryCopy directory, Caller caller) {
        this.reports = reports;
        this.directory = directory;
        this.caller = caller;
    }

    @GET
    @NeedsDirectory
    @RolesAllowed({Roles.SUPERVISOR, Roles.HEAD})
    @Operation(summary = "Counts by state and category, share answered in time, median times, overdue list")
    public JsonNode report(@QueryParam("agencyId") String agencyId, @QueryParam("provinceCode") String provinceCode,
            @QueryParam("regencyCode") String regencyCode, @QueryParam("category") CaseCategory category,
            @QueryParam("from") Instant from, @QueryParam("to") Instant to) {
        AgencyPublished own = directory.agency(caller.agencyId())
                .orElseThrow(() -> new ForbiddenException("agency " + caller.agencyId() + " is not in the directory"));
        String agency = agencyId;
        String province = provinceCode;
        if (own.type() == AgencyType.DINAS_SOSIAL_PROVINCE) {
            if (province != null && !province.equals(own.region().provinceCode())) {
                throw new ForbiddenException("a province sees its own province only");
            }
            province = own.region().provinceCode();
        } else if (own.type() != AgencyType.MINISTRY) {
            if (agency != null && !agency.equals(own.agencyId())) {
                throw new ForbiddenException("an agency sees the referrals addressed to it only");
            }
            agency = own.agencyId();
        }
        try {
            return reports.report(agency, province, regencyCode, category == null ? null : category.name(),
                    from == null ? null : from.toString(), to == null ? null : to.toString());
        } catch (ProcessingException e) {
            throw Problems.unavailable("Reports are unavailable: referral-service does not answer");
        }
    }
}
