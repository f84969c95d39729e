package id.rujukan.gateway.action;

import id.rujukan.contract.ReferralAction;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Agencies act on referrals: acknowledge receipt, accept, decline, report progress, complete, cancel,
 * add a note, put another officer in charge. A supervisor, a head or the agency's system may act on behalf of an
 * officer ({@code onBehalfOf}); an officer acts only for themself. {@link Actions} checks who may act and whether the referral's state allows it (409 names the
 * current state) and records the action on Kafka; the answer is 202, and referral-service applies it.
 */
@Path("/api/v1/referrals/{id}")
@Tag(name = "Actions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENCY_SYSTEM, Roles.OFFICER, Roles.SUPERVISOR, Roles.HEAD})
public class ActionResource {

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
    @Operation(summary = "Acknowledge receipt (stops the 'received within' clock)")
    public Response acknowledge(@PathParam("id") String id, @Valid ActionRequest body,
            @HeaderParam(Idempotency.HEADER) String key) {
        return act(id, ReferralAction.ACKNOWLEDGE, body, key);
    }

    @POST
    @Path("accept")
    @Operation(summary = "Accept the referral (a handoff moves the case to the accepting agency)")
    public Response accept(@PathParam("id") String id, @Valid ActionRequest body,
            @HeaderParam(Idempotency.HEADER) String key) {
        return act(id, ReferralAction.ACCEPT, body, key);
    }

    @POST
    @Path("decline")
    @Operation(summary = "Decline, with a reason code; the referral moves to the next candidate agency")
    public Response decline(@PathParam("id") String id, @Valid ActionRequest body,
            @HeaderParam(Idempotency.HEADER) String key) {
        return act(id, ReferralAction.DECLINE, body, key);
    }

    @POST
    @Path("progress")
    @Operation(summary = "Report progress, optionally a milestone such as LITMAS_SUBMITTED")
    public Response progress(@PathParam("id") String id, @Valid ActionRequest body,
            @HeaderParam(Idempotency.HEADER) String key) {
        return act(id, ReferralAction.PROGRESS, body, key);
    }

    @POST
    @Path("complete")
    @Operation(summary = "Complete, with an outcome code")
    public Response complete(@PathParam("id") String id, @Valid ActionRequest body,
            @HeaderParam(Idempotency.HEADER) String key) {
        return act(id, ReferralAction.COMPLETE, body, key);
    }

    @POST
    @Path("reassign")
    @Operation(summary = "Put another officer in charge of an accepted referral (a supervisor, head or the agency's "
            + "system), with officerInCharge")
    public Response reassign(@PathParam("id") String id, @Valid ActionRequest body,
            @HeaderParam(Idempotency.HEADER) String key) {
        return act(id, ReferralAction.REASSIGN, body, key);
    }

    @POST
    @Path("cancel")
    @Operation(summary = "Cancel (the referrer only)")
    public Response cancel(@PathParam("id") String id, @Valid ActionRequest body,
            @HeaderParam(Idempotency.HEADER) String key) {
        return act(id, ReferralAction.CANCEL, body, key);
    }

    @POST
    @Path("notes")
    @Operation(summary = "Add a note (any party)")
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
