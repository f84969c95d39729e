package id.rujukan.gateway.admin;

import id.rujukan.contract.ReferralActionRequested;
import id.rujukan.gateway.audit.AuditTrail;
import id.rujukan.gateway.erasure.CaseErasures;
import id.rujukan.gateway.identity.Caller;
import id.rujukan.gateway.identity.DepartedOfficers;
import id.rujukan.gateway.identity.Roles;
import id.rujukan.gateway.problem.QueryParams;
import id.rujukan.gateway.protection.DataSealer;
import id.rujukan.gateway.readmodel.ReferralViews;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What an agency's admin does: erase a case's personal data for good, and read the audit trail. */
@Path("/api/v1/admin")
@Tag(name = "Agency administration")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AGENCY_ADMIN)
public class AdminResource {

    private final DataSealer sealer;
    private final ReferralViews views;
    private final AuditTrail audit;
    private final Caller caller;
    private final DepartedOfficers departed;
    private final CaseErasures erasures;

    public AdminResource(DataSealer sealer, ReferralViews views, AuditTrail audit, Caller caller,
            DepartedOfficers departed, CaseErasures erasures) {
        this.erasures = erasures;
        this.departed = departed;
        this.sealer = sealer;
        this.views = views;
        this.audit = audit;
        this.caller = caller;
    }

    @DELETE
    @Path("cases/{caseId}/data-keys")
    @Operation(operationId = "eraseCaseData",
            summary = "Crypto-shred a case's personal data",
            description = "Erases the case's data keys, so every copy of its personal data, on Kafka and "
                    + "anywhere else, is unreadable for good, and tells the gateways of the case's other parties to "
                    + "destroy theirs; each confirms in the timeline. Only the agency responsible for the case.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "410", description = "The case's data was already erased")
    @Transactional
    public Response erase(@PathParam("caseId") String caseId) {
        String owner = views.caseOwner(caseId).orElseThrow(() -> new NotFoundException("No case " + caseId));
        if (!owner.equals(caller.agencyId())) {
            throw new ForbiddenException("only the agency responsible for case " + caseId + " may erase its data");
        }
        List<UUID> referrals = views.referralsOfCase(caseId);
        // the case's key, and the keys of its referrals sealed before keys were per case
        int erased = 0;
        boolean caseKey = sealer.erase(UUID.fromString(caseId));
        for (UUID referral : referrals) {
            boolean own = !referral.toString().equals(caseId) && sealer.erase(referral);
            if (caseKey || own) {
                erased++;
                audit.record("ERASE_DATA_KEY", referral, "case " + caseId);
            }
        }
        if (erased == 0 && !referrals.isEmpty()) {
            throw HttpProblem.builder().withStatus(Response.Status.GONE).withTitle("Gone")
                    .withDetail("The data of case " + caseId + " was already erased").build();
        }
        // the other holders of its key (the gateways of the case's other parties) destroy theirs
        erasures.erasedHere(caseId, caller.agencyId());
        return Response.noContent().build();
    }

    @PUT
    @Path("officers/{officer}/departed")
    @Operation(operationId = "recordOfficerDeparted",
            summary = "Record that an officer left the agency",
            description = "The officer (by user name) left the agency or was disabled: the gateway refuses their "
                    + "requests at once, and the referrals they were in charge of go back to the supervisor to "
                    + "reassign.")
    @APIResponse(responseCode = "204", description = "Recorded")
    public Response depart(@PathParam("officer") @Pattern(regexp = ReferralActionRequested.USER_ID)
            @Size(max = 128) String officer) {
        departed.depart(caller.agencyId(), officer, caller.actor());
        return Response.noContent().build();
    }

    @GET
    @Path("audit")
    @Operation(operationId = "getAuditTrail",
            summary = "Who at my agency read or wrote which referral's personal data, when; newest first",
            description = "Up to limit entries (1 to 1000), optionally of one referral.")
    public List<AuditTrail.Entry> audit(
            @QueryParam("referralId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            String referralId,
            @QueryParam("limit") @Parameter(description = "1 to 1000, 100 if not given",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000")) String limit) {
        return audit.of(caller.agencyId(), QueryParams.uuid("referralId", referralId),
                QueryParams.integer("limit", limit, 100, 1, 1000));
    }
}
