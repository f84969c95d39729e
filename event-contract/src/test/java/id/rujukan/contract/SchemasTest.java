package id.rujukan.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON schema published for each event type says what its data class says: same fields, same required ones. */
class SchemasTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyEventTypeHasASchemaWithExactlyTheFieldsOfItsDataClass() throws IOException {
        for (Map.Entry<String, Class<? extends Record>> type : EventTypes.DATA.entrySet()) {
            JsonNode schema = schema(type.getKey());
            Set<String> properties = new HashSet<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            Set<String> components = new HashSet<>();
            Arrays.stream(type.getValue().getRecordComponents()).map(RecordComponent::getName).forEach(components::add);
            assertThat(properties).as(type.getKey() + " properties").isEqualTo(components);
        }
    }

    @Test
    void whatASchemaRequiresIsWhatReadersEnforce() throws IOException {
        for (Map.Entry<String, Class<? extends Record>> type : EventTypes.DATA.entrySet()) {
            Set<String> required = new HashSet<>();
            schema(type.getKey()).get("required").forEach(node -> required.add(node.asText()));
            Set<String> enforced = new HashSet<>();
            for (RecordComponent component : type.getValue().getRecordComponents()) {
                // the constraints land on the accessor, where the validator reads them
                Method accessor = component.getAccessor();
                if (accessor.isAnnotationPresent(NotNull.class) || accessor.isAnnotationPresent(NotBlank.class)
                        || component.getType().isPrimitive()) {
                    enforced.add(component.getName());
                }
            }
            assertThat(required).as(type.getKey() + " required").isEqualTo(enforced);
        }
    }

    @Test
    void aSchemaIsNamedByItsTypeAndTheTypeIsVersioned() throws IOException {
        for (String type : EventTypes.DATA.keySet()) {
            assertThat(type).matches("id\\.rujukan\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+");
            assertThat(schema(type).get("$id").asText()).endsWith("/" + type + ".json");
        }
    }

    private JsonNode schema(String type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/schemas/" + type + ".json")) {
            assertThat(in).as("schema of " + type).isNotNull();
            return json.readTree(in);
        }
    }
}
