package id.rujukan.notification.sms;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.notification.metrics.NotificationMetrics;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.quarkus.qute.Engine;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.faulttolerance.api.RateLimitException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Sends an SMS through the best provider that will take it. Providers are ordered by their recent health
 * (failures, then slowness), then by configured priority; one that fails is passed over for the next within
 * the same attempt. Each has a SmallRye Fault Tolerance guard: a rate limit (its contract's messages per
 * second) and a circuit breaker, so a provider that keeps failing is left alone for a while and then given
 * one trial call; once it answers again, and its failures have aged out of the health window, it is back
 * in front.
 */
@ApplicationScoped
@Startup // SMPP binds are made at start, so that receipts due from before a restart flow at once
public class SmsProviders {

    private static final String CHANNEL = "SMS";

    private final List<Route> routes = new ArrayList<>();
    private final NotificationMetrics metrics;
    private final Tracer tracer;

    public SmsProviders(SmsConfig config, Engine qute, ObjectMapper json, Event<SmsReceipt> receipts,
            NotificationMetrics metrics, Tracer tracer) {
        this.metrics = metrics;
        this.tracer = tracer;
        for (Map.Entry<String, SmsConfig.Provider> entry : config.providers().entrySet()) {
            String name = entry.getKey();
            SmsConfig.Provider provider = entry.getValue();
            SmsProvider sms = switch (provider.type()) {
                case "smpp" -> new SmppProvider(name, provider.smpp().orElseThrow(() -> missing(name, "smpp")),
                        config.senderId(), receipts::fire);
                case "http" -> new HttpSmsProvider(name, provider.http().orElseThrow(() -> missing(name, "http")),
                        config.senderId(), qute, json);
                default -> throw new IllegalStateException("Unknown SMS provider type " + provider.type());
            };
            Route route = new Route(name, provider.priority(), sms,
                    new ProviderHealth(config.healthWindow(), config.slowThreshold()));
            route.guard = Guard.create().withDescription("sms-" + name)
                    .withRateLimit().limit(provider.ratePerSecond()).window(1, ChronoUnit.SECONDS).done()
                    .withCircuitBreaker().name("sms-" + name).requestVolumeThreshold(config.circuitRequestVolume())
                    .failureRatio(config.circuitFailureRatio())
                    .delay(config.circuitDelay().toMillis(), ChronoUnit.MILLIS).successThreshold(1)
                    .failOn(SmsProviderException.class)
                    .onStateChange(state -> route.changed(state)).done()
                    .build();
            routes.add(route);
            if (sms instanceof SmppProvider smpp) {
                metrics.smppBound(name, smpp::isBound);
            }
        }
    }

    /** Each SMPP provider's bind, by name: up or not. */
    public Map<String, Boolean> smppBinds() {
        Map<String, Boolean> binds = new TreeMap<>();
        routes.stream().filter(route -> route.provider instanceof SmppProvider)
                .forEach(route -> binds.put(route.name, ((SmppProvider) route.provider).isBound()));
        return binds;
    }

    /** Whether a provider other than an SMPP one is configured (an HTTP API needs no bind to take an SMS). */
    public boolean hasHttpRoute() {
        return routes.stream().anyMatch(route -> !(route.provider instanceof SmppProvider));
    }

    private static IllegalStateException missing(String name, String type) {
        return new IllegalStateException("rujukan.sms.providers." + name + "." + type + " is not configured");
    }

    /**
     * @throws ProvidersBusyException if every provider that would take it is at its rate limit
     * @throws SmsProviderException if none took it, with each one's reason
     */
    public SentSms send(String to, String text) {
        List<Route> ordered = routes.stream()
                .sorted(Comparator.comparingInt((Route r) -> r.health.score()).thenComparingInt(r -> r.priority)
                        .thenComparing(r -> r.name))
                .toList();
        List<String> failures = new ArrayList<>();
        boolean limited = false;
        for (Route route : ordered) {
            Span span = tracer.spanBuilder("sms submit").setSpanKind(SpanKind.CLIENT)
                    .setAttribute("rujukan.sms.provider", route.name).startSpan();
            long started = System.nanoTime();
            try (Scope scope = span.makeCurrent()) {
                String messageId = route.guard.call(() -> route.provider.submit(to, text), String.class);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                route.health.record(false, took);
                metrics.handedOver(CHANNEL, route.name, took, true);
                span.setAttribute("rujukan.sms.message-id", messageId);
                return new SentSms(route.name, messageId);
            } catch (RateLimitException e) {
                span.addEvent("rate limited");
                limited = true;
            } catch (CircuitBreakerOpenException e) {
                span.addEvent("circuit open");
                failures.add(route.name + ": circuit open");
            } catch (Exception e) {
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                route.health.record(true, took);
                metrics.handedOver(CHANNEL, route.name, took, false);
                span.recordException(e);
                span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
                failures.add(e.getMessage());
                Log.warnf("SMS provider %s failed, trying the next: %s", route.name, e.getMessage());
            } finally {
                span.end();
            }
        }
        if (limited) {
            throw new ProvidersBusyException();
        }
        throw new SmsProviderException(failures.isEmpty() ? "no SMS provider is configured"
                : "no SMS provider took it: " + String.join("; ", failures));
    }

    @PreDestroy
    void close() {
        routes.forEach(route -> route.provider.close());
    }

    private static final class Route {
        final String name;
        final int priority;
        final SmsProvider provider;
        final ProviderHealth health;
        Guard guard;

        Route(String name, int priority, SmsProvider provider, ProviderHealth health) {
            this.name = name;
            this.priority = priority;
            this.provider = provider;
            this.health = health;
        }

        void changed(CircuitBreakerState state) {
            Log.infof("SMS provider %s circuit %s", name, state);
        }
    }
}
