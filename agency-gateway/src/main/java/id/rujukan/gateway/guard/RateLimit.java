package id.rujukan.gateway.guard;

import id.rujukan.gateway.identity.Caller;
import id.rujukan.gateway.problem.ProblemBody;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Each agency may make so many calls per second (a token bucket per agency, per gateway replica); past
 * that it gets 429 with {@code Retry-After}, so one agency's runaway system cannot crowd out the others.
 */
@ApplicationScoped
public class RateLimit {

    @ConfigMapping(prefix = "rujukan.rate-limit")
    public interface Config {

        /** Calls per second an agency may sustain. */
        @WithDefault("50")
        double perSecond();

        /** Calls an agency may make at once above the sustained rate. */
        @WithDefault("100")
        int burst();

        /** Limits of their own for some agencies, keyed by agency id. */
        Map<String, Limit> agencies();

        interface Limit {
            double perSecond();

            int burst();
        }
    }

    private final Config config;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimit(Config config) {
        this.config = config;
    }

    @ServerRequestFilter
    public Optional<Response> limit(ContainerRequestContext request) {
        if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)
                || token.getClaim(Caller.AGENCY_CLAIM) == null) {
            return Optional.empty();
        }
        String agency = token.getClaim(Caller.AGENCY_CLAIM).toString();
        Config.Limit own = config.agencies().get(agency);
        double perSecond = own == null ? config.perSecond() : own.perSecond();
        int burst = own == null ? config.burst() : own.burst();
        long waitSeconds = buckets.computeIfAbsent(agency, id -> new Bucket(burst)).take(perSecond, burst);
        if (waitSeconds == 0) {
            return Optional.empty();
        }
        return Optional.of(Response.status(429).type(ProblemBody.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, waitSeconds)
                .entity(new ProblemBody("Too Many Requests", 429,
                        "This agency's rate limit is exceeded; retry after " + waitSeconds + " s"))
                .build());
    }

    /** Tokens refill continuously; a call takes one. */
    static final class Bucket {

        private double tokens;
        private long refilledAt = System.nanoTime();

        Bucket(int burst) {
            this.tokens = burst;
        }

        /** Takes a token; returns 0, or the whole seconds to wait for the next one. */
        synchronized long take(double perSecond, int burst) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }
    }
}
