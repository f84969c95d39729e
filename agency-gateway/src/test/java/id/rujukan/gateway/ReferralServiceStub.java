package id.rujukan.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Stands in for referral-service's reporting API (another Rujukan service, not infrastructure), so the
 * gateway's tests can check what the gateway asks it for. referral-service's own tests cover the report.
 */
public class ReferralServiceStub implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(get(urlPathEqualTo("/api/v1/reports/referrals")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"total\":3,\"byState\":{\"ROUTED\":3}}")));
        return Map.of("quarkus.rest-client.referral-service.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
