package id.rujukan.gateway.guard;

import id.rujukan.directory.DirectoryCopy;
import id.rujukan.gateway.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A gateway that has just started reads the agency directory from Kafka; until it has read it to the end,
 * an agency it does not know yet may exist. A referral naming one must not be refused as invalid (the agency's
 * system would not send it again): endpoints marked {@link NeedsDirectory} answer 503 with Retry-After
 * instead, before the body is read or checked. Readiness keeps a load balancer away meanwhile; this covers
 * the requests that reach the gateway anyway.
 */
@ApplicationScoped
public class DirectoryGate {

    private final DirectoryCopy directory;

    public DirectoryGate(DirectoryCopy directory) {
        this.directory = directory;
    }

    @ServerRequestFilter
    public Optional<Response> holdBack(ResourceInfo resource) {
        if (resource.getResourceMethod() == null || !resource.getResourceMethod().isAnnotationPresent(NeedsDirectory.class)
                || directory.caughtUp()) {
            return Optional.empty();
        }
        return Optional.of(Problems.unavailable(
                "This gateway is still reading the agency directory; nothing was done. Try again shortly.").toResponse());
    }
}
