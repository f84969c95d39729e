package id.rujukan.directory;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.EventTypes;
import id.rujukan.messaging.EventReader;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * This service's copy of the agency directory, read from the compacted directory topic from the start
 * at every boot (each instance reads with a group of its own). referral-service owns the directory; a
 * service that only reads it has this copy by depending on this module.
 * <p>
 * Until the copy has read the topic to the end it stood at, an agency missing from it may only be not read
 * yet: {@link #caughtUp()} says when an answer of "unknown agency" can be trusted (readiness waits for it, and
 * the gateway answers 503 rather than refusing a valid referral in the meantime).
 */
@ApplicationScoped
public class DirectoryCopy {

    static final String CHANNEL = "agency-directory";
    private static final Duration OFFSETS_TIMEOUT = Duration.ofSeconds(5);

    private final EventReader reader;
    private final KafkaClientService kafka;
    private final Map<String, AgencyPublished> agencies = new ConcurrentHashMap<>();
    /** Per partition, the offset after the last record handled (copied, or dead-lettered as unreadable). */
    private final Map<Integer, Long> handledUpTo = new ConcurrentHashMap<>();
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile boolean caughtUp;

    public DirectoryCopy(EventReader reader, KafkaClientService kafka) {
        this.reader = reader;
        this.kafka = kafka;
    }

    @Incoming(CHANNEL)
    public void consume(String payload, IncomingCloudEventMetadata<String> cloudEvent,
            IncomingKafkaRecordMetadata<?, ?> record) {
        try {
            AgencyPublished agency = reader.read(payload, cloudEvent, AgencyPublished.class,
                    Set.of(EventTypes.AGENCY_PUBLISHED)).data();
            agencies.put(agency.agencyId(), agency);
        } finally {
            handledUpTo.merge(record.getPartition(), record.getOffset() + 1, Math::max);
            if (!caughtUp) {
                check();
            }
        }
    }

    public Optional<AgencyPublished> agency(String agencyId) {
        return Optional.ofNullable(agencyId).map(agencies::get);
    }

    /** Every agency the copy holds, in no order: for pickers (where to refer, where the child is). */
    public Collection<AgencyPublished> agencies() {
        return Collections.unmodifiableCollection(agencies.values());
    }

    /** How many agencies the copy holds; none until the topic has been read. */
    public int size() {
        return agencies.size();
    }

    /**
     * True once every record the directory topic held when this was first asked (after the consumer had its
     * partitions) has been read; from then on the copy follows the topic as it goes. Never blocks: while false,
     * it asks the consumer in the background and a later call has the answer.
     */
    public boolean caughtUp() {
        if (!caughtUp) {
            check();
        }
        return caughtUp;
    }

    private void check() {
        KafkaConsumer<Object, Object> consumer = kafka.getConsumer(CHANNEL);
        if (consumer == null || !checking.compareAndSet(false, true)) {
            return;
        }
        consumer.runOnPollingThread(client -> {
            Set<TopicPartition> assigned = client.assignment();
            if (assigned.isEmpty()) {
                return false;
            }
            Map<TopicPartition, Long> ends = client.endOffsets(assigned, OFFSETS_TIMEOUT);
            Map<TopicPartition, Long> starts = client.beginningOffsets(assigned, OFFSETS_TIMEOUT);
            return assigned.stream().allMatch(partition -> handledUpTo.getOrDefault(partition.partition(),
                    starts.get(partition)) >= ends.get(partition));
        }).subscribe().with(done -> {
            if (done && !caughtUp) {
                Log.infof("Agency directory read to its end: %d agencies", agencies.size());
            }
            caughtUp = done;
            checking.set(false);
        }, failure -> {
            Log.debugf("Could not yet tell whether the agency directory is read to its end: %s", failure.toString());
            checking.set(false);
        });
    }
}
