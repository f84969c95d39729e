package id.rujukan.referral.escalation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Escalation chains and how alerts go out. Checked at start by {@link EscalationPolicy}.
 */
@ConfigMapping(prefix = "rujukan.escalation")
public interface EscalationConfig {

    /**
     * Chains as {@code LEVEL:WAIT} steps, e.g. {@code OFFICERS:PT0S,SUPERVISOR:PT15M}. Keyed by urgency
     * ({@code emergency}), by agency type ({@code "bapas"}), or by both ({@code "bapas.emergency"}); the
     * most specific wins. Every urgency must have a chain.
     */
    Map<String, List<String>> chains();

    /** The channels each escalation alert is requested on. */
    @WithDefault("EMAIL")
    List<String> channels();

    /**
     * How often due steps are looked for (read by the schedule, checked here at start; set in
     * application.properties, the one place its value is written).
     */
    Duration pollEvery();

    /** Due steps claimed per transaction. */
    @WithDefault("500")
    int claimBatch();
}
