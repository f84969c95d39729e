package id.rujukan.gateway.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How pushes to agencies' webhooks are retried. */
@ConfigMapping(prefix = "rujukan.webhook")
public interface WebhookConfig {

    /** The wait after the first failed attempt; it doubles with every further failure. */
    @WithDefault("10s")
    Duration initialBackoff();

    @WithDefault("1h")
    Duration maxBackoff();

    /** How long a delivery is retried before it is marked failed: at least a day. */
    @WithDefault("48h")
    Duration giveUpAfter();

    /**
     * Hosts a webhook may name although they are, or resolve to, addresses inside the network (loopback,
     * private): none in production; the local stack and the tests, whose agency systems run on loopback, name
     * theirs ({@link WebhookTargets}).
     */
    Optional<List<String>> allowedHosts();

    /** How long an agency's endpoint has to answer. */
    @WithDefault("5s")
    Duration timeout();

    /**
     * How often pushes due are looked for (read by the schedule, checked here at start; set in
     * application.properties, the one place its value is written).
     */
    Duration pollEvery();
}
