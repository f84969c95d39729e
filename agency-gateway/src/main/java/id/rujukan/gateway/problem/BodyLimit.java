package id.rujukan.gateway.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body over {@code quarkus.http.limits.max-body-size} with a 413 problem+json, like every
 * other error, instead of the HTTP server's empty 413: before the body is read when the request declares
 * its length, and when the server's own limit trips on a chunked body.
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBytes;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::refuseDeclaredOversize);
        router.errorHandler(413, this::tooLarge);
    }

    private void refuseDeclaredOversize(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                && Long.parseLong(length) > maxBytes) {
            tooLarge(context);
            return;
        }
        context.next();
    }

    private void tooLarge(RoutingContext context) {
        if (context.response().headWritten()) {
            return;
        }
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(new JsonObject()
                        .put("status", 413)
                        .put("title", "Content Too Large")
                        .put("detail", "The body is larger than the limit of " + maxBytes + " bytes")
                        .put("instance", context.request().path())
                        .encode());
    }
}
