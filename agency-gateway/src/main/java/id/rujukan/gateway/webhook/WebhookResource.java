package id.rujukan.gateway.webhook;

import id.rujukan.gateway.identity.Caller;
import id.rujukan.gateway.identity.Roles;
import id.rujukan.gateway.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An agency admin registers the agency's webhook, and rotates its secret. */
@Path("/api/v1/admin/webhook")
@Tag(name = "Agency administration")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AGENCY_ADMIN)
public class WebhookResource {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Caller caller;
    private final Clock clock;
    private final WebhookTargets targets;

    public WebhookResource(Caller caller, Clock clock, WebhookTargets targets) {
        this.targets = targets;
        this.caller = caller;
        this.clock = clock;
    }

    /** Where to push. */
    public record Registration(@NotBlank @Size(max = 2000) String url) {
    }

    /** The webhook as shown to its admin; the secret only when it was just made. */
    public record Registered(String url, String secret, Instant updatedAt) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Register or change the webhook URL; the first registration returns the signing secret")
    public Registered register(@NotNull(message = "a body with the url is required") @Valid Registration registration) {
        try {
            targets.check(registration.url());
        } catch (WebhookTargets.Refused e) {
            throw Problems.badRequest("url", e.getMessage());
        }
        Webhook webhook = Webhook.findById(caller.agencyId());
        String secret = null;
        if (webhook == null) {
            webhook = new Webhook();
            webhook.agencyId = caller.agencyId();
            webhook.secret = secret = newSecret();
            webhook.url = registration.url();
            webhook.updatedAt = clock.instant();
            webhook.persist();
        } else {
            webhook.url = registration.url();
            webhook.updatedAt = clock.instant();
        }
        return new Registered(webhook.url, secret, webhook.updatedAt);
    }

    @POST
    @Path("secret")
    @Transactional
    @Operation(summary = "Rotate the signing secret; pushes are signed with the new one from now on")
    public Registered rotate() {
        Webhook webhook = Webhook.<Webhook>findByIdOptional(caller.agencyId())
                .orElseThrow(() -> new NotFoundException("No webhook registered"));
        webhook.secret = newSecret();
        webhook.updatedAt = clock.instant();
        return new Registered(webhook.url, webhook.secret, webhook.updatedAt);
    }

    @GET
    @Operation(summary = "The registered webhook URL")
    public Registered get() {
        return Webhook.<Webhook>findByIdOptional(caller.agencyId()).map(w -> new Registered(w.url, null, w.updatedAt))
                .orElseThrow(() -> new NotFoundException("No webhook registered"));
    }

    @DELETE
    @Transactional
    @Operation(summary = "Stop pushing; the inbox remains")
    public Response delete() {
        Webhook.deleteById(caller.agencyId());
        return Response.noContent().build();
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
