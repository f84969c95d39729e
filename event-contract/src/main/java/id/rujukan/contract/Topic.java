package id.rujukan.contract;

import java.time.Duration;
import java.util.List;

/**
 * A Kafka topic of the contract: its name, how it is laid out and kept, and who writes and reads it.
 * Deployment (Strimzi KafkaTopic), the local stack and the tests create topics from this list.
 */
public record Topic(String name, int partitions, Duration retention, boolean compacted, String writer,
        List<String> readers, String purpose) {

    /** Retention that never deletes by time (compacted topics keep the latest record per key). */
    public static final Duration FOREVER = Duration.ofMillis(-1);

    public String cleanupPolicy() {
        return compacted ? "compact" : "delete";
    }
}
