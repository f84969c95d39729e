package id.rujukan.gateway.apidoc;

import id.rujukan.contract.ActionCodes;
import id.rujukan.gateway.idempotency.Idempotency;
import id.rujukan.gateway.problem.ProblemBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The answers every API operation can give for reasons of its own shape rather than of its purpose: the
 * token (401, 403), the agency's rate limit (429), a database or directory that is down (503), a body (400,
 * 413, 415; a POST or PUT that takes none refuses a form body with 400), a path naming something (404), an
 * {@code Idempotency-Key} (422). Written here once, from the operation's shape, so that a new endpoint is
 * documented the way the gateway's filters and mappers actually answer it; an endpoint's own answers (202, 409,
 * 410) are on its method. Every error is {@code application/problem+json} (RFC 9457) with one schema, and the
 * codes an action may carry are listed from {@link ActionCodes}. The gateway's tests hold every answer they get to
 * this document ({@code DocumentedAnswers}).
 */
public class ApiDocument implements OASFilter {

    static final String PROBLEM = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        codes(openAPI.getComponents().getSchemas().get("ActionRequest"));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach(ApiDocument::addShapeAnswers);
            }
        });
        // resteasy-problem's own problem schemas, which every error now names ours instead of
        openAPI.getComponents().removeSchema("HttpProblem");
        openAPI.getComponents().removeSchema("HttpValidationProblem");
    }

    /** The codes an action may carry, from the one list the gateways and referral-service check them against. */
    private static void codes(Schema actionRequest) {
        if (actionRequest == null || actionRequest.getProperties() == null) {
            return;
        }
        List<String> reasons = new ArrayList<>(ActionCodes.declineReasons());
        ActionCodes.cancelReasons().stream().filter(code -> !reasons.contains(code)).forEach(reasons::add);
        enumerate(actionRequest, "reasonCode", reasons, "Why: a decline reason for decline, a cancel reason for "
                + "cancel");
        enumerate(actionRequest, "outcomeCode", ActionCodes.outcomes(), "How it ended, for complete");
        enumerate(actionRequest, "milestone", ActionCodes.milestones(), "What was reached, for progress");
    }

    private static void enumerate(Schema object, String property, List<String> codes, String description) {
        Schema schema = object.getProperties().get(property);
        if (schema != null) {
            schema.enumeration(new ArrayList<Object>(codes)).description(description);
        }
    }

    private static void addShapeAnswers(PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        List<Parameter> parameters = Objects.requireNonNullElse(operation.getParameters(), List.of());
        problem(responses, "401", "No bearer token, or one that is expired, forged or not issued for this gateway");
        problem(responses, "403", "The token's roles do not allow this operation, the officer has left the agency, "
                + "or this gateway does not act for the caller's agency");
        problem(responses, "429", "The calling agency's rate limit is spent: call again after Retry-After seconds");
        problem(responses, "503", "The gateway's database or its copy of the agency directory is not available "
                + "now: nothing was done, call again");
        if (operation.getRequestBody() != null) {
            problem(responses, "400", "The body, a parameter or a header is not valid: violations name each field");
            problem(responses, "413", "The body is larger than 64 KiB");
            problem(responses, "415", "The body is not application/json");
        } else if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
            problem(responses, "400", "A body was sent: this operation takes none (a form body is refused)");
        } else if (parameters.stream().anyMatch(p -> p.getIn() != Parameter.In.PATH)) {
            problem(responses, "400", "A parameter or a header is not valid: the detail names it");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            problem(responses, "404", "Nothing by that id, or nothing the calling agency is a party to");
        }
        if (parameters.stream().anyMatch(p -> Idempotency.HEADER.equals(p.getName()))) {
            problem(responses, "422", "This Idempotency-Key was used by the agency for a different request");
        }
        // an operation's own errors (409, 410) too are problem details
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(problemContent());
            }
        });
    }

    /** The answer, unless the operation describes it itself. */
    private static void problem(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(ProblemBody.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM)));
    }

    private static Schema problemSchema() {
        Schema violation = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .properties(Map.of(
                        "field", string("The field, parameter or header at fault"),
                        "message", string("What is wrong with it")));
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .properties(Map.of(
                        "type", string("A URI for the kind of problem, when there is one"),
                        "title", string("The status's name"),
                        "status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)),
                        "detail", string("What went wrong, for this request"),
                        "instance", string("The request's path"),
                        "field", string("The field or header at fault, when there is one"),
                        "currentState", string("For 409: the referral's state, which does not allow the action"),
                        "violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                                .items(violation)))
                .required(List.of("title", "status"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
