package id.rujukan.gateway.api;

import io.quarkus.logging.Log;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The gateway's database failing is not the caller's fault and may pass: 503 with {@code Retry-After}
 * and nothing accepted, rather than a 500.
 */
public class StorageUnavailable {

    @ServerExceptionMapper
    public Response map(PersistenceException e) {
        Log.errorf("Database unavailable, request refused: %s", e.toString());
        return Problems.unavailable("The request could not be stored and nothing was done. Try again shortly.")
                .toResponse();
    }
}
