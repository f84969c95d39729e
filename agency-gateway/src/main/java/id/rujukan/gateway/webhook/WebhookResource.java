package id.rujukan.gateway.webhook;

import id.rujukan.gateway.identity.Caller;
import id.rujukan.gateway.identity.Roles;
import id.rujukan.gateway.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An agency admin registers the agency's webhook, and rotates its secret. */
@Path("/api/v1/admin/webhook")
@Tag(name = "Agency administration")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AGENCY_ADMIN)
public class WebhookResource {

    private final Caller caller;
    private final Webhooks webhooks;

    public WebhookResource(Caller caller, Webhooks webhooks) {
        this.caller = caller;
        this.webhooks = webhooks;
    }

    /** Where to push. */
    public record Registration(@NotBlank @Size(max = 2000) String url) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register or change the webhook URL; the first registration returns the signing secret")
    public Webhooks.Registered register(
            @NotNull(message = "a body with the url is required") @Valid Registration registration) {
        try {
            return webhooks.register(caller.agencyId(), registration.url());
        } catch (WebhookTargets.Refused e) {
            throw Problems.badRequest("url", e.getMessage());
        }
    }

    @POST
    @Path("secret")
    @Operation(summary = "Rotate the signing secret; pushes are signed with the new one from now on")
    public Webhooks.Registered rotate() {
        return webhooks.rotate(caller.agencyId());
    }

    @GET
    @Operation(summary = "The registered webhook URL")
    public Webhooks.Registered get() {
        return webhooks.of(caller.agencyId()).orElseThrow(() -> new NotFoundException("No webhook registered"));
    }

    @DELETE
    @Operation(summary = "Stop pushing; the inbox remains")
    public Response delete() {
        webhooks.delete(caller.agencyId());
        return Response.noContent().build();
    }
}
