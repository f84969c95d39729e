package id.rujukan.gateway.signing;

import id.rujukan.gateway.identity.Caller;
import id.rujukan.gateway.problem.ProblemBody;
import id.rujukan.messaging.signing.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A gateway acts for the agencies whose private keys it holds ({@link SigningKeys}, {@code rujukan.signing.key-dir}):
 * the shared gateway for every agency, an agency's own gateway for its own. Every event it writes is signed by the
 * agency it speaks for.
 */
@ApplicationScoped
public class ServedAgencies {

    private final SigningKeys keys;

    public ServedAgencies(SigningKeys keys) {
        this.keys = keys;
    }

    /**
     * 403 for a caller of an agency this gateway does not act for, before anything of the request is done: it
     * could not sign what the agency does, and holds nothing of the agency's to read.
     */
    @ServerRequestFilter
    public Optional<Response> refuseOthers(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)
                || token.getClaim(Caller.AGENCY_CLAIM) == null
                || keys.holds(token.getClaim(Caller.AGENCY_CLAIM).toString())) {
            return Optional.empty();
        }
        return Optional.of(Response.status(Response.Status.FORBIDDEN).type(ProblemBody.MEDIA_TYPE)
                .entity(new ProblemBody("Forbidden", 403, "this gateway does not act for agency "
                        + token.getClaim(Caller.AGENCY_CLAIM) + ": use the agency's own gateway")).build());
    }
}
