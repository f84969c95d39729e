package id.rujukan.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Stands in for referral-service's reporting and routing-preview APIs (another Rujukan service, not
 * infrastructure), so the
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
        // routing for an infant of a detainee in OKU Timur, as referral-service's rules answer it
        server.stubFor(get(urlPathEqualTo("/api/v1/routing/preview")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("""
                        {"rule": "infant-of-detainee", "explanation": "region 16.08",
                         "candidates": [{"agencyId": "dinsos-1608", "name": "Dinas Sosial Kabupaten OKU Timur"},
                                        {"agencyId": "dinsos-16", "name": "Dinas Sosial Provinsi Sumatera Selatan"}]}
                        """)));
        return Map.of("quarkus.rest-client.referral-service.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
