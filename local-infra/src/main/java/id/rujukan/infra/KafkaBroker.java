package id.rujukan.infra;

import id.rujukan.contract.Topic;
import id.rujukan.contract.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker and controller), running in this JVM.
 * The storage directory is formatted once and kept, so a broker restarted on the same directory finds
 * its topics and records again.
 */
public final class KafkaBroker implements AutoCloseable {

    /** The super user of a broker with users ({@link #startWithUsers}): the one that grants the others' ACLs. */
    public static final String ADMIN = "admin";

    private final KafkaConfig config;
    private final int port;
    /** Each user's password, where clients must sign in; empty where they need not. */
    private final Map<String, String> users;
    private volatile KafkaRaftServer server;

    private KafkaBroker(KafkaConfig config, int port, Map<String, String> users) {
        this.config = config;
        this.port = port;
        this.users = users;
    }

    /** Starts a broker on {@code port} (0 picks a free one), keeping its data in {@code dataDir}. */
    public static KafkaBroker start(Path dataDir, int port) throws IOException {
        return start(dataDir, port, Map.of());
    }

    /**
     * Starts a broker as a cluster does it: every client signs in (SASL PLAIN) as one of {@code users} (name to
     * password; {@link #ADMIN} is added) and may do only what its ACLs allow, as Strimzi's KafkaUsers grant them.
     * Only the admin has ACLs to begin with: grant the others theirs with {@link #admin()}.
     */
    public static KafkaBroker startWithUsers(Path dataDir, Map<String, String> users) throws IOException {
        Map<String, String> all = new TreeMap<>(users);
        all.put(ADMIN, "admin-" + Uuid.randomUuid());
        return start(dataDir, 0, all);
    }

    private static KafkaBroker start(Path dataDir, int port, Map<String, String> users) throws IOException {
        int brokerPort = port == 0 ? FreePorts.find() : port;
        int controllerPort = FreePorts.find();
        Path logDir = dataDir.resolve("kraft-logs");
        Files.createDirectories(logDir);
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        if (users.isEmpty()) {
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        } else {
            // both listeners signed in to, the broker itself as the admin; StandardAuthorizer keeps the ACLs
            props.put("listener.security.protocol.map", "PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
            props.put("sasl.enabled.mechanisms", "PLAIN");
            props.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
            props.put("sasl.mechanism.controller.protocol", "PLAIN");
            StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required"
                    + " username=\"" + ADMIN + "\" password=\"" + users.get(ADMIN) + "\"");
            users.forEach((user, password) -> jaas.append(" user_").append(user).append("=\"").append(password)
                    .append('"'));
            jaas.append(';');
            props.put("listener.name.plaintext.plain.sasl.jaas.config", jaas.toString());
            props.put("listener.name.controller.plain.sasl.jaas.config", jaas.toString());
            props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            props.put("super.users", "User:" + ADMIN);
        }
        props.put("log.dirs", logDir.toString());
        // one node: internal topics cannot be replicated, and consumers must not wait for more members
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "10");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // every topic comes from the contract; a typo in a service's configuration must fail, not create
        props.put("auto.create.topics.enable", "false");
        Path config = dataDir.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(config)) {
            props.store(out, "generated by " + KafkaBroker.class.getName());
        }
        format(logDir, config);
        KafkaBroker broker = new KafkaBroker(new KafkaConfig(props, false), brokerPort, users);
        broker.startServer();
        return broker;
    }

    private void startServer() {
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        awaitReady();
    }

    /**
     * Shuts the broker down cleanly and starts it again on the same ports and data, as a rolling restart
     * does; returns once it answers again.
     */
    public void restart() {
        close();
        startServer();
    }

    /** Shuts the broker down cleanly (clients lose it, as in an outage) until {@link #startAgain()}. */
    public void stop() {
        close();
    }

    /** Starts a stopped broker again on its ports and data; returns once it answers. */
    public void startAgain() {
        startServer();
    }

    private static void format(Path logDir, Path config) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = StorageTool.execute(new String[] {"format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", config.toString(), "--ignore-formatted"},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("Formatting KRaft storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The topics every deployment has, and those of each agency given ({@link Topics#ofAgency}). */
    public void createTopicsFor(Collection<String> agencyIds) {
        List<Topic> topics = new ArrayList<>(Topics.ALL);
        agencyIds.forEach(agencyId -> topics.addAll(Topics.ofAgency(agencyId)));
        try (Admin admin = admin()) {
            createTopics(admin, topics);
        }
    }

    /**
     * Creates the topics that do not exist yet, with the partitions, retention and cleanup they declare (one
     * replica: one broker here), through any admin client of the broker.
     */
    public static void createTopics(Admin admin, Collection<Topic> topics) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic topic : topics) {
                if (!existing.contains(topic.name())) {
                    missing.add(new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(Map.of(
                            TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy(),
                            TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retention().toMillis()))));
                }
            }
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Creating topics failed: "
                    + topics.stream().map(Topic::name).collect(Collectors.joining(", ")), e);
        }
    }

    /** An admin client: on a broker with users, signed in as {@link #ADMIN}, who may do anything. */
    public Admin admin() {
        return Admin.create(clientConfig(ADMIN));
    }

    /** What a client needs to reach this broker: on a broker with users, signed in as {@code user}. */
    public Map<String, Object> clientConfig(String user) {
        Map<String, Object> client = new HashMap<>();
        client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        if (!users.isEmpty()) {
            client.put("security.protocol", "SASL_PLAINTEXT");
            client.put("sasl.mechanism", "PLAIN");
            client.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                    + "username=\"" + user + "\" password=\"" + users.get(user) + "\";");
        }
        return client;
    }

    private void awaitReady() {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("Kafka did not become ready on " + bootstrapServers(), e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
