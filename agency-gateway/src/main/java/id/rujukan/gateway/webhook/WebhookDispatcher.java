package id.rujukan.gateway.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.ReferralAction;
import id.rujukan.contract.ReferralActionRequested;
import id.rujukan.contract.ReferralState;
import id.rujukan.gateway.readmodel.Timeline;
import id.rujukan.gateway.submission.IntakeEvents;
import id.rujukan.messaging.Backoff;
import id.rujukan.messaging.DueRows;
import id.rujukan.messaging.Writes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Pushes queued events to agencies' webhooks. Each agency is served by a task of its own, so a dead or
 * slow endpoint only delays that agency. Within an agency, a referral's events go in order: an event is
 * sent only when no older one for the same referral is still pending. Claims take a lease with
 * {@code FOR UPDATE SKIP LOCKED}, so gateway replicas do not push the same event at once. A failed push
 * is retried with doubling waits until {@code give-up-after}; every attempt shows in the timeline. A
 * successful push of a newly routed referral to its target is the referral's technical receipt.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final int BATCH = 50;

    private final EntityManager entityManager;
    private final WebhookConfig config;
    private final Timeline timeline;
    private final IntakeEvents events;
    private final ObjectMapper json;
    private final ManagedExecutor executor;
    private final Clock clock;
    private final HttpClient http;
    private final WebhookTargets targets;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Function<String, Counter> pushes;

    public WebhookDispatcher(EntityManager entityManager, WebhookConfig config, Timeline timeline,
            IntakeEvents events, ObjectMapper json, ManagedExecutor executor, MeterRegistry registry, Clock clock,
            WebhookTargets targets) {
        this.entityManager = entityManager;
        this.targets = targets;
        this.pushes = outcome -> Counter.builder("rujukan.webhook.deliveries").tag("outcome", outcome)
                .description("Pushes to agencies' webhooks: delivered, failed (to be retried), given-up")
                .register(registry);
        // shown at 0 from the start, so an alert on failures has a series before the first one
        List.of("delivered", "failed", "given-up").forEach(pushes::apply);
        this.config = config;
        this.timeline = timeline;
        this.events = events;
        this.json = json;
        this.executor = executor;
        this.clock = clock;
        // never followed: a redirect could lead where WebhookTargets would not let a push go
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(every = "${rujukan.webhook.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatch() {
        @SuppressWarnings("unchecked")
        List<String> agencies = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select distinct agency_id from webhook_delivery where status = 'PENDING' and next_attempt_at <= :now")
                .setParameter("now", Timestamp.from(clock.instant())).getResultList());
        for (String agency : agencies) {
            if (inFlight.add(agency)) {
                executor.execute(() -> {
                    try {
                        deliverFor(agency);
                    } finally {
                        inFlight.remove(agency);
                    }
                });
            }
        }
    }

    private record Delivery(long id, UUID referralId, String eventId, String eventType, String payload, int attempts,
            Instant createdAt) {
    }

    private void deliverFor(String agency) {
        List<Delivery> due = claim(agency);
        while (!due.isEmpty()) {
            Webhook webhook = QuarkusTransaction.requiringNew().call(() -> Webhook.findById(agency));
            for (Delivery delivery : due) {
                if (webhook == null || !push(webhook, delivery)) {
                    break; // the rest of this agency's batch waits: a referral's order must hold
                }
            }
            due = claim(agency);
        }
    }

    /** The agency's due deliveries that are first in line for their referral, leased for one attempt. */
    private List<Delivery> claim(String agency) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            List<Delivery> claimed = DueRows.claim(entityManager, """
                    select d.id, d.referral_id, d.event_id, d.event_type, d.payload, d.attempts, d.created_at
                    from webhook_delivery d
                    where d.agency_id = :agency and d.status = 'PENDING' and d.next_attempt_at <= :now
                      and not exists (select 1 from webhook_delivery e where e.agency_id = d.agency_id
                          and e.referral_id = d.referral_id and e.status = 'PENDING' and e.id < d.id)
                    order by d.id limit :batch""", "d",
                    Map.of("agency", agency, "now", Timestamp.from(now), "batch", BATCH))
                    .stream().map(row -> new Delivery(((Number) row.get("id")).longValue(),
                            row.get("referral_id", UUID.class), row.get("event_id", String.class),
                            row.get("event_type", String.class), row.get("payload", String.class),
                            ((Number) row.get("attempts")).intValue(), DueRows.instant(row, "created_at")))
                    .toList();
            Instant lease = now.plus(config.timeout()).plusSeconds(5);
            for (Delivery delivery : claimed) {
                Writes.update(entityManager, "update webhook_delivery set next_attempt_at = ? where id = ?", lease,
                        delivery.id());
            }
            return claimed;
        });
    }

    /** One attempt; returns whether it was delivered. */
    private boolean push(Webhook webhook, Delivery delivery) {
        int attempt = delivery.attempts() + 1;
        long timestamp = clock.instant().getEpochSecond();
        String error;
        try {
            // again before every push: the name may point somewhere else than when it was registered
            targets.check(webhook.url);
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(webhook.url))
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header("Rujukan-Event-Id", delivery.eventId())
                    .header("Rujukan-Event-Type", delivery.eventType())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.sign(webhook.secret, timestamp, delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload())).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                delivered(webhook.agencyId, delivery, attempt);
                return true;
            }
            error = "HTTP " + response.statusCode();
        } catch (WebhookTargets.Refused e) {
            error = "not sent: " + e.getMessage();
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        failed(webhook.agencyId, delivery, attempt, error);
        return false;
    }

    private void delivered(String agency, Delivery delivery, int attempt) {
        QuarkusTransaction.requiringNew().run(() -> {
            Writes.update(entityManager, "update webhook_delivery set status = 'DELIVERED', attempts = ? where id = ?",
                    attempt, delivery.id());
            timeline.add("webhook:" + delivery.id() + ":" + attempt, delivery.referralId(), new Timeline.Entry(
                    clock.instant(), "WEBHOOK", agency, null, null, null,
                    "pushed to the webhook of " + agency + " (attempt " + attempt + ")"));
            if (isNewlyRoutedTo(agency, delivery)) {
                events.actionRequested(new ReferralActionRequested(UUID.randomUUID().toString(),
                        delivery.referralId().toString(), ReferralAction.RECEIVE, agency, "webhook", null, null, null,
                        null, clock.instant()));
            }
        });
        pushes.apply("delivered").increment();
    }

    private void failed(String agency, Delivery delivery, int attempt, String error) {
        Instant now = clock.instant();
        boolean giveUp = now.isAfter(delivery.createdAt().plus(config.giveUpAfter()));
        Instant next = now.plus(new Backoff(config.initialBackoff(), config.maxBackoff()).after(attempt));
        QuarkusTransaction.requiringNew().run(() -> {
            Writes.update(entityManager, """
                    update webhook_delivery set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?
                    where id = ?""", giveUp ? "FAILED" : "PENDING", attempt, next, error, delivery.id());
            timeline.add("webhook:" + delivery.id() + ":" + attempt, delivery.referralId(), new Timeline.Entry(now,
                    "WEBHOOK", agency, null, null, null, "push to the webhook of " + agency + " failed (attempt "
                            + attempt + ": " + error + ")" + (giveUp ? "; given up, the inbox still has it" : "")));
        });
        pushes.apply(giveUp ? "given-up" : "failed").increment();
        Log.warnf("Webhook push %d to %s failed (attempt %d): %s", delivery.id(), agency, attempt, error);
    }

    private boolean isNewlyRoutedTo(String agency, Delivery delivery) {
        if (!EventTypes.REFERRAL_ROUTED.equals(delivery.eventType())) {
            return false;
        }
        try {
            JsonNode data = json.readTree(delivery.payload()).path("data");
            return ReferralState.ROUTED.name().equals(data.path("state").asText()) && agency.equals(data.path("targetAgencyId").asText());
        } catch (IOException e) {
            return false;
        }
    }
}
