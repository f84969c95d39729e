package id.rujukan.infra.testing;

import id.rujukan.infra.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import id.rujukan.infra.Directories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Real Kafka (KRaft) for a service's tests, with every contract topic created. This is the one place a
 * test gets its broker from.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;
    private static KafkaTestClient client;
    private Path dataDir;

    /** A client of the running broker, for tests that read or write records directly; closed with it. */
    public static synchronized KafkaTestClient client() {
        if (client == null) {
            client = new KafkaTestClient(broker.bootstrapServers());
        }
        return client;
    }

    @Override
    public Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("rujukan-kafka-test");
            broker = KafkaBroker.start(dataDir, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // and the own topics of every agency the tests act for (those with a dev key)
        broker.createTopicsFor(DevKeys.agencies());
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        synchronized (KafkaTestResource.class) {
            if (client != null) {
                client.close();
                client = null;
            }
        }
        if (broker != null) {
            broker.close();
            broker = null;
        }
        if (dataDir != null) {
            Directories.delete(dataDir);
        }
    }
}
