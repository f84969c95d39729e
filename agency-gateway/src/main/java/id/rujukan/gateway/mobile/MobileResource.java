package id.rujukan.gateway.mobile;

import id.rujukan.contract.ActionLink;
import id.rujukan.contract.ReferralAction;
import id.rujukan.gateway.action.ActionRequest;
import id.rujukan.gateway.action.Actions;
import id.rujukan.gateway.identity.Caller;
import id.rujukan.gateway.identity.Roles;
import id.rujukan.gateway.protection.KeyErasedException;
import id.rujukan.gateway.readmodel.ReferralView;
import id.rujukan.gateway.readmodel.ReferralViews;
import id.rujukan.gateway.readmodel.Timeline;
import id.rujukan.gateway.submission.DetailsReader;
import id.rujukan.gateway.submission.ProtectedDetails;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.config.ConfigMapping;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The page an alert's link opens on an officer's phone. The officer signs in with Keycloak (the
 * {@code mobile} OIDC tenant: authorization code flow, or a bearer token), the link is checked (signed by
 * the notification service, not expired, for the officer's own agency), and the page shows the referral,
 * the child's data to a party agency's officer only, and the actions the referral's state allows:
 * acknowledge, accept, decline with a reason. An action goes the same way as the API's.
 */
@Path("/m/{token}")
@Tag(name = "Mobile page")
@RolesAllowed({Roles.OFFICER, Roles.SUPERVISOR, Roles.HEAD, Roles.AGENCY_SYSTEM})
public class MobileResource {

    /** The reasons the page offers for a decline. */
    static final List<String> DECLINE_REASONS = List.of("NO_CAPACITY", "OUT_OF_MANDATE", "WRONG_REGION",
            "ALREADY_HANDLED", "OTHER");
    private static final Set<ReferralAction> ON_THE_PAGE = Set.of(ReferralAction.ACKNOWLEDGE, ReferralAction.ACCEPT,
            ReferralAction.DECLINE);

    private final Config config;
    private final Caller caller;
    private final ReferralViews views;
    private final DetailsReader details;
    private final Timeline timeline;
    private final Actions actions;
    private final Clock clock;

    public MobileResource(Config config, Caller caller, ReferralViews views, DetailsReader details, Timeline timeline,
            Actions actions, Clock clock) {
        this.config = config;
        this.caller = caller;
        this.views = views;
        this.details = details;
        this.timeline = timeline;
        this.actions = actions;
        this.clock = clock;
    }

    @CheckedTemplate(basePath = "mobile")
    static class Templates {
        static native TemplateInstance referral(Page page);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The referral an alert links to, with the actions its state allows")
    public TemplateInstance page(@PathParam("token") String token, @QueryParam("sent") String sent) {
        ActionLink link = check(token);
        String agency = caller.agencyId();
        UUID referralId = views.requireParty(link.referralId().toString(), agency);
        ReferralView view = ReferralView.findById(referralId);
        ProtectedDetails child = null;
        boolean erased = false;
        try {
            child = details.read(referralId);
        } catch (KeyErasedException e) {
            erased = true;
        } catch (NotFoundException e) {
            Log.debugf("Referral %s has no sealed details here", referralId);
        }
        List<String> allowed = ON_THE_PAGE.stream().filter(a -> actions.may(a, view, agency))
                .map(a -> a.name().toLowerCase(Locale.ROOT)).sorted().toList();
        return Templates.referral(new Page(token, view, child, erased, allowed, DECLINE_REASONS,
                timeline.of(referralId), link.role(), sent));
    }

    @POST
    @Path("{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Acknowledge, accept or decline from the page; answers 303 back to the page")
    public Response act(@PathParam("token") String token, @PathParam("action") String action,
            @FormParam("reasonCode") @Size(max = 64) String reasonCode) {
        ActionLink link = check(token);
        ReferralAction chosen = ON_THE_PAGE.stream().filter(a -> a.name().equalsIgnoreCase(action)).findFirst()
                .orElseThrow(() -> new NotFoundException("No action " + action + " on this page"));
        String reason = chosen == ReferralAction.DECLINE && reasonCode != null && DECLINE_REASONS.contains(reasonCode)
                ? reasonCode : null;
        actions.act(caller.agencyId(), caller.actor(), link.referralId().toString(), chosen,
                new ActionRequest(reason, null, null, null));
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

    /** What the page shows. */
    public record Page(String token, ReferralView referral, ProtectedDetails child, boolean erased,
            List<String> actions, List<String> declineReasons, List<Timeline.Entry> timeline, String linkRole,
            String sent) {
    }

    /** The links' secret, shared with the notification service, which signs them. */
    @ConfigMapping(prefix = "rujukan.action-links")
    public interface Config {
        @Size(min = 32)
        String secret();
    }
}
