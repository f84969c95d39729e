package id.rujukan.gateway.submission;

import id.rujukan.contract.ReferralKind;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.gateway.apidoc.Examples;
import id.rujukan.gateway.guard.NeedsDirectory;
import id.rujukan.gateway.guard.Parties;
import id.rujukan.gateway.idempotency.Idempotency;
import id.rujukan.gateway.identity.Caller;
import id.rujukan.gateway.identity.Roles;
import id.rujukan.gateway.note.Notes;
import id.rujukan.gateway.readmodel.ReferralView;
import id.rujukan.gateway.readmodel.Timeline;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Agencies submit referrals and read their state. */
@Path("/api/v1/referrals")
@Authenticated
@Tag(name = "Referrals")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {

    private final Submissions submissions;
    private final Parties parties;
    private final Timeline timeline;
    private final Caller caller;
    private final Idempotency idempotency;
    private final DetailsReader detailsReader;
    private final Notes notes;

    public ReferralResource(Submissions submissions, Parties parties, Timeline timeline, Caller caller,
            Idempotency idempotency, DetailsReader detailsReader, Notes notes) {
        this.notes = notes;
        this.submissions = submissions;
        this.parties = parties;
        this.timeline = timeline;
        this.caller = caller;
        this.idempotency = idempotency;
        this.detailsReader = detailsReader;
    }

    @POST
    @NeedsDirectory
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENCY_SYSTEM, Roles.OFFICER, Roles.SUPERVISOR, Roles.HEAD})
    @Operation(operationId = "submitReferral",
            summary = "Submit a referral",
            description = "Answers 202 once the referral is committed to the gateway's database (with fsync) "
                    + "and on its way to Kafka; routing follows.")
    @APIResponse(responseCode = "202", description = "Taken: the referral's id and state; Location is where to read it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubmissionAccepted.class)))
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "child-of-detainee", value = Examples.REFERRAL)))
    public Response submit(@NotNull(message = "a referral body is required") @Valid SubmitReferral body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context UriInfo uri) {
        String agency = caller.agencyId();
        return idempotency.once(agency, idempotencyKey, uri.getPath(), body, referralId -> SubmissionAccepted.response(
                submissions.submit(agency, referralId, ReferralKind.REFERRAL, null, body), uri));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.AGENCY_SYSTEM, Roles.OFFICER, Roles.SUPERVISOR, Roles.HEAD})
    @Operation(operationId = "getReferral",
            summary = "Read a referral's current state",
            description = "404 for a referral the calling agency is not a party to: it does not learn that it exists.")
    public ReferralStatus get(@PathParam("id") String id) {
        // the party row and the view are written together: a party always finds the view
        return ReferralStatus.of(ReferralView.findById(parties.requireParty(id, caller.agencyId())));
    }

    @GET
    @Path("{id}/details")
    @RolesAllowed({Roles.AGENCY_SYSTEM, Roles.OFFICER, Roles.SUPERVISOR, Roles.HEAD})
    @Operation(operationId = "getReferralDetails",
            summary = "The child's personal data, the consent and the summary, for a party agency",
            description = "Every read is in the audit trail. 410 once the case's data key was erased.")
    @APIResponse(responseCode = "410", description = "The case's data key was erased: the data is gone for good")
    @APIResponse(responseCode = "200", description = "The child's data, the consent and the summary",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProtectedDetails.class)))
    public ProtectedDetails details(@PathParam("id") String id) {
        return detailsReader.read(parties.requireParty(id, caller.agencyId()));
    }

    @GET
    @Path("{id}/notes")
    @RolesAllowed({Roles.AGENCY_SYSTEM, Roles.OFFICER, Roles.SUPERVISOR, Roles.HEAD})
    @Operation(operationId = "getReferralNotes",
            summary = "The notes the parties wrote, oldest first, for a party agency",
            description = "Every read is in the audit trail. 410 once the case's data key was erased.")
    @APIResponse(responseCode = "410", description = "The case's data key was erased: the data is gone for good")
    @APIResponse(responseCode = "200", description = "The notes, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY,
                            implementation = Notes.Note.class)))
    public List<Notes.Note> notes(@PathParam("id") String id) {
        return notes.read(parties.requireParty(id, caller.agencyId()));
    }

    @GET
    @Path("{id}/timeline")
    @RolesAllowed({Roles.AGENCY_SYSTEM, Roles.OFFICER, Roles.SUPERVISOR, Roles.HEAD})
    @Operation(operationId = "getReferralTimeline",
            summary = "Every state change, routing decision, escalation and notification, with who and when",
            description = "Oldest first: what happened, when, and which agency and officer did it.")
    public List<Timeline.Entry> timeline(@PathParam("id") String id) {
        return timeline.of(parties.requireParty(id, caller.agencyId()));
    }
}
