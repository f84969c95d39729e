package id.rujukan.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.rujukan.contract.Topics;
import id.rujukan.contract.Urgency;
import id.rujukan.infra.Directories;
import id.rujukan.infra.KafkaBroker;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The KafkaUsers' ACLs as the manifests grant them (the dev overlay's, and an agency's own gateway's as
 * {@code k8s/agencies/onboard.sh --own-gateway} makes it), given to a real broker that signs every client in and
 * enforces them: what the broker itself lets each write and read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerAclsTest {

    private static final Path ROOT = Path.of(System.getProperty("rujukan.root", "..")).toAbsolutePath().normalize();
    private static final String OWN = "dinsos-1608";
    private static final String OTHER = "rutan-martapura";

    private Path dataDir;
    private KafkaBroker broker;

    @BeforeAll
    void startTheBrokerWithTheManifestsUsers() throws Exception {
        dataDir = Files.createTempDirectory("rujukan-acls");
        Path agencies = Files.createDirectories(dataDir.resolve("agencies"));
        Files.copy(ROOT.resolve("k8s/agencies/kustomization.yaml"), agencies.resolve("kustomization.yaml"));
        ProcessBuilder onboard = new ProcessBuilder(ROOT.resolve("k8s/agencies/onboard.sh").toString(),
                "--own-gateway", OWN).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        onboard.environment().put("AGENCIES_DIR", agencies.toString());
        Process script = onboard.start();
        assertThat(script.waitFor(30, TimeUnit.SECONDS) && script.exitValue() == 0).as("onboard.sh").isTrue();
        List<KafkaUser> users = Stream.concat(
                Rendered.overlay(ROOT.resolve("k8s"), "dev").all(KafkaUser.class).stream(),
                Rendered.kustomization(agencies, "own gateway").all(KafkaUser.class).stream()).toList();
        assertThat(users).extracting(user -> user.getMetadata().getName()).contains("gateway-" + OWN);

        broker = KafkaBroker.startWithUsers(dataDir.resolve("kafka"), users.stream().collect(Collectors.toMap(
                user -> user.getMetadata().getName(), user -> UUID.randomUUID().toString())));
        broker.createTopicsFor(List.of(OWN, OTHER));
        List<AclBinding> bindings = users.stream().flatMap(user -> bindings(user).stream()).toList();
        try (Admin admin = broker.admin()) {
            admin.createAcls(bindings).all().get(30, TimeUnit.SECONDS);
            // the controller has them once created; the broker's authorizer, once it has read them from the log
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS).size()
                    < bindings.size()) {
                assertThat(System.nanoTime()).as("the broker has the ACLs").isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    @AfterAll
    void stop() {
        if (broker != null) {
            broker.close();
        }
        Directories.delete(dataDir);
    }

    @Test
    void anAgencysOwnGatewayReadsWhatItIsToldOnlyAndNotWhatAnotherAgencyIsTold() throws Exception {
        String user = "gateway-" + OWN;
        String toOwn = send("referral-service", Topics.lifecycle(OWN));
        String statusToOwn = send("notification-service", Topics.notificationStatus(OWN));
        send("referral-service", Topics.lifecycle(OTHER));

        assertThat(read(user, "gateway." + OWN + ".events", Topics.lifecycle(OWN))).map(ConsumerRecord::value)
                .contains(toOwn);
        assertThat(read(user, "gateway." + OWN + ".events", Topics.notificationStatus(OWN)))
                .map(ConsumerRecord::value).contains(statusToOwn);
        assertThatThrownBy(() -> read(user, "gateway." + OWN + ".events", Topics.lifecycle(OTHER)))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> read(user, "gateway." + OWN + ".events", Topics.notificationStatus(OTHER)))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void anAgencysOwnGatewayWritesItsOwnIntakeOnlyAndCanNeitherReadAnotherAgencysTopicNorJoinItsGroups()
            throws Exception {
        String user = "gateway-" + OWN;
        send(user, Topics.intake(OWN, Urgency.NORMAL));
        send(user, Topics.intake(OWN, Urgency.EMERGENCY));

        assertThatThrownBy(() -> send(user, Topics.intake(OTHER, Urgency.NORMAL)))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(user, Topics.intake(OTHER, Urgency.EMERGENCY)))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        // what only referral-service tells the agency
        assertThatThrownBy(() -> send(user, Topics.lifecycle(OWN)))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> read(user, "gateway." + OWN + ".test", Topics.intake(OTHER, Urgency.NORMAL)))
                .isInstanceOf(TopicAuthorizationException.class);
        // the shared gateway's group, and one of another agency whose id starts with this one's
        assertThatThrownBy(() -> read(user, "agency-gateway", Topics.AGENCY_DIRECTORY))
                .isInstanceOf(GroupAuthorizationException.class);
        assertThatThrownBy(() -> read(user, "gateway." + OWN + "1.events", Topics.AGENCY_DIRECTORY))
                .isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void theSharedGatewayWritesEveryAgencysIntakeAndReferralServiceReadsThemAll() throws Exception {
        String own = send("agency-gateway", Topics.intake(OWN, Urgency.EMERGENCY));
        String other = send("agency-gateway", Topics.intake(OTHER, Urgency.EMERGENCY));

        List<String> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer("referral-service", "referral-service-urgent")) {
            consumer.subscribe(Pattern.compile(Topics.INTAKE_URGENT_PATTERN));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!read.containsAll(List.of(own, other)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> read.add(record.value()));
            }
        }
        assertThat(read).contains(own, other);
    }

    @Test
    void eachServiceWritesOnlyItsOwnKindOfAgencyTopic() {
        for (String user : List.of("notification-service", "referral-service")) {
            assertThatThrownBy(() -> send(user, Topics.intake(OTHER, Urgency.NORMAL))).as(user)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        assertThatThrownBy(() -> send("notification-service", Topics.lifecycle(OTHER)))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send("referral-service", Topics.notificationStatus(OTHER)))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send("agency-gateway", Topics.lifecycle(OTHER)))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    /** The user's KafkaUser ACLs as the broker's bindings, as Strimzi's User Operator makes them. */
    private static List<AclBinding> bindings(KafkaUser user) {
        List<AclBinding> bindings = new ArrayList<>();
        for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
            ResourcePattern resource;
            if (rule.getResource() instanceof AclRuleTopicResource topic) {
                resource = new ResourcePattern(ResourceType.TOPIC, topic.getName(),
                        patternType(topic.getPatternType()));
            } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                resource = new ResourcePattern(ResourceType.GROUP, group.getName(),
                        patternType(group.getPatternType()));
            } else {
                throw new AssertionError("an ACL on " + rule.getResource().getType());
            }
            for (var operation : rule.getOperations()) {
                bindings.add(new AclBinding(resource, new AccessControlEntry("User:" + user.getMetadata().getName(),
                        "*", AclOperation.fromString(operation.toValue().toUpperCase(Locale.ROOT)),
                        AclPermissionType.ALLOW)));
            }
        }
        return bindings;
    }

    private static PatternType patternType(AclResourcePatternType type) {
        return type == AclResourcePatternType.PREFIX ? PatternType.PREFIXED : PatternType.LITERAL;
    }

    /** Sends one record as the user and waits for the broker's answer; returns the record's value. */
    private String send(String user, String topic) throws ExecutionException, InterruptedException {
        Map<String, Object> config = new HashMap<>(broker.clientConfig(user));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        String value = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, value, value)).get();
        }
        return value;
    }

    /** Reads the whole topic, to the end it has when called, as the user, committing in the group. */
    private List<ConsumerRecord<String, String>> read(String user, String group, String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(user, group)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            consumer.commitSync();
            return records;
        }
    }

    private KafkaConsumer<String, String> consumer(String user, String group) {
        Map<String, Object> config = new HashMap<>(broker.clientConfig(user));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
