package id.rujukan.messaging;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Applies a batch of Kafka records (SmallRye's batch consumption) in one database transaction: one commit,
 * one fsync, for everything a poll brought, instead of one per record. Each record is still applied once
 * (its consumer records the event id in that transaction) and in the order Kafka gave, so one referral's
 * events stay in order.
 * <p>
 * A database outage is waited out ({@link Transient}), the batch held. A record that cannot be applied (not
 * a valid event, a referral naming an unknown agency) rolls the batch back; the batch is then applied a
 * record at a time, each in a transaction of its own, and only the records that fail are refused to the
 * channel's failure strategy (the dead-letter topic, with the reason), while the others are applied.
 * <p>
 * Each record's entities are flushed and let go once it is applied: Hibernate checks every entity it holds
 * for changes before each query, so a persistence context that grew with the batch would make a batch of n
 * records cost n² checks.
 */
@ApplicationScoped
public class RecordBatches {

    /** What one record does, inside the transaction it is applied in. */
    @FunctionalInterface
    public interface Work {
        /**
         * @param cloudEvent the record's CloudEvent attributes, or {@code null} if it has none
         */
        void apply(String payload, IncomingCloudEventMetadata<String> cloudEvent);
    }

    /** As {@link Work}, for work that depends on the topic the record came from. */
    @FunctionalInterface
    public interface TopicWork {
        void apply(String topic, String payload, IncomingCloudEventMetadata<String> cloudEvent);
    }

    private final EntityManager entityManager;

    public RecordBatches(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Applies the batch and acknowledges it; returns once the acknowledgements (and any dead-letter writes)
     * are done.
     */
    public CompletionStage<Void> apply(KafkaRecordBatch<String, String> batch, Work work) {
        return apply(batch, (TopicWork) (topic, payload, cloudEvent) -> work.apply(payload, cloudEvent));
    }

    /** As {@link #apply(KafkaRecordBatch, Work)}, telling the work each record's topic. */
    public CompletionStage<Void> apply(KafkaRecordBatch<String, String> batch, TopicWork work) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        try {
            Transient.inTransaction(() -> records.forEach(record -> applyOne(record, work)));
            return batch.ack();
        } catch (RuntimeException refused) {
            return oneByOne(batch, work);
        }
    }

    private CompletionStage<Void> oneByOne(KafkaRecordBatch<String, String> batch, TopicWork work) {
        List<CompletableFuture<Void>> refusals = new ArrayList<>();
        Set<KafkaRecord<String, String>> refused = new HashSet<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                Transient.inTransaction(() -> applyOne(record, work));
            } catch (RuntimeException e) {
                refused.add(record);
                refusals.add(record.nack(e).toCompletableFuture());
            }
        }
        // a refused record is acknowledged by the failure strategy once it is on the dead-letter topic; the
        // batch's position is then acknowledged with the last record of each partition that was applied
        return CompletableFuture.allOf(refusals.toArray(CompletableFuture[]::new)).thenCompose(written -> {
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (KafkaRecord<String, String> last : batch.getLatestOffsetRecords().values()) {
                if (!refused.contains(last)) {
                    acks.add(last.ack().toCompletableFuture());
                }
            }
            return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
        });
    }

    /** Applies one record in the trace its producer started, so one trace still runs from POST to SMS. */
    @SuppressWarnings("unchecked")
    private void applyOne(KafkaRecord<String, String> record, TopicWork work) {
        Context trace = record.getMetadata(TracingMetadata.class).map(TracingMetadata::getCurrentContext)
                .orElse(Context.current());
        try (Scope scope = trace.makeCurrent()) {
            work.apply(record.getTopic(), record.getPayload(),
                    record.getMetadata(IncomingCloudEventMetadata.class).orElse(null));
        }
        entityManager.flush();
        entityManager.clear();
    }
}
