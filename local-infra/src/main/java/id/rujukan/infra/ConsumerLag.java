package id.rujukan.infra;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far consumer groups are behind, as the broker sees it: for waiting until a stack has caught up. */
public final class ConsumerLag {

    private ConsumerLag() {
    }

    /** Records the group has not read yet, over every partition it has committed an offset on. */
    public static long of(Admin admin, String group) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
        long lag = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
            if (entry.getValue() != null) {
                lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
            }
        }
        return lag;
    }

    /** The same over every consumer group the broker knows. */
    public static long ofAllGroups(Admin admin) throws ExecutionException, InterruptedException {
        long lag = 0;
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            lag += of(admin, group.groupId());
        }
        return lag;
    }
}
