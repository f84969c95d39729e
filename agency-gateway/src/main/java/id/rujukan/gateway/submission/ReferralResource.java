package id.rujukan.gateway.submission;

import id.rujukan.contract.ReferralKind;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.contract.Region;
import id.rujukan.gateway.api.Caller;
import id.rujukan.gateway.api.Idempotency;
import id.rujukan.gateway.api.NeedsDirectory;
import id.rujukan.gateway.api.Roles;
import id.rujukan.gateway.audit.AuditTrail;
import id.rujukan.gateway.protection.DataSealer;
import id.rujukan.gateway.readmodel.ReferralView;
import id.rujukan.gateway.readmodel.ReferralViews;
import id.rujukan.gateway.readmodel.Timeline;
import io.quarkus.logging.Log;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
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
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Agencies submit referrals and read their state. */
@Path("/api/v1/referrals")
@Authenticated
@Tag(name = "Referrals")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private final DataSealer sealer;
    private final SubmissionPublisher publisher;
    private final ReferralViews views;
    private final Timeline timeline;
    private final Caller caller;
    private final Idempotency idempotency;
    private final AuditTrail audit;
    private final DetailsReader detailsReader;
    private final Clock clock;

    public ReferralResource(DataSealer sealer, SubmissionPublisher publisher, ReferralViews views, Timeline timeline,
            Caller caller, Idempotency idempotency, AuditTrail audit, DetailsReader detailsReader) {
        this.sealer = sealer;
        this.publisher = publisher;
        this.views = views;
        this.timeline = timeline;
        this.caller = caller;
        this.idempotency = idempotency;
        this.audit = audit;
        this.detailsReader = detailsReader;
        this.clock = Clock.systemUTC();
    }

    @POST
    @NeedsDirectory
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENCY_SYSTEM, Roles.OFFICER, Roles.SUPERVISOR, Roles.HEAD})
    @Operation(summary = "Submit a referral",
            description = "Answers 202 once the referral is durably recorded on Kafka; routing follows.")
    public Response submit(@NotNull(message = "a referral body is required") @Valid SubmitReferral body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context UriInfo uri) {
        String agency = caller.agencyId();
        return idempotency.once(agency, idempotencyKey, uri.getPath(), body,
                referralId -> submit(referralId, ReferralKind.REFERRAL, null, body,
                        uri.getBaseUriBuilder().path(ReferralResource.class)));
    }

    /**
     * Submits a referral or a handoff and answers 202 once Kafka has it.
     *
     * @param referralId its id: from {@link Idempotency}, the same for every retry of one request
     * @param caseId the case handed off, or {@code null} for a referral, which opens a case of its own
     */
    public Response submit(UUID referralId, ReferralKind kind, String caseId, SubmitReferral body,
            UriBuilder referrals) {
        if (!caller.agencyId().equals(body.referringAgencyId())) {
            throw new ForbiddenException("agency " + caller.agencyId() + " can refer only in its own name, not as "
                    + body.referringAgencyId());
        }
        Instant now = clock.instant();
        ReferralSubmitted submitted = new ReferralSubmitted(referralId.toString(), kind,
                caseId == null ? referralId.toString() : caseId, body.referringAgencyId(),
                body.targetAgencyId(), body.serviceNeeded(), body.category(), body.urgency(),
                new Region(body.childRegion().provinceCode(), body.childRegion().regencyCode()),
                AgeBands.of(body.child().birthDate(), LocalDate.ofInstant(now, WIB)), body.child().sex(),
                sealer.seal(referralId, new ProtectedDetails(body.child(), body.consent(), body.summary())), now);
        publisher.publish(submitted);
        audit.record(kind == ReferralKind.HANDOFF ? "SUBMIT_HANDOFF" : "SUBMIT", referralId, null);
        recordInReadModel(submitted);
        return Response.accepted(new SubmissionAccepted(referralId.toString(), ReferralView.SUBMITTED))
                .location(referrals.path(referralId.toString()).build())
                .build();
    }

    /**
     * The referral is accepted once Kafka has it; the read model also learns of it from the lifecycle
     * events, so failing to record it here only delays when a GET finds it.
     */
    private void recordInReadModel(ReferralSubmitted submitted) {
        try {
            views.submitted(submitted);
        } catch (RuntimeException e) {
            Log.warnf("Referral %s accepted, but not yet in the read model: %s", submitted.referralId(), e.toString());
        }
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.AGENCY_SYSTEM, Roles.OFFICER, Roles.SUPERVISOR, Roles.HEAD})
    @Operation(summary = "Read a referral's current state",
            description = "404 for a referral the calling agency is not a party to: it does not learn that it exists.")
    public ReferralStatus get(@PathParam("id") String id) {
        // the party row and the view are written together: a party always finds the view
        return ReferralStatus.of(ReferralView.findById(views.requireParty(id, caller.agencyId())));
    }

    @GET
    @Path("{id}/details")
    @RolesAllowed({Roles.AGENCY_SYSTEM, Roles.OFFICER, Roles.SUPERVISOR, Roles.HEAD})
    @Operation(summary = "The child's personal data, the consent and the summary, for a party agency",
            description = "Every read is in the audit trail. 410 once the case's data key was erased.")
    public ProtectedDetails details(@PathParam("id") String id) {
        return detailsReader.read(views.requireParty(id, caller.agencyId()));
    }

    @GET
    @Path("{id}/timeline")
    @RolesAllowed({Roles.AGENCY_SYSTEM, Roles.OFFICER, Roles.SUPERVISOR, Roles.HEAD})
    @Operation(summary = "Every state change, routing decision, escalation and notification, with who and when")
    public List<Timeline.Entry> timeline(@PathParam("id") String id) {
        return timeline.of(views.requireParty(id, caller.agencyId()));
    }
}
