package id.rujukan.gateway.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import id.rujukan.contract.CaseCategory;
import id.rujukan.gateway.guard.NeedsDirectory;
import id.rujukan.gateway.identity.Caller;
import id.rujukan.gateway.identity.Roles;
import id.rujukan.gateway.problem.QueryParams;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reports for supervisors and heads, per agency, region, category and period, as far as {@link Reports} allows. */
@Path("/api/v1/reports/referrals")
@Tag(name = "Reports")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final Reports reports;
    private final Caller caller;

    public ReportResource(Reports reports, Caller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    @NeedsDirectory
    @RolesAllowed({Roles.SUPERVISOR, Roles.HEAD})
    @Operation(operationId = "getReferralReport",
            summary = "Counts by state, by category and by month (in zone, the caller's agency's by default), "
            + "share answered in time, median times, overdue list",
            description = "Filters: another agency, a province or regency (a supervisor of a provincial agency), "
                    + "a category, a period [from, to) as instants, and the zone months are counted in.")
    // referral-service's report, passed on as it is: a free-form object rather than Jackson's JsonNode type
    @APIResponse(responseCode = "200", description = "byState, byCategory, byMonth, byOutcome, declinesByReason, "
            + "successfulOutcomes, the shares received and accepted in time, median times and the overdue list",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public JsonNode report(@QueryParam("agencyId") String agencyId, @QueryParam("provinceCode") String provinceCode,
            @QueryParam("regencyCode") String regencyCode,
            @QueryParam("category") @Parameter(schema = @Schema(implementation = CaseCategory.class)) String category,
            @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time")) String from,
            @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time")) String to,
            @QueryParam("zone") @Size(max = 64) String zone) {
        return reports.report(caller.agencyId(), agencyId, provinceCode, regencyCode,
                QueryParams.oneOf("category", category, CaseCategory.class), QueryParams.instant("from", from),
                QueryParams.instant("to", to), zone);
    }
}
