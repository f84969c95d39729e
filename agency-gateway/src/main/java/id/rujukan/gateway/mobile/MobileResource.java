package id.rujukan.gateway.mobile;

import id.rujukan.contract.ActionLink;
import id.rujukan.contract.ReferralAction;
import id.rujukan.gateway.action.Actions;
import id.rujukan.gateway.console.ReferralScreen;
import id.rujukan.gateway.console.Viewers;
import id.rujukan.gateway.identity.Caller;
import id.rujukan.gateway.identity.Roles;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.config.ConfigMapping;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The page an alert's link opens on an officer's phone. The officer signs in with Keycloak (the
 * {@code mobile} OIDC tenant: authorization code flow, or a bearer token), the link is checked (signed by
 * the notification service, not expired, for the officer's own agency), and the page shows the referral as
 * the console does ({@link ReferralScreen}). An action goes the same way as the API's.
 */
@Path("/m/{token}")
@Tag(name = "Mobile page")
@RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.HEAD, Roles.AGENCY_SYSTEM})
public class MobileResource {

    private final Config config;
    private final Caller caller;
    private final ReferralScreen screen;
    private final Actions actions;
    private final Clock clock;

    public MobileResource(Config config, Caller caller, ReferralScreen screen, Actions actions, Clock clock) {
        this.config = config;
        this.caller = caller;
        this.screen = screen;
        this.actions = actions;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The referral an alert links to, with the actions its state allows")
    public TemplateInstance page(@PathParam("token") String token, @QueryParam("sent") String sent,
            @CookieParam(Viewers.LANGUAGE_COOKIE) String language) {
        ActionLink link = check(token);
        return screen.render(link.referralId().toString(), language, "/m/" + token, sent);
    }

    @POST
    @Path("{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Acknowledge, accept, decline or add a note from the page; answers 303 back to the page")
    public Response act(@PathParam("token") String token, @PathParam("action") String action,
            @FormParam("reasonCode") @Size(max = 64) String reasonCode,
            @FormParam("outcomeCode") @Size(max = 64) String outcomeCode,
            @FormParam("milestone") @Size(max = 64) String milestone, @FormParam("note") @Size(max = 4000) String note) {
        ActionLink link = check(token);
        ReferralAction chosen = ReferralScreen.chosen(action);
        actions.act(caller.agencyId(), caller.actor(), link.referralId().toString(), chosen,
                ReferralScreen.request(chosen, reasonCode, outcomeCode, milestone, note));
        return Response.seeOther(UriBuilder.fromPath("/m/{token}").queryParam("sent", chosen.name()).build(token))
                .build();
    }

    private ActionLink check(String token) {
        try {
            return ActionLink.verify(token, config.secret().getBytes(StandardCharsets.UTF_8), clock.instant(),
                    caller.agencyId());
        } catch (ActionLink.InvalidException e) {
            throw HttpProblem.builder()
                    .withStatus(e.getMessage().endsWith("expired") ? Response.Status.GONE : Response.Status.FORBIDDEN)
                    .withTitle("This link cannot be used").withDetail(e.getMessage()).build();
        }
    }

    /** The links' secret, shared with the notification service, which signs them. */
    @ConfigMapping(prefix = "rujukan.action-links")
    public interface Config {
        @Size(min = 32)
        String secret();
    }
}
