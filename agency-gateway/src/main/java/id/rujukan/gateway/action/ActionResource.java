package id.rujukan.gateway.action;

import id.rujukan.contract.ReferralAction;
import id.rujukan.gateway.apidoc.Examples;
import id.rujukan.gateway.idempotency.Idempotency;
import id.rujukan.gateway.identity.Caller;
import id.rujukan.gateway.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
 * Agencies act on referrals: acknowledge receipt, accept, decline, report progress, complete, cancel,
 * add a note, put another officer in charge. A supervisor, a head or the agency's system may act on behalf of an
 * officer ({@code onBehalfOf}); an officer acts only for themself. {@link Actions} checks who may act and
 * whether the referral's state allows it (409 names the current state) and records the action on Kafka; the
 * answer is 202, and referral-service applies it.
 */
@Path("/api/v1/referrals/{id}")
@Tag(name = "Actions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENCY_SYSTEM, Roles.OFFICER, Roles.SUPERVISOR, Roles.HEAD})
@APIResponse(responseCode = "202", description = "Recorded and on its way to referral-service, which applies it in "
        + "order with everything else that happens to the referral; the timeline shows the result",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = ActionAccepted.class)))
@APIResponse(responseCode = "409", description = "The referral's state does not allow this action now: currentState "
        + "names it")
public class ActionResource {

    /** Each action's description ends so. */
    private static final String RETRY =
            " Send an Idempotency-Key to retry safely: a retry gets the first answer again.";

    private final Actions actions;
    private final Caller caller;
    private final Idempotency idempotency;

    public ActionResource(Actions actions, Caller caller, Idempotency idempotency) {
        this.actions = actions;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @POST
    @Path("acknowledge")
    @Operation(operationId = "acknowledgeReferral",
            summary = "Acknowledge receipt (stops the 'received within' clock)",
            description = "The target agency." + RETRY)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "acknowledge", value = Examples.ACKNOWLEDGE)))
    public Response acknowledge(@PathParam("id") String id, @Valid ActionRequest body,
            @HeaderParam(Idempotency.HEADER) String key) {
        return act(id, ReferralAction.ACKNOWLEDGE, body, key);
    }

    @POST
    @Path("accept")
    @Operation(operationId = "acceptReferral",
            summary = "Accept the referral (a handoff moves the case to the accepting agency)",
            description = "The target agency. officerInCharge names who is in charge (else whoever accepted)." + RETRY)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "accept", value = Examples.ACCEPT)))
    public Response accept(@PathParam("id") String id, @Valid ActionRequest body,
            @HeaderParam(Idempotency.HEADER) String key) {
        return act(id, ReferralAction.ACCEPT, body, key);
    }

    @POST
    @Path("decline")
    @Operation(operationId = "declineReferral",
            summary = "Decline, with a reason code; the referral moves to the next candidate agency",
            description = "The target agency, with reasonCode, one of the decline reasons." + RETRY)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "no-capacity", value = Examples.DECLINE)))
    public Response decline(@PathParam("id") String id, @Valid ActionRequest body,
            @HeaderParam(Idempotency.HEADER) String key) {
        return act(id, ReferralAction.DECLINE, body, key);
    }

    @POST
    @Path("progress")
    @Operation(operationId = "reportProgress",
            summary = "Report progress, optionally a milestone such as LITMAS_SUBMITTED",
            description = "The target agency, once it accepted. A milestone stops its legal clock." + RETRY)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "litmas-submitted", value = Examples.PROGRESS)))
    public Response progress(@PathParam("id") String id, @Valid ActionRequest body,
            @HeaderParam(Idempotency.HEADER) String key) {
        return act(id, ReferralAction.PROGRESS, body, key);
    }

    @POST
    @Path("complete")
    @Operation(operationId = "completeReferral",
            summary = "Complete, with an outcome code",
            description = "The target agency, once it accepted, with outcomeCode." + RETRY)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "placed", value = Examples.COMPLETE)))
    public Response complete(@PathParam("id") String id, @Valid ActionRequest body,
            @HeaderParam(Idempotency.HEADER) String key) {
        return act(id, ReferralAction.COMPLETE, body, key);
    }

    @POST
    @Path("reassign")
    @Operation(operationId = "reassignReferral",
            summary = "Put another officer in charge of an accepted referral (a supervisor, head or the agency's "
            + "system), with officerInCharge",
            description = "The agency it is addressed to." + RETRY)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "reassign", value = Examples.REASSIGN)))
    public Response reassign(@PathParam("id") String id, @Valid ActionRequest body,
            @HeaderParam(Idempotency.HEADER) String key) {
        return act(id, ReferralAction.REASSIGN, body, key);
    }

    @POST
    @Path("cancel")
    @Operation(operationId = "cancelReferral",
            summary = "Cancel (the referrer only)",
            description = "With reasonCode, one of the cancel reasons." + RETRY)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "sent-in-error", value = Examples.CANCEL)))
    public Response cancel(@PathParam("id") String id, @Valid ActionRequest body,
            @HeaderParam(Idempotency.HEADER) String key) {
        return act(id, ReferralAction.CANCEL, body, key);
    }

    @POST
    @Path("notes")
    @Operation(operationId = "addNote",
            summary = "Add a note (any party)",
            description = "Sealed with the case's key, like the child's data." + RETRY)
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "note", value = Examples.NOTE)))
    @APIResponse(responseCode = "410", description = "The case's data key was erased: a note can no longer be sealed")
    public Response note(@PathParam("id") String id, @Valid ActionRequest body,
            @HeaderParam(Idempotency.HEADER) String key) {
        return act(id, ReferralAction.NOTE, body, key);
    }

    private Response act(String id, ReferralAction action, ActionRequest given, String idempotencyKey) {
        String agency = caller.agencyId();
        Actions.requireMayActForOthers(caller.actsForOthers(), action, given);
        return idempotency.once(agency, idempotencyKey, id + "/" + action, given == null ? ActionRequest.EMPTY : given,
                () -> Response.accepted(actions.act(agency, caller.actor(), id, action, given)).build());
    }
}
