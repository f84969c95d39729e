package id.rujukan.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Unit test of one rule: which addresses a webhook may not point at. */
class WebhookTargetsTest {

    @Test
    void everyAddressInsideANetworkIsNamedAsSuch() throws Exception {
        for (String inside : List.of("127.0.0.1", "127.1.2.3", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.255.255",
                "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.255", "224.0.0.1", "240.0.0.1", "::1",
                "::", "fe80::1", "fd00::1", "fc00::1", "::ffff:10.0.0.1", "::ffff:169.254.169.254")) {
            assertThat(WebhookTargets.inside(InetAddress.getByName(inside))).as(inside).isNotNull();
        }
    }

    @Test
    void publicAddressesAreNot() throws Exception {
        for (String outside : List.of("8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.32.0.1",
                "203.0.113.7", "2001:4860:4860::8888", "::ffff:8.8.8.8")) {
            assertThat(WebhookTargets.inside(InetAddress.getByName(outside))).as(outside).isNull();
        }
    }

    @Test
    void onlyTheHostsAllowedByNameMayBeInsideAndOnlyHttpIsEverAllowed() {
        WebhookTargets strict = new WebhookTargets(config(Optional.empty()));
        WebhookTargets local = new WebhookTargets(config(Optional.of(List.of("127.0.0.1"))));

        assertThatThrownBy(() -> strict.check("http://127.0.0.1:9000/hook")).isInstanceOf(WebhookTargets.Refused.class)
                .hasMessageContaining("127.0.0.1 is 127.0.0.1, a loopback address");
        assertThatCode(() -> local.check("http://127.0.0.1:9000/hook")).doesNotThrowAnyException();
        // the allow-list names hosts: another name for the same address is not on it
        assertThatThrownBy(() -> local.check("http://localhost:9000/hook")).isInstanceOf(WebhookTargets.Refused.class);
        assertThatThrownBy(() -> local.check("ftp://127.0.0.1/hook")).isInstanceOf(WebhookTargets.Refused.class)
                .hasMessage("url must be an absolute http(s) URL");
        assertThatThrownBy(() -> local.check("/relative")).isInstanceOf(WebhookTargets.Refused.class);
        assertThatThrownBy(() -> strict.check("http://no-such-host.invalid/hook"))
                .isInstanceOf(WebhookTargets.Refused.class).hasMessageContaining("cannot be resolved");
    }

    private static WebhookConfig config(Optional<List<String>> allowedHosts) {
        return new WebhookConfig() {
            @Override
            public Duration initialBackoff() {
                return Duration.ofSeconds(10);
            }

            @Override
            public Duration maxBackoff() {
                return Duration.ofHours(1);
            }

            @Override
            public Duration giveUpAfter() {
                return Duration.ofHours(48);
            }

            @Override
            public Optional<List<String>> allowedHosts() {
                return allowedHosts;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Duration pollEvery() {
                return Duration.ofSeconds(1);
            }
        };
    }
}
