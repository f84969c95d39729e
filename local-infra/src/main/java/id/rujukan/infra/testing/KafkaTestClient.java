package id.rujukan.infra.testing;

import id.rujukan.contract.EventSignatures;
import id.rujukan.contract.EventSigner;
import id.rujukan.contract.Topic;
import id.rujukan.infra.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Writes and reads raw records the way another service would, so tests see exactly what is on a topic:
 * keys, CloudEvents headers and JSON values.
 */
public final class KafkaTestClient implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** CloudEvents 1.0 binary-mode headers for one event. */
    public static List<Header> cloudEvent(String id, String type, String source, String agencyId) {
        return List.of(
                header("ce_specversion", "1.0"),
                header("ce_id", id),
                header("ce_type", type),
                header("ce_source", source),
                header("ce_time", Instant.now().toString()),
                header("ce_agencyid", agencyId),
                header("content-type", "application/json"));
    }

    /**
     * The headers of a CloudEvent as its writer publishes it: with its subject (the key) and signed with the dev key
     * ({@link DevKeys}) of the signer its type names: the agency, as its gateway signs, or the service.
     */
    public static List<Header> signedCloudEvent(String id, String type, String source, String agencyId, String key,
            String data) {
        return cloudEventSignedBy(EventSigner.of(type).keyOwner(agencyId), id, type, source, agencyId, key, data);
    }

    /**
     * As {@link #signedCloudEvent}, but signed with the dev key of {@code owner} (an agency id, or a service's
     * name) whoever the type names: an event someone signed in another's place.
     */
    public static List<Header> cloudEventSignedBy(String owner, String id, String type, String source,
            String agencyId, String key, String data) {
        List<Header> headers = new ArrayList<>(cloudEvent(id, type, source, agencyId));
        headers.add(header("ce_subject", key));
        headers.add(header("ce_" + EventSignatures.KEY, DevKeys.keyId(owner)));
        headers.add(header("ce_" + EventSignatures.SIGNATURE, EventSignatures.sign(DevKeys.of(owner),
                EventSignatures.signedBytes(id, type, source, agencyId, key, data))));
        return headers;
    }

    public static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends an event as its writer would ({@link #signedCloudEvent}): signed, with the key as its subject.
     *
     * @return the event's id
     */
    public String sendEvent(String topic, String key, String type, String source, String agencyId, String data) {
        return sendEvent(List.of(topic), key, type, source, agencyId, data);
    }

    /** As {@link #sendEvent(String, String, String, String, String, String)}: one event, to each of the topics. */
    public String sendEvent(List<String> topics, String key, String type, String source, String agencyId,
            String data) {
        String id = UUID.randomUUID().toString();
        for (String topic : topics) {
            send(topic, key, data, signedCloudEvent(id, type, source, agencyId, key, data));
        }
        return id;
    }

    /** Creates the topics that do not exist yet, as the broker's own start does ({@link KafkaBroker#createTopics}). */
    public void createTopics(List<Topic> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            KafkaBroker.createTopics(admin, topics);
        }
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public void send(String topic, String key, String value, List<Header> headers) {
        try {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Sending to " + topic + " failed", e);
        }
    }

    /**
     * Reads {@code topic} from the beginning until {@code count} records match, or fails after
     * {@code timeout}. Returns the matching records, in offset order per partition.
     */
    public List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> match,
            int count, Duration timeout) {
        return await(List.of(topic), match, count, timeout);
    }

    /** As {@link #await(String, Predicate, int, Duration)}, over several topics at once. */
    public List<ConsumerRecord<String, String>> await(List<String> topics,
            Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
        List<ConsumerRecord<String, String>> found = readFor(topics, match, count, timeout);
        if (found.size() < count) {
            throw new AssertionError("Expected " + count + " matching records on " + topics + " within " + timeout
                    + ", found " + found.size());
        }
        return found;
    }

    /** Reads everything on {@code topic} for {@code duration}, returning the matching records. */
    public List<ConsumerRecord<String, String>> readAll(String topic, Predicate<ConsumerRecord<String, String>> match,
            Duration duration) {
        return readAll(List.of(topic), match, duration);
    }

    /** As {@link #readAll(String, Predicate, Duration)}, over several topics at once. */
    public List<ConsumerRecord<String, String>> readAll(List<String> topics,
            Predicate<ConsumerRecord<String, String>> match, Duration duration) {
        return readFor(topics, match, Integer.MAX_VALUE, duration);
    }

    private List<ConsumerRecord<String, String>> readFor(List<String> topics,
            Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(topics);
            Instant deadline = Instant.now().plus(timeout);
            while (found.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /**
     * Every record {@code topic} holds, from its start to its end as it is when called, over all partitions:
     * for counting what a run produced, however many records that is.
     */
    public List<ConsumerRecord<String, String>> readToEnd(String topic, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = groupless()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(timeout);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    /** How many records {@code topic} holds in all, over all partitions. */
    public long recordCount(String topic) {
        try (KafkaConsumer<String, String> consumer = groupless()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            long end = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
            long start = consumer.beginningOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
            return end - start;
        }
    }

    /** A consumer of no group, for reading partitions it is assigned. */
    private KafkaConsumer<String, String> groupless() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    /**
     * A new random key that the default partitioner puts on the same partition as {@code key}: records
     * sent after {@code key}'s under it are consumed after them, so it can mark "all before are done".
     */
    public static String keyOnSamePartitionAs(String key, int partitions) {
        int partition = partitionOf(key, partitions);
        while (true) {
            String candidate = UUID.randomUUID().toString();
            if (partitionOf(candidate, partitions) == partition) {
                return candidate;
            }
        }
    }

    private static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The value of a header as text, if present. */
    public static Optional<String> headerValue(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return Optional.ofNullable(header).map(h -> new String(h.value(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
