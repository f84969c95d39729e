package id.rujukan.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 400 problem+json for a body that is not JSON, or not the JSON the API takes: a value of the wrong type
 * names its field. Ours, because Quarkus' own mapping of these answers in its own JSON shape (or with no
 * body at all), and an agency's developer should get one kind of error everywhere.
 */
public class UnreadableBody {

    @ServerExceptionMapper(value = MismatchedInputException.class, priority = Priorities.USER - 100)
    public Response mismatched(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String expected = e.getTargetType() == null ? "another kind of value" : describe(e.getTargetType());
        return Problems.badRequest(field.isEmpty() ? "body" : field,
                (field.isEmpty() ? "The body" : field) + " must be " + expected).toResponse();
    }

    @ServerExceptionMapper(value = JsonProcessingException.class, priority = Priorities.USER - 100)
    public Response unreadable(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
        String why = e instanceof JsonMappingException ? "it does not match the API" : "it is not valid JSON";
        return Problems.badRequest("body", "The body cannot be read: " + why + where).toResponse();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.getName().startsWith("java.time.")) {
            return "an ISO-8601 " + type.getSimpleName() + " (e.g. 2026-01-31)";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
