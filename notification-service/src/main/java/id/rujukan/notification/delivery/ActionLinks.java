package id.rujukan.notification.delivery;

import id.rujukan.contract.ActionLink;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Issues the link in an alert: the gateway's mobile page for one referral and one recipient, signed and
 * expiring, short enough for an SMS; or, for an alert about the agency itself, the console page to sign in to.
 */
@ApplicationScoped
public class ActionLinks {

    private final Config config;
    private final byte[] secret;
    private final Clock clock;

    public ActionLinks(Config config, Clock clock) {
        this.config = config;
        this.secret = config.secret().getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** A page of the officers' console, where one signs in: {@code admin} for the agency's settings and roster. */
    public String console(String page) {
        return config.consoleUrl() + page;
    }

    public String issue(String referralId, String agencyId, String role) {
        ActionLink link = new ActionLink(UUID.fromString(referralId), agencyId, role,
                clock.instant().plus(config.ttl()));
        return config.baseUrl() + link.sign(secret);
    }

    /** What a link may hold: what every SMSC alphabet writes with the same byte. */
    public static final String LINK_SAFE = "https?://[A-Za-z0-9.:/-]+/";

    /** The signed links. The gateway reads the same keys to check them. */
    @ConfigMapping(prefix = "rujukan.action-links")
    public interface Config {
        /**
         * The mobile page's address, the token follows it: e.g. {@code https://rujukan.example/m/}. Letters,
         * digits and {@code :/.-} only, as the token: the same bytes in GSM-7, ASCII and Latin-1, so that no SMSC's
         * reading of an SMS changes the link (an {@code _} is 0x11 in GSM-7, 0x5F in ASCII).
         */
        @NotBlank
        @Pattern(regexp = LINK_SAFE, message = "must be letters, digits and :/.- only, ending in /")
        String baseUrl();

        /**
         * The officers' console, where an agency's admin keeps its roster: e.g. {@code https://rujukan.example/console/}.
         * The same characters as the base URL, for the same reason.
         */
        @NotBlank
        @Pattern(regexp = LINK_SAFE, message = "must be letters, digits and :/.- only, ending in /")
        String consoleUrl();

        /** Shared with the gateway. */
        @Size(min = 32)
        String secret();

        /** How long a link opens the page. */
        @WithDefault("72h")
        Duration ttl();
    }
}
