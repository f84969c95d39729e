package id.rujukan.notification.metrics;

import id.rujukan.messaging.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * The notification service's domain metrics: what became of notifications ({@code rujukan.notifications},
 * by channel, provider and outcome: sent, delivered, retried, failed), how long each hand-over to a
 * provider took ({@code rujukan.notification.send}, by channel, provider and outcome ok or error), receipts that
 * matched nothing, and each SMPP bind's state.
 * Outcomes are counted when their transaction commits.
 */
@ApplicationScoped
public class NotificationMetrics {

    /** The provider tag of an outcome no provider is to blame for: every SMS provider refused it. */
    public static final String NO_PROVIDER = "none";

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;

    public NotificationMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    /** One hand-over to a provider (an SMSC, an aggregator, the SMTP server) and how long it took. */
    public void handedOver(String channel, String provider, Duration took, boolean ok) {
        Timer.builder("rujukan.notification.send")
                .description("Time to hand a notification to its provider")
                .tags("channel", channel, "provider", provider, "outcome", ok ? "ok" : "error")
                .publishPercentileHistogram()
                .register(registry).record(took);
    }

    /** A notification's outcome, counted once the transaction recording it commits. */
    public void outcome(String channel, String provider, Outcome outcome) {
        Counter counter = Counter.builder("rujukan.notifications")
                .description("Notifications by what became of them")
                .tags("channel", channel, "provider", provider == null ? NO_PROVIDER : provider,
                        "outcome", outcome.tag())
                .register(registry);
        AfterCommit.run(transactions, counter::increment);
    }

    /**
     * A delivery receipt that matched no SMS sent through that provider ({@code rujukan.sms.receipts.unmatched}):
     * a provider whose message ids come back in a form not recognised, or receipts for another sender's messages.
     */
    public void unmatchedReceipt(String provider) {
        Counter.builder("rujukan.sms.receipts.unmatched")
                .description("SMS delivery receipts that matched no message sent through the provider")
                .tag("provider", provider).register(registry).increment();
    }

    /**
     * An email the SMTP relay refused for a reason only an operator can mend ({@code rujukan.smtp.relay.refused},
     * by reason: {@code tls} or {@code login}).
     */
    public void relayRefused(String reason) {
        Counter.builder("rujukan.smtp.relay.refused")
                .description("Emails the SMTP relay refused over TLS or our login; an operator must act")
                .tag("reason", reason).register(registry).increment();
    }

    /** Whether an SMPP provider is bound now ({@code rujukan.sms.smpp.bound}, 1 or 0), read when scraped. */
    public void smppBound(String provider, BooleanSupplier bound) {
        Gauge.builder("rujukan.sms.smpp.bound", () -> bound.getAsBoolean() ? 1 : 0)
                .description("1 while the SMPP provider's bind is up, 0 while it is being made again")
                .tag("provider", provider).register(registry);
    }

    public enum Outcome {
        SENT, DELIVERED, RETRIED, FAILED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
