package id.rujukan.gateway.action;

import id.rujukan.contract.ReferralAction;
import id.rujukan.contract.ReferralActionRequested;
import id.rujukan.gateway.api.Caller;
import id.rujukan.gateway.api.Idempotency;
import id.rujukan.gateway.api.Problems;
import id.rujukan.gateway.api.Roles;
import id.rujukan.gateway.audit.AuditTrail;
import id.rujukan.gateway.protection.DataSealer;
import id.rujukan.gateway.readmodel.ReferralView;
import id.rujukan.gateway.readmodel.ReferralViews;
import id.rujukan.gateway.submission.SubmissionPublisher;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.ForbiddenException;
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
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Agencies act on referrals: acknowledge receipt, accept, decline, report progress, complete, cancel,
 * add a note. The gateway checks who may act and whether the referral's state allows it (409 names the
 * current state), then records the action on Kafka and answers 202; referral-service applies it.
 */
@Path("/api/v1/referrals/{id}")
@Tag(name = "Actions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENCY_SYSTEM, Roles.OFFICER, Roles.SUPERVISOR, Roles.HEAD})
public class ActionResource {

    private static final Set<String> AWAITING_ANSWER = Set.of("ROUTED", "RECEIVED");
    private static final Set<String> UNDER_WAY = Set.of("ACCEPTED", "IN_PROGRESS");
    private static final Set<String> OPEN = Set.of("REQUESTED", "ROUTED", "RECEIVED", "ACCEPTED", "IN_PROGRESS");
    /** From which states each action may be taken. */
    private static final Map<ReferralAction, Set<String>> ALLOWED_FROM = Map.of(
            ReferralAction.ACKNOWLEDGE, Set.of("ROUTED", "RECEIVED", "ACCEPTED", "IN_PROGRESS"),
            ReferralAction.ACCEPT, AWAITING_ANSWER,
            ReferralAction.DECLINE, AWAITING_ANSWER,
            ReferralAction.PROGRESS, UNDER_WAY,
            ReferralAction.COMPLETE, UNDER_WAY,
            ReferralAction.CANCEL, OPEN);

    private final ReferralViews views;
    private final SubmissionPublisher publisher;
    private final DataSealer sealer;
    private final Caller caller;
    private final Idempotency idempotency;
    private final AuditTrail audit;

    public ActionResource(ReferralViews views, SubmissionPublisher publisher, DataSealer sealer, Caller caller,
            Idempotency idempotency, AuditTrail audit) {
        this.idempotency = idempotency;
        this.audit = audit;
        this.views = views;
        this.publisher = publisher;
        this.sealer = sealer;
        this.caller = caller;
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
        return idempotency.once(agency, idempotencyKey, id + "/" + action, given == null ? ActionRequest.EMPTY : given,
                () -> act(id, action, given));
    }

    private Response act(String id, ReferralAction action, ActionRequest given) {
        String agency = caller.agencyId();
        UUID referralId = views.requireParty(id, agency);
        ReferralView view = ReferralView.findById(referralId);
        ActionRequest body = given == null ? ActionRequest.EMPTY : given;
        check(action, view, agency, body);
        ReferralActionRequested requested = new ReferralActionRequested(UUID.randomUUID().toString(),
                referralId.toString(), action, agency, caller.actor(), body.reasonCode(), body.outcomeCode(),
                body.milestone(), body.note() == null ? null : sealer.seal(referralId, body.note()), Instant.now());
        publisher.publish(requested);
        if (body.note() != null) {
            audit.record("WRITE_NOTE", referralId, action.name());
        }
        return Response.accepted(new ActionAccepted(requested.actionId(), referralId.toString(), action.name(),
                view.state)).build();
    }

    private static void check(ReferralAction action, ReferralView view, String agency, ActionRequest body) {
        boolean target = agency.equals(view.targetAgencyId);
        boolean referrer = agency.equals(view.referringAgencyId);
        if (action == ReferralAction.CANCEL ? !referrer : action != ReferralAction.NOTE && !target) {
            throw new ForbiddenException("agency " + agency + " may not " + verb(action) + " this referral: only "
                    + (action == ReferralAction.CANCEL ? "the referrer" : "the agency it is addressed to") + " may");
        }
        Set<String> allowed = ALLOWED_FROM.get(action);
        if (allowed != null && !allowed.contains(view.state)) {
            throw HttpProblem.builder().withStatus(Response.Status.CONFLICT).withTitle("Conflict")
                    .withDetail("cannot " + verb(action) + " a referral that is " + view.state)
                    .with("currentState", view.state).build();
        }
        if (action == ReferralAction.DECLINE && body.reasonCode() == null) {
            throw Problems.badRequest("reasonCode", "a decline needs a reason code");
        }
        if (action == ReferralAction.COMPLETE && body.outcomeCode() == null) {
            throw Problems.badRequest("outcomeCode", "a completion needs an outcome code");
        }
        if (action == ReferralAction.NOTE && (body.note() == null || body.note().isBlank())) {
            throw Problems.badRequest("note", "a note needs text");
        }
    }


    private static String verb(ReferralAction action) {
        return action.name().toLowerCase(Locale.ROOT);
    }

}
