package id.rujukan.referral.directory;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 as problem+json with the Bearer challenge for a token this service does not take (expired, forged, or made for
 * another audience, such as an agency's token for the gateway). Mapped here because resteasy-problem's own 401
 * mapper fails (500) against this Quarkus version's security API.
 */
public class OperatorTokens {

    @ServerExceptionMapper(value = {AuthenticationFailedException.class, UnauthorizedException.class},
            priority = Priorities.USER - 100)
    public Response refused(RuntimeException e) {
        return Response.status(Response.Status.UNAUTHORIZED).type("application/problem+json")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"rujukan\"")
                .entity(Map.of("title", "Unauthorized", "status", 401,
                        "detail", "An operator's bearer token for referral-service is required"))
                .build();
    }
}
