package id.rujukan.gateway.webhook;

import id.rujukan.gateway.apidoc.Examples;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(operationId = "registerWebhook",
            summary = "Register or change the webhook URL; the first registration returns the signing secret",
            description = "An address that is, or whose name resolves to, a loopback, private, link-local or cloud "
                    + "metadata address is refused. Each push carries Rujukan-Timestamp (unix seconds) and "
                    + "Rujukan-Signature: v1=<hex of HMAC-SHA256 with the secret over <timestamp>.<body>>.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "register", value = Examples.WEBHOOK)))
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
    @Operation(operationId = "rotateWebhookSecret",
            summary = "Rotate the signing secret; pushes are signed with the new one from now on",
            description = "The new secret is in this answer only.")
    @APIResponse(responseCode = "404", description = "No webhook registered")
    @APIResponse(responseCode = "200", description = "The webhook with its new secret, shown this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Webhooks.Registered.class)))
    public Webhooks.Registered rotate() {
        return webhooks.rotate(caller.agencyId());
    }

    @GET
    @Operation(operationId = "getWebhook",
            summary = "The registered webhook URL",
            description = "The signing secret is not shown again: rotate it if it is lost.")
    @APIResponse(responseCode = "404", description = "No webhook registered")
    @APIResponse(responseCode = "200", description = "The webhook (without its secret)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Webhooks.Registered.class)))
    public Webhooks.Registered get() {
        return webhooks.of(caller.agencyId()).orElseThrow(() -> new NotFoundException("No webhook registered"));
    }

    @DELETE
    @Operation(operationId = "deleteWebhook",
            summary = "Stop pushing; the inbox remains",
            description = "What would have been pushed stays in the inbox (GET /api/v1/inbox).")
    @APIResponse(responseCode = "204", description = "Pushes stopped")
    public Response delete() {
        webhooks.delete(caller.agencyId());
        return Response.noContent().build();
    }
}
