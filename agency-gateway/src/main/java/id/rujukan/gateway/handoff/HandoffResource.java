package id.rujukan.gateway.handoff;

import id.rujukan.contract.ReferralKind;
import id.rujukan.gateway.apidoc.Examples;
import id.rujukan.gateway.guard.NeedsDirectory;
import id.rujukan.gateway.guard.Parties;
import id.rujukan.gateway.idempotency.Idempotency;
import id.rujukan.gateway.identity.Caller;
import id.rujukan.gateway.identity.Roles;
import id.rujukan.gateway.problem.Problems;
import id.rujukan.gateway.submission.SubmissionAccepted;
import id.rujukan.gateway.submission.Submissions;
import id.rujukan.gateway.submission.SubmitReferral;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Hands a whole case over to another agency. It travels as a referral of kind {@code HANDOFF}; the case
 * stays the sender's responsibility until the receiving agency accepts it.
 */
@Path("/api/v1/cases/{caseId}/handoffs")
@Tag(name = "Handoffs")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENCY_SYSTEM, Roles.OFFICER, Roles.SUPERVISOR, Roles.HEAD})
public class HandoffResource {

    private final Submissions submissions;
    private final Parties parties;
    private final Caller caller;
    private final Idempotency idempotency;

    public HandoffResource(Submissions submissions, Parties parties, Caller caller, Idempotency idempotency) {
        this.submissions = submissions;
        this.parties = parties;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @NeedsDirectory
    @Operation(operationId = "handOffCase",
            summary = "Hand the case over to the named agency (it moves when that agency accepts)",
            description = "Only the agency responsible for the case; caseId is the id of its first referral. "
                    + "The body is a referral's, with targetAgencyId required. "
                    + "Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "202", description = "Taken: the handoff's id and state; Location is where to read it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubmissionAccepted.class)))
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "to-the-province", value = Examples.HANDOFF)))
    public Response handOff(@PathParam("caseId") String caseId,
            @NotNull(message = "a handoff body is required") @Valid SubmitReferral body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context UriInfo uri) {
        String agency = caller.agencyId();
        parties.requireCaseOwner(caseId, agency);
        if (body.targetAgencyId() == null) {
            throw Problems.badRequest("targetAgencyId", "a handoff names the agency that takes the case over");
        }
        return idempotency.once(agency, idempotencyKey, uri.getPath(), body, referralId -> SubmissionAccepted.response(
                submissions.submit(agency, referralId, ReferralKind.HANDOFF, caseId, body), uri));
    }
}
