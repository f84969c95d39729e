package id.rujukan.referral;

import static org.awaitility.Awaitility.await;

import id.rujukan.infra.testing.KafkaTestResource;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What referral-service has put on Kafka about a key, for tests that prove an absence or an exact count. Its events
 * go through its outbox: once the work a test waited for has committed and the outbox is empty, everything that
 * work published is on the topics, and reading them to their end offsets sees all of it. Never a short read
 * window, which cannot tell "not sent" from "not sent yet".
 */
final class Published {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Published() {
    }

    static List<ConsumerRecord<String, String>> about(String key, List<String> topics) {
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) Arc.container()
                .instance(EntityManager.class).get().createNativeQuery("select count(*) from outbox_event")
                .getSingleResult()).longValue() == 0));
        return topics.stream().flatMap(topic -> KafkaTestResource.client().readToEnd(topic, WAIT).stream())
                .filter(record -> key.equals(record.key())).toList();
    }
}
