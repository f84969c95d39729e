package id.rujukan.infra.testing;

import id.rujukan.infra.SmsAggregator;
import id.rujukan.infra.SmsCenter;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The SMS side of a service's tests: a real SMPP server (jSMPP SMSC) as provider {@code smsc} and a real
 * HTTP aggregator API as provider {@code aggregator}, in that order of preference.
 */
public class SmsTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String SYSTEM_ID = "rujukan";
    public static final String PASSWORD = "smpp-tst";
    public static final String API_KEY = "aggregator-test-key";

    private static SmsCenter center;
    private static SmsAggregator aggregator;

    public static SmsCenter center() {
        return center;
    }

    public static SmsAggregator aggregator() {
        return aggregator;
    }

    @Override
    public Map<String, String> start() {
        center = SmsCenter.start(0, SYSTEM_ID, PASSWORD);
        aggregator = SmsAggregator.start(0, API_KEY);
        return Map.of(
                "rujukan.sms.providers.smsc.type", "smpp",
                "rujukan.sms.providers.smsc.smpp.host", "127.0.0.1",
                "rujukan.sms.providers.smsc.smpp.port", Integer.toString(center.port()),
                "rujukan.sms.providers.smsc.smpp.system-id", SYSTEM_ID,
                "rujukan.sms.providers.smsc.smpp.password", PASSWORD,
                "rujukan.sms.providers.aggregator.type", "http",
                "rujukan.sms.providers.aggregator.http.endpoint", aggregator.endpoint(),
                "rujukan.sms.providers.aggregator.http.api-key", API_KEY);
    }

    @Override
    public void stop() {
        if (center != null) {
            center.close();
            aggregator.close();
            center = null;
            aggregator = null;
        }
    }
}
