package id.rujukan.gateway.api;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.logging.Log;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The gateway's database failing is not the caller's fault and may pass: 503 with {@code Retry-After}
 * and nothing accepted, rather than a 500.
 */
public class StorageUnavailable {

    private static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response map(PersistenceException e) {
        Log.errorf("Database unavailable, request refused: %s", e.toString());
        return HttpProblem.builder()
                .withStatus(Response.Status.SERVICE_UNAVAILABLE)
                .withTitle("Service Unavailable")
                .withDetail("The request could not be stored and nothing was done. Try again shortly.")
                .withHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build()
                .toResponse();
    }
}
