package id.rujukan.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.rujukan.contract.AgeBand;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.ReferralKind;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.contract.Region;
import id.rujukan.contract.SealedData;
import id.rujukan.contract.Sex;
import id.rujukan.contract.Topics;
import id.rujukan.contract.Urgency;
import id.rujukan.infra.Directories;
import id.rujukan.infra.FreePorts;
import id.rujukan.infra.KafkaBroker;
import id.rujukan.infra.PostgresServer;
import id.rujukan.infra.testing.DevKeys;
import id.rujukan.infra.testing.KafkaTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two packaged referral-service replicas against one broker and one durable database, with emergency
 * deadlines shortened to seconds. One replica is killed (SIGKILL) in the middle of the chains and
 * started again. Every referral must still get each step of its chain exactly once.
 */
class EscalationReplicasIT {

    private static final int REFERRALS = 150;
    private static final int STEPS = 5;

    private static Path dataDir;
    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static final List<ServiceProcess> replicas = new ArrayList<>();

    @BeforeAll
    static void startInfrastructure() throws Exception {
        dataDir = Files.createTempDirectory("rujukan-replicas");
        postgres = PostgresServer.startDurable(dataDir.resolve("postgres"), FreePorts.find());
        postgres.createDatabases(List.of("referral"));
        kafka = KafkaBroker.start(dataDir.resolve("kafka"), FreePorts.find());
        kafka.createTopicsFor(DevKeys.agencies());
    }

    @AfterAll
    static void stopInfrastructure() throws Exception {
        replicas.forEach(ServiceProcess::close);
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        Directories.delete(dataDir);
    }

    @Test
    void twoReplicasAndACrashMidChainFireEveryStepExactlyOnce() throws Exception {
        replicas.add(startReplica("a"));
        replicas.add(startReplica("b"));
        for (ServiceProcess replica : replicas) {
            replica.awaitReady(Duration.ofSeconds(90));
        }
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        Set<String> referralIds = new HashSet<>();
        try (KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
            for (int i = 0; i < REFERRALS; i++) {
                ReferralSubmitted submitted = emergency();
                referralIds.add(submitted.referralId());
                String data = json.writeValueAsString(submitted);
                // signed by the referring agency, as its gateway signs
                client.send(Topics.intake(submitted.referringAgencyId(), submitted.urgency()), submitted.referralId(), data,
                        KafkaTestClient.signedCloudEvent(UUID.randomUUID().toString(), EventTypes.REFERRAL_SUBMITTED,
                                CloudEventAttributes.SOURCE_AGENCY_GATEWAY, submitted.referringAgencyId(),
                                submitted.referralId(), data));
            }

            // the chains are running: kill one replica as a crash would, then bring it back
            await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from escalation") > REFERRALS);
            replicas.get(0).kill();
            ServiceProcess restarted = startReplica("a-restarted");
            replicas.set(0, restarted);
            restarted.awaitReady(Duration.ofSeconds(90));

            // the known end: every step fired and no receive clock is left running, so nothing is left to fire
            // (a step and the clock's end are written in one transaction)
            await().atMost(Duration.ofSeconds(120)).until(() -> count("select count(*) from escalation")
                    >= (long) REFERRALS * STEPS
                    && count("select count(*) from referral_deadline where kind = 'RECEIVE'") == 0);

            assertThat(count("select count(*) from escalation")).isEqualTo((long) REFERRALS * STEPS);
            assertThat(count("select count(*) from referral_history where kind = 'ESCALATION'"))
                    .isEqualTo((long) REFERRALS * STEPS);
            assertThat(count("select count(distinct referral_id) from escalation")).isEqualTo(REFERRALS);
            assertThat(count("select count(*) from referral_deadline where kind = 'RECEIVE'")).isZero();

            // Kafka delivery is at least once (a relay killed between the send and its bookkeeping sends
            // again), so consumers deduplicate: by event id, and notifications by their stable key
            List<ConsumerRecord<String, String>> escalated = client.readAll(Topics.lifecycle("dinsos-1608"),
                    r -> KafkaTestClient.headerValue(r, "ce_type").orElse("").equals(EventTypes.REFERRAL_ESCALATED),
                    Duration.ofSeconds(5));
            Map<String, String> stepByEventId = new HashMap<>();
            for (ConsumerRecord<String, String> record : escalated) {
                JsonNode data = json.readTree(record.value());
                stepByEventId.put(KafkaTestClient.headerValue(record, "ce_id").orElseThrow(),
                        data.get("referralId").asText() + "/" + data.get("step").asInt());
            }
            assertThat(Set.copyOf(stepByEventId.values())).hasSize(REFERRALS * STEPS);
            assertThat(stepByEventId.values()).doesNotHaveDuplicates();
            List<ConsumerRecord<String, String>> requests = client.readAll(Topics.NOTIFICATION_REQUEST_TOPICS,
                    r -> referralIds.contains(r.key()), Duration.ofSeconds(5));
            Map<String, Set<String>> keysByEventId = new HashMap<>();
            for (ConsumerRecord<String, String> request : requests) {
                keysByEventId.computeIfAbsent(json.readTree(request.value()).get("notificationKey").asText(),
                        key -> new HashSet<>()).add(KafkaTestClient.headerValue(request, "ce_id").orElseThrow());
            }
            assertThat(keysByEventId.values()).allSatisfy(eventIds -> assertThat(eventIds).hasSize(1));
        }
    }

    private static ServiceProcess startReplica(String name) throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl("referral"));
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        config.put("rujukan.deadlines.urgency.emergency.received-within", "PT3S");
        config.put("rujukan.escalation.chains.emergency",
                "OFFICERS:PT0S,SUPERVISOR:PT1S,HEAD:PT1S,PROVINCE:PT1S,MINISTRY:PT1S");
        config.put("rujukan.escalation.poll-every", "0.2s");
        config.put("rujukan.escalation.claim-batch", "20");
        config.put("rujukan.directory.seed-signing-keys", "true");
        config.put("rujukan.signing.key-dir", DevKeys.dir().toString());
        config.put("rujukan.signing.service-keys", DevKeys.serviceKeys());
        return ServiceProcess.start(Path.of(System.getProperty("rujukan.root", "..")).toAbsolutePath().normalize(),
                "referral-service", FreePorts.find(), config, dataDir.resolve("logs-" + name));
    }

    private static ReferralSubmitted emergency() {
        String id = UUID.randomUUID().toString();
        return new ReferralSubmitted(id, ReferralKind.REFERRAL, id, "rutan-martapura", "dinsos-1608", null,
                CaseCategory.PHYSICAL_ABUSE, Urgency.EMERGENCY, new Region("16", "16.08"), AgeBand.TODDLER_1_TO_4,
                Sex.FEMALE, new SealedData(id, "A256GCM", "bm9uY2Vub25jZTE=", "c2VhbGVkIGNoaWxkIGRhdGE="),
                Instant.now());
    }

    private static long count(String query) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("referral"), PostgresServer.USER,
                PostgresServer.PASSWORD); Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
