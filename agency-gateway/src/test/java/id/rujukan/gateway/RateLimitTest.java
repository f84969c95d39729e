package id.rujukan.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RateLimitTest {

    @Test
    void anAgencyOverItsLimitIsToldToWaitWhileOtherAgenciesCarryOn() {
        String runaway = Tokens.agency("desa-tanjung-kemala");
        List<Response> responses = new ArrayList<>();
        // this agency's own limit in the test profile: 1 call per second, 5 at once
        for (int i = 0; i < 20; i++) {
            responses.add(given().auth().oauth2(runaway).get("/api/v1/sent"));
        }

        List<Response> limited = responses.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(limited).isNotEmpty();
        assertThat(responses.subList(0, 5)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(limited.size()).isGreaterThanOrEqualTo(10);
        assertThat(limited.get(0).header("Retry-After")).isEqualTo("1");
        assertThat(limited.get(0).contentType()).startsWith("application/problem+json");
        given().auth().oauth2(Tokens.agency("puskesmas-martapura")).get("/api/v1/sent").then().statusCode(200);
    }
}
