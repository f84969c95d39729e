package id.rujukan.gateway.inbox;

import id.rujukan.contract.ReferralAction;
import id.rujukan.contract.ReferralActionRequested;
import id.rujukan.contract.ReferralState;
import id.rujukan.contract.Urgency;
import id.rujukan.gateway.identity.Caller;
import id.rujukan.gateway.identity.Roles;
import id.rujukan.gateway.problem.Problems;
import id.rujukan.gateway.problem.QueryParams;
import id.rujukan.gateway.readmodel.ReferralView;
import id.rujukan.gateway.submission.IntakeEvents;
import id.rujukan.gateway.submission.ReferralStatus;
import io.quarkus.panache.common.Parameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The pull side of delivery: what is addressed to the calling agency (its inbox), and what it referred
 * (sent). Reading a newly routed referral from the inbox is its technical receipt, as a successful push
 * would be.
 */
@Path("/api/v1")
@Tag(name = "Inbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AGENCY_SYSTEM, Roles.OFFICER, Roles.SUPERVISOR, Roles.HEAD})
public class InboxResource {

    private final Caller caller;
    private final IntakeEvents events;
    private final Clock clock;

    public InboxResource(Caller caller, IntakeEvents events, Clock clock) {
        this.caller = caller;
        this.events = events;
        this.clock = clock;
    }

    @GET
    @Path("inbox")
    // reading a newly routed referral records its receipt: those actions are written in this transaction
    @Transactional
    @Operation(operationId = "getInbox",
            summary = "Referrals addressed to my agency, newest change first",
            description = "Filter by state, urgency and overdue; page with the cursor of the previous page.")
    public ReferralPage inbox(
            @QueryParam("state") @Parameter(schema = @Schema(implementation = ReferralState.class)) String state,
            @QueryParam("urgency") @Parameter(schema = @Schema(implementation = Urgency.class)) String urgency,
            @QueryParam("overdue") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String overdue,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Parameter(description = "1 to 100, 20 if not given",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100")) String limit) {
        String agency = caller.agencyId();
        ReferralPage page = page("targetAgencyId", agency, state, urgency, overdue, cursor, limit);
        for (ReferralStatus referral : page.items()) {
            if (ReferralState.ROUTED.name().equals(referral.state())) {
                events.actionRequested(new ReferralActionRequested(UUID.randomUUID().toString(),
                        referral.referralId(), ReferralAction.RECEIVE, agency, caller.actor(), null, null, null, null,
                        clock.instant()));
            }
        }
        return page;
    }

    @GET
    @Path("sent")
    @Operation(operationId = "getSent",
            summary = "Referrals my agency made, with their current states, newest change first",
            description = "Filter by state, urgency and overdue; page with the cursor of the previous page.")
    public ReferralPage sent(
            @QueryParam("state") @Parameter(schema = @Schema(implementation = ReferralState.class)) String state,
            @QueryParam("urgency") @Parameter(schema = @Schema(implementation = Urgency.class)) String urgency,
            @QueryParam("overdue") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String overdue,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @Parameter(description = "1 to 100, 20 if not given",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100")) String limit) {
        return page("referringAgencyId", caller.agencyId(), state, urgency, overdue, cursor, limit);
    }

    private static ReferralPage page(String agencyField, String agency, String stateCode, String urgencyCode,
            String overdueText, String cursor, String limitText) {
        ReferralState state = QueryParams.oneOf("state", stateCode, ReferralState.class);
        Urgency urgency = QueryParams.oneOf("urgency", urgencyCode, Urgency.class);
        Boolean overdue = QueryParams.bool("overdue", overdueText);
        int limit = QueryParams.integer("limit", limitText, 20, 1, 100);
        StringBuilder query = new StringBuilder(agencyField).append(" = :agency");
        Parameters parameters = Parameters.with("agency", agency);
        if (state != null) {
            query.append(" and state = :state");
            parameters.and("state", state.name());
        }
        if (urgency != null) {
            query.append(" and urgency = :urgency");
            parameters.and("urgency", urgency);
        }
        if (overdue != null) {
            query.append(" and overdue = :overdue");
            parameters.and("overdue", overdue);
        }
        if (cursor != null) {
            Cursor after = Cursor.decode(cursor);
            query.append(" and (updatedAt < :at or (updatedAt = :at and id < :id))");
            parameters.and("at", after.updatedAt()).and("id", after.id());
        }
        query.append(" order by updatedAt desc, id desc");
        List<ReferralView> views = ReferralView.<ReferralView>find(query.toString(), parameters).page(0, limit + 1)
                .list();
        List<ReferralStatus> items = new ArrayList<>();
        views.stream().limit(limit).forEach(view -> items.add(ReferralStatus.of(view)));
        String next = views.size() > limit
                ? new Cursor(views.get(limit - 1).updatedAt, views.get(limit - 1).id).encode() : null;
        return new ReferralPage(items, next);
    }


    /** Where a page ended: the last item's change time and id, opaque to callers. */
    record Cursor(Instant updatedAt, UUID id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((updatedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw Problems.badRequest("cursor", "cursor is not a cursor this API gave out");
            }
        }
    }
}
