package id.rujukan.referral.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.rujukan.contract.AgencyType;
import id.rujukan.contract.Level;
import id.rujukan.contract.Urgency;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Unit test of one class: the chains an operator configures, and the start-up refusal of bad ones. */
class EscalationPolicyTest {

    @Test
    void theMostSpecificChainWinsAgencyTypeAndUrgencyThenTypeThenUrgency() {
        Map<String, List<String>> chains = everyUrgency();
        chains.put("bapas", List.of("SUPERVISOR:PT1H"));
        chains.put("bapas.emergency", List.of("HEAD:PT0S", "MINISTRY:PT5M"));
        EscalationPolicy policy = new EscalationPolicy(config(chains, List.of("EMAIL", "SMS")));

        assertThat(policy.chainFor(AgencyType.BAPAS, Urgency.EMERGENCY)).containsExactly(
                EscalationStep.of(Level.HEAD, Duration.ZERO), EscalationStep.of(Level.MINISTRY, Duration.ofMinutes(5)));
        assertThat(policy.chainFor(AgencyType.BAPAS, Urgency.LOW))
                .containsExactly(EscalationStep.of(Level.SUPERVISOR, Duration.ofHours(1)));
        assertThat(policy.chainFor(AgencyType.LKSA, Urgency.LOW))
                .containsExactly(EscalationStep.of(Level.OFFICERS, Duration.ZERO));
        assertThat(policy.channels()).containsExactly("EMAIL", "SMS");
    }

    @Test
    void aPolicyThatCannotBeAppliedStopsTheServiceFromStartingAndSaysWhy() {
        Map<String, List<String>> chains = everyUrgency();
        chains.remove("low");
        chains.put("high", List.of("SUPERVISOR:15 minutes"));
        chains.put("lksa.someday", List.of("HEAD:PT1H"));
        chains.put("emergency", List.of("JANITOR:PT0S"));

        assertThatThrownBy(() -> new EscalationPolicy(config(chains, List.of("PIGEON"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rujukan.escalation.chains.low is missing")
                .hasMessageContaining("'15 minutes' is not an ISO-8601 duration")
                .hasMessageContaining("lksa.someday: not an urgency")
                .hasMessageContaining("'JANITOR' is not one of")
                .hasMessageContaining("channels must be EMAIL and/or SMS");
    }

    private static Map<String, List<String>> everyUrgency() {
        Map<String, List<String>> chains = new HashMap<>();
        for (Urgency urgency : Urgency.values()) {
            chains.put(urgency.name().toLowerCase(Locale.ROOT), List.of("OFFICERS:PT0S"));
        }
        return chains;
    }

    private static EscalationConfig config(Map<String, List<String>> chains, List<String> channels) {
        return new EscalationConfig() {
            @Override
            public Map<String, List<String>> chains() {
                return chains;
            }

            @Override
            public List<String> channels() {
                return channels;
            }

            @Override
            public Duration pollEvery() {
                return Duration.ofSeconds(1);
            }

            @Override
            public int claimBatch() {
                return 500;
            }
        };
    }
}
