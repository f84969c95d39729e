package id.rujukan.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.ActionCodes;
import id.rujukan.contract.Roster;
import id.rujukan.gateway.action.ActionRequest;
import id.rujukan.gateway.apidoc.Examples;
import id.rujukan.gateway.webhook.WebhookResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAPI document at /q/openapi is one an integrator can read, trust and generate a client from. */
@QuarkusTest
class OpenApiDocumentTest {

    private static final List<String> ANSWERED_BY_EVERY_OPERATION = List.of("401", "403", "429", "503");

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    private JsonNode document;

    @BeforeEach
    void read() {
        document = DocumentedAnswers.read(
                URI.create("http://localhost:" + RestAssured.port + "/q/openapi?format=json"));
    }

    @Test
    void everyApiOperationHasAUniqueIdASummaryADescriptionAndItsErrorsAsProblemDetails() {
        Set<String> ids = new HashSet<>();
        List<String> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String named = op.getKey().toUpperCase() + " " + path.getKey();
            operations.add(named);
            JsonNode operation = op.getValue();
            assertThat(operation.path("operationId").asText()).as(named + " operationId").isNotBlank();
            assertThat(ids.add(operation.path("operationId").asText())).as(named + " operationId unique").isTrue();
            assertThat(operation.path("summary").asText()).as(named + " summary").isNotBlank();
            assertThat(operation.path("description").asText()).as(named + " description").isNotBlank();
            JsonNode responses = operation.path("responses");
            assertThat(responses.fieldNames()).toIterable().as(named).containsAll(ANSWERED_BY_EVERY_OPERATION)
                    .anyMatch(status -> status.startsWith("2"));
            responses.fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asText())
                            .as(named + " " + response.getKey()).isEqualTo("#/components/schemas/Problem");
                }
            });
        }));
        // the API, and only the API: the officers' pages are not operations an integrator calls
        assertThat(operations).contains("POST /api/v1/referrals", "POST /api/v1/referrals/{id}/accept",
                "GET /api/v1/inbox", "POST /api/v1/cases/{caseId}/handoffs", "PUT /api/v1/roster",
                "DELETE /api/v1/admin/cases/{caseId}/data-keys", "GET /api/v1/reports/referrals")
                .allMatch(operation -> operation.contains(" /api/v1/"));
    }

    @Test
    void eachOperationNamesTheRealmRolesItChecksUnderTheRealmsOpenIdConnectScheme() {
        JsonNode scheme = document.at("/components/securitySchemes/rujukan");
        assertThat(scheme.path("type").asText()).isEqualTo("openIdConnect");
        assertThat(scheme.path("openIdConnectUrl").asText())
                .endsWith("/realms/rujukan/.well-known/openid-configuration");
        assertThat(roles("/api/v1/referrals", "post")).containsExactlyInAnyOrder("agency-system", "officer",
                "supervisor", "head");
        assertThat(roles("/api/v1/roster", "put")).containsExactly("agency-admin");
        assertThat(roles("/api/v1/roster", "get")).containsExactlyInAnyOrder("agency-admin", "officer", "supervisor",
                "head", "agency-system");
        assertThat(roles("/api/v1/reports/referrals", "get")).containsExactlyInAnyOrder("supervisor", "head");
        assertThat(roles("/api/v1/admin/audit", "get")).containsExactly("agency-admin");
    }

    private List<String> roles(String path, String method) {
        JsonNode security = document.path("paths").path(path).path(method).path("security");
        assertThat(security.size()).as(method + " " + path + " security").isEqualTo(1);
        List<String> roles = new ArrayList<>();
        security.get(0).path("rujukan").forEach(role -> roles.add(role.asText()));
        return roles;
    }

    @Test
    void theDocumentSaysWhoRunsTheApiWhereAndTheCodesAnActionMayCarry() {
        assertThat(document.at("/info/description").asText()).contains("agency");
        assertThat(document.at("/info/contact/email").asText()).contains("@");
        assertThat(document.path("servers").findValuesAsText("url")).contains("http://localhost:8080");
        JsonNode action = document.at("/components/schemas/ActionRequest/properties");
        assertThat(texts(action.path("outcomeCode").path("enum"))).isEqualTo(ActionCodes.outcomes());
        assertThat(texts(action.path("milestone").path("enum"))).isEqualTo(ActionCodes.milestones());
        assertThat(texts(action.path("reasonCode").path("enum"))).containsAll(ActionCodes.declineReasons())
                .containsAll(ActionCodes.cancelReasons());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    @Test
    void theDocumentsExamplesAreTaken() throws Exception {
        JsonNode submit = document.at("/paths/~1api~1v1~1referrals/post/requestBody/content/application~1json");
        assertThat(submit.at("/examples/child-of-detainee/value").isMissingNode()).isFalse();
        String referralId = given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON)
                .body(Examples.REFERRAL).when().post("/api/v1/referrals")
                .then().statusCode(202).extract().path("referralId");
        given().auth().oauth2(Tokens.agency("rutan-martapura")).contentType(ContentType.JSON)
                .body(Examples.HANDOFF).when().post("/api/v1/cases/" + referralId + "/handoffs")
                .then().statusCode(202);
        // the others need a referral in a given state, a directory contact or a public address: held to their types
        for (String action : List.of(Examples.ACKNOWLEDGE, Examples.ACCEPT, Examples.DECLINE, Examples.PROGRESS,
                Examples.COMPLETE, Examples.REASSIGN, Examples.CANCEL, Examples.NOTE)) {
            ActionRequest request = json.readValue(action, ActionRequest.class);
            assertThat(validator.validate(request)).as(action).isEmpty();
            for (String code : new String[] {request.reasonCode(), request.outcomeCode(), request.milestone()}) {
                assertThat(code == null || ActionCodes.declineReasons().contains(code)
                        || ActionCodes.cancelReasons().contains(code) || ActionCodes.outcomes().contains(code)
                        || ActionCodes.milestones().contains(code)).as(action).isTrue();
            }
        }
        assertThat(validator.validate(json.readValue(Examples.ROSTER, Roster.class))).isEmpty();
        assertThat(validator.validate(json.readValue(Examples.WEBHOOK, WebhookResource.Registration.class)))
                .isEmpty();
    }

    @Test
    void anAnswerTheDocumentDoesNotListFailsTheTestThatGotIt() {
        assertThat(RestAssured.filters()).hasAtLeastOneElementOfType(DocumentedAnswers.class);
        DocumentedAnswers.check(document, "GET", "/api/v1/inbox", 200, "application/json", true);
        DocumentedAnswers.check(document, "POST", "/api/v1/referrals/abc/accept", 409, "application/problem+json",
                true);
        assertThatThrownBy(() -> DocumentedAnswers.check(document, "GET", "/api/v1/inbox", 418, null, false))
                .isInstanceOf(AssertionError.class).hasMessageContaining("GET /api/v1/inbox answered 418");
        assertThatThrownBy(() -> DocumentedAnswers.check(document, "POST", "/api/v1/referrals/abc/accept", 409,
                "application/json", true)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("not application/problem+json");
        // the accept operation, not the referral's: the most literal template wins
        assertThat(DocumentedAnswers.operation(document, "POST", "/api/v1/referrals/abc/accept"))
                .map(Map.Entry::getKey).contains("/api/v1/referrals/{id}/accept");
    }
}
