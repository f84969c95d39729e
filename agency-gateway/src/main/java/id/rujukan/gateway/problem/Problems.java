package id.rujukan.gateway.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The problems the gateway raises itself. */
public final class Problems {

    /** Seconds a caller should wait before retrying after a 503. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private Problems() {
    }

    /** 400 naming the field (or parameter, or header) that is wrong. */
    public static HttpProblem badRequest(String field, String detail) {
        return HttpProblem.builder()
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Bad Request")
                .withDetail(detail)
                .with("field", field)
                .build();
    }

    /** 503 with {@code Retry-After}: nothing was done, and the same request may be sent again shortly. */
    public static HttpProblem unavailable(String detail) {
        return HttpProblem.builder()
                .withStatus(Response.Status.SERVICE_UNAVAILABLE)
                .withTitle("Service Unavailable")
                .withDetail(detail)
                .withHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }
}
