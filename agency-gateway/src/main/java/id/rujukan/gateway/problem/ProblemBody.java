package id.rujukan.gateway.problem;

/** The RFC 9457 body of a problem this gateway maps itself (the rest come from resteasy-problem). */
public record ProblemBody(String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
