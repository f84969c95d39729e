package id.rujukan.gateway.problem;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransactionException;
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
        return unavailable(e);
    }

    /** A commit that failed (the database went away in the middle of it) is the same: nothing was stored. */
    @ServerExceptionMapper
    public Response map(QuarkusTransactionException e) {
        return unavailable(e);
    }

    private static Response unavailable(RuntimeException e) {
        Log.errorf("Database unavailable, request refused: %s", e.toString());
        return Problems.unavailable("The request could not be stored and nothing was done. Try again shortly.")
                .toResponse();
    }
}
