package id.rujukan.gateway.roster;

import id.rujukan.contract.Roster;
import id.rujukan.gateway.apidoc.Examples;
import id.rujukan.gateway.identity.Caller;
import id.rujukan.gateway.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The caller's agency's duty roster: who is on duty in which role, on which days and hours (in the agency's zone),
 * and who covers whom on leave. Everyone at the agency may read it; its admin replaces it. A new roster goes to
 * referral-service, which keeps it in the directory; alerts follow it from then on (202, then the directory shows
 * it within seconds).
 */
@Path("/api/v1/roster")
@Tag(name = "Roster")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RosterResource {

    private final Caller caller;
    private final Rosters rosters;

    public RosterResource(Caller caller, Rosters rosters) {
        this.caller = caller;
        this.rosters = rosters;
    }

    @GET
    @RolesAllowed({Roles.AGENCY_ADMIN, Roles.OFFICER, Roles.SUPERVISOR, Roles.HEAD, Roles.AGENCY_SYSTEM})
    @Operation(operationId = "getRoster",
            summary = "The agency's duty roster as the directory holds it (empty when it keeps none)",
            description = "Shifts and covers; hours are in the agency's time zone.")
    public Roster get() {
        return rosters.of(caller.agencyId());
    }

    @PUT
    @RolesAllowed(Roles.AGENCY_ADMIN)
    @Operation(operationId = "replaceRoster",
            summary = "Replace the agency's duty roster (its admin); every person is one of its contacts, by email",
            description = "The directory takes it in a moment; until then GET still shows the roster it holds.")
    @APIResponse(responseCode = "202", description = "Sent to the directory: the roster as it will be kept",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Roster.class)))
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "weekdays-and-nights", value = Examples.ROSTER)))
    public Response put(@NotNull @Valid Roster roster) {
        rosters.replace(caller.agencyId(), roster, caller.actor());
        return Response.accepted(roster).build();
    }
}
