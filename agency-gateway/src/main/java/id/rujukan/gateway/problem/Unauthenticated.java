package id.rujukan.gateway.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 as problem+json with a {@code WWW-Authenticate: Bearer} challenge, for a missing, expired, forged
 * or foreign token. Ours rather than resteasy-problem's, whose mapper fails (500) against this Quarkus
 * version's security API; the authorization matrix test holds both to 401.
 */
public class Unauthenticated {

    @ServerExceptionMapper(value = {AuthenticationFailedException.class, UnauthorizedException.class},
            priority = Priorities.USER - 100)
    public Response unauthenticated(RuntimeException e) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .type(ProblemBody.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rujukan\"")
                .entity(new ProblemBody("Unauthorized", 401,
                        "A valid bearer token from the Rujukan realm is required"))
                .build();
    }
}
