package id.rujukan.gateway.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * An agency's webhook as its admin manages it, whether through the API or the console: register or change the
 * URL (checked by {@link WebhookTargets}), rotate the signing secret, read it, stop it.
 */
@ApplicationScoped
public class Webhooks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookTargets targets;
    private final Clock clock;

    public Webhooks(WebhookTargets targets, Clock clock) {
        this.targets = targets;
        this.clock = clock;
    }

    /** The webhook as shown to its admin; the secret only when it was just made. */
    public record Registered(String url, String secret, Instant updatedAt) {
    }

    /**
     * @return the webhook, with its signing secret if this registration made it (the first one)
     * @throws WebhookTargets.Refused if the URL may not be pushed to
     */
    @Transactional
    public Registered register(String agencyId, String url) throws WebhookTargets.Refused {
        targets.check(url);
        Webhook webhook = Webhook.findById(agencyId);
        String secret = null;
        if (webhook == null) {
            webhook = new Webhook();
            webhook.agencyId = agencyId;
            webhook.secret = secret = newSecret();
            webhook.url = url;
            webhook.updatedAt = clock.instant();
            webhook.persist();
        } else {
            webhook.url = url;
            webhook.updatedAt = clock.instant();
        }
        return new Registered(webhook.url, secret, webhook.updatedAt);
    }

    /** A new signing secret, shown this once; pushes are signed with it from now on. */
    @Transactional
    public Registered rotate(String agencyId) {
        Webhook webhook = Webhook.<Webhook>findByIdOptional(agencyId)
                .orElseThrow(() -> new NotFoundException("No webhook registered"));
        webhook.secret = newSecret();
        webhook.updatedAt = clock.instant();
        return new Registered(webhook.url, webhook.secret, webhook.updatedAt);
    }

    /** The registered webhook, without its secret. */
    public Optional<Registered> of(String agencyId) {
        return Webhook.<Webhook>findByIdOptional(agencyId).map(w -> new Registered(w.url, null, w.updatedAt));
    }

    @Transactional
    public void delete(String agencyId) {
        Webhook.deleteById(agencyId);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
