package id.rujukan.gateway.roster;

import id.rujukan.contract.Roster;
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
    @Operation(summary = "The agency's duty roster as the directory holds it (empty when it keeps none)")
    public Roster get() {
        return rosters.of(caller.agencyId());
    }

    @PUT
    @RolesAllowed(Roles.AGENCY_ADMIN)
    @Operation(summary = "Replace the agency's duty roster (its admin); every person is one of its contacts, by email")
    public Response put(@NotNull @Valid Roster roster) {
        rosters.replace(caller.agencyId(), roster, caller.actor());
        return Response.accepted(roster).build();
    }
}
