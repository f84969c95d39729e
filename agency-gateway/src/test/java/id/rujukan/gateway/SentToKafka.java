package id.rujukan.gateway;

import static org.awaitility.Awaitility.await;

import id.rujukan.contract.Topics;
import id.rujukan.infra.testing.DevKeys;
import id.rujukan.infra.testing.KafkaTestResource;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the gateway has put on Kafka, for tests. Requests write their events into the gateway's outbox and
 * the relay sends them after the commit: once the outbox is empty, everything committed so far is on the
 * topic, and reading the topic to its end proves what was, and was not, published.
 */
final class SentToKafka {

    private SentToKafka() {
    }

    /** Waits until the relay has sent everything committed so far. */
    static void awaitOutboxDrained() {
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) Arc.container().instance(EntityManager.class).get()
                        .createNativeQuery("select count(*) from outbox_event").getSingleResult()).longValue() == 0));
    }

    /** The intake topics of every agency the tests act for: all that the gateway may write. */
    static final List<String> INTAKE_TOPICS = DevKeys.agencies().stream()
            .flatMap(agency -> Topics.intakeTopics(agency).stream()).toList();

    /** Every intake record about a referral, read to the topics' end once the outbox is drained. */
    static List<ConsumerRecord<String, String>> intakeFor(String referralId) {
        awaitOutboxDrained();
        return INTAKE_TOPICS.stream()
                .flatMap(topic -> KafkaTestResource.client().readToEnd(topic, Duration.ofSeconds(30)).stream())
                .filter(record -> referralId.equals(record.key())).toList();
    }

    /** How many intake records there are, once the outbox is drained. */
    static long intakeCount() {
        awaitOutboxDrained();
        return INTAKE_TOPICS.stream().mapToLong(KafkaTestResource.client()::recordCount).sum();
    }
}
