package id.rujukan.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends outbox events to Kafka in commit order and deletes them once Kafka has acknowledged them
 * ({@code acks=all}). Runs on one thread, woken after each commit that wrote events and every poll
 * interval in case a wake-up was missed or a send failed.
 *
 * <p>Delivery is at least once: a crash between the acknowledgement and the delete sends a batch again,
 * and consumers skip it by event id. Only one replica relays at a time (a PostgreSQL advisory lock), so
 * events of one referral never overtake each other.
 */
@ApplicationScoped
public class OutboxRelay {

    static final String CHANNEL = "outbox";
    private static final int BATCH_SIZE = 200;
    /** Advisory lock key shared by all replicas of a service (its own database). */
    private static final long RELAY_LOCK = 0x52554a554b414eL;

    private final Emitter<String> emitter;
    private final EntityManager entityManager;
    private final Duration pollInterval;
    private final Duration ackTimeout;
    private final Semaphore wakeUps = new Semaphore(0);
    /** When the oldest event still waiting was written, as of the last round; null when none waits. */
    private final AtomicReference<Instant> oldestWaiting = new AtomicReference<>();
    private final Counter relayed;
    private final Counter failedRounds;
    private volatile boolean running;
    private ExecutorService worker;

    public OutboxRelay(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
            Emitter<String> emitter, EntityManager entityManager,
            @ConfigProperty(name = "rujukan.outbox.poll-interval", defaultValue = "1s") Duration pollInterval,
            @ConfigProperty(name = "rujukan.outbox.ack-timeout", defaultValue = "30s") Duration ackTimeout,
            MeterRegistry registry) {
        this.emitter = emitter;
        Gauge.builder("rujukan.outbox.lag", this, OutboxRelay::lagSeconds).baseUnit("seconds")
                .description("Age of the oldest event not yet acknowledged by Kafka (0 when the outbox is empty)")
                .register(registry);
        this.relayed = Counter.builder("rujukan.outbox.relayed")
                .description("Events sent to Kafka and acknowledged").register(registry);
        this.failedRounds = Counter.builder("rujukan.outbox.failed.rounds")
                .description("Relay rounds that failed (Kafka or the database away); the events stay and go later")
                .register(registry);
        this.entityManager = entityManager;
        this.pollInterval = pollInterval;
        this.ackTimeout = ackTimeout;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        worker = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "outbox-relay"));
        worker.submit(this::relayUntilStopped);
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wakeUp();
        if (worker == null) {
            return;
        }
        worker.shutdown();
        worker.awaitTermination(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks the relay to look at the outbox now. */
    public void wakeUp() {
        wakeUps.release();
    }

    private void relayUntilStopped() {
        while (running) {
            try {
                if (relayBatch() < BATCH_SIZE) {
                    wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Kafka or the database is away: the events stay in the outbox and go out on a later round
                failedRounds.increment();
                Log.warnf("Outbox relay round failed, retrying in %s: %s", pollInterval, e.getMessage());
                sleepQuietly();
            }
        }
    }

    /** Sends one batch and deletes it; returns how many events went out. */
    int relayBatch() {
        return QuarkusTransaction.requiringNew().timeout((int) ackTimeout.toSeconds() + 30).call(() -> {
            boolean mine = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                    .setParameter("key", RELAY_LOCK).getSingleResult();
            if (!mine) {
                oldestWaiting.set(null); // another replica relays, and reports the lag
                return 0;
            }
            List<OutboxEvent> batch = OutboxEvent.<OutboxEvent>findAll(Sort.by("seq")).page(0, BATCH_SIZE).list();
            oldestWaiting.set(batch.stream().map(event -> event.createdAt).min(Comparator.naturalOrder()).orElse(null));
            if (batch.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
            for (OutboxEvent event : batch) {
                acks.add(send(event));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            // by id, not by range: a row with a lower seq may commit after this batch was read
            Writes.update(entityManager, "delete from outbox_event where seq = any(?)",
                    (Object) batch.stream().mapToLong(event -> event.seq).toArray());
            relayed.increment(batch.size());
            if (batch.size() < BATCH_SIZE) {
                oldestWaiting.set(null);
            }
            return batch.size();
        });
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        emitter.send(CloudEventMessages.of(event.topic, event.eventKey, event.eventId.toString(), event.type,
                event.source, event.agencyId, event.occurredAt, event.payload, event.signingKey, event.signature,
                TraceContext.of(event.traceparent), acked));
        return acked;
    }

    private double lagSeconds() {
        Instant oldest = oldestWaiting.get();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
