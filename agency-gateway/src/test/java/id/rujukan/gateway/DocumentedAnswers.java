package id.rujukan.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * Every answer any test of this module gets from the API is held to the OpenAPI document the gateway serves: a
 * status its operation does not list, or an error that is not {@code application/problem+json}, fails the test
 * that got it. Integrators generate clients from that document; an answer it does not promise is one their code
 * does not handle. Requests to paths or methods the document has no operation for (a hostile test's) are not
 * checked: there is no promise to hold them to.
 */
public class DocumentedAnswers implements QuarkusTestBeforeEachCallback, Filter {

    private static final String PROBLEM = "application/problem+json";

    private volatile JsonNode document;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(DocumentedAnswers.class::isInstance)) {
            RestAssured.filters(new DocumentedAnswers());
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        Response answer = context.next(request, response);
        URI uri = URI.create(request.getURI());
        if (uri.getPath().startsWith("/api/")) {
            check(document(uri), request.getMethod(), uri.getPath(), answer.statusCode(), answer.contentType(),
                    answer.asByteArray().length > 0);
        }
        return answer;
    }

    /**
     * @throws AssertionError if {@code status} is not among the responses the document lists for the operation,
     *         or an error's body is not problem+json
     */
    static void check(JsonNode document, String method, String path, int status, String contentType,
            boolean hasBody) {
        Optional<Map.Entry<String, JsonNode>> operation = operation(document, method, path);
        if (operation.isEmpty()) {
            return;
        }
        JsonNode responses = operation.get().getValue().path("responses");
        String named = method.toUpperCase(Locale.ROOT) + " " + operation.get().getKey();
        if (!responses.has(Integer.toString(status)) && !responses.has("default")) {
            throw new AssertionError(named + " answered " + status + ", which its OpenAPI document does not list "
                    + "(it lists " + iterable(responses.fieldNames()) + ")");
        }
        if (status >= 400 && hasBody && (contentType == null || !contentType.startsWith(PROBLEM))) {
            throw new AssertionError(named + " answered " + status + " as " + contentType + ", not " + PROBLEM);
        }
    }

    /** The operation for a request, by the most literal of the path templates it matches. */
    static Optional<Map.Entry<String, JsonNode>> operation(JsonNode document, String method, String path) {
        Iterable<Map.Entry<String, JsonNode>> paths = () -> document.path("paths").fields();
        Optional<Map.Entry<String, JsonNode>> template = StreamSupport.stream(paths.spliterator(), false)
                .filter(entry -> Pattern.matches(entry.getKey().replaceAll("\\{[^}]+}", "[^/]+"), path))
                .min(Comparator.comparingLong(entry -> entry.getKey().chars().filter(c -> c == '{').count()));
        return template.flatMap(entry -> {
            JsonNode operation = entry.getValue().get(method.toLowerCase(Locale.ROOT));
            return operation == null ? Optional.empty() : Optional.of(Map.entry(entry.getKey(), operation));
        });
    }

    private JsonNode document(URI request) {
        if (document == null) {
            document = read(request.resolve("/q/openapi?format=json"));
        }
        return document;
    }

    /** The document as the gateway serves it. */
    static JsonNode read(URI openapi) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(openapi).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(openapi + " answered " + answer.statusCode());
            }
            return new ObjectMapper().readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException("The OpenAPI document could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String iterable(Iterator<String> names) {
        StringBuilder listed = new StringBuilder();
        names.forEachRemaining(name -> listed.append(listed.isEmpty() ? "" : ", ").append(name));
        return listed.toString();
    }
}
