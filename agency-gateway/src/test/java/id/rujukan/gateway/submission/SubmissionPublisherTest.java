package id.rujukan.gateway.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.rujukan.contract.AgeBand;
import id.rujukan.contract.CaseCategory;
import id.rujukan.contract.ReferralKind;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.contract.Region;
import id.rujukan.contract.SealedData;
import id.rujukan.contract.Sex;
import id.rujukan.contract.Urgency;
import io.quarkiverse.resteasy.problem.HttpProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/** Unit test of one class: what the agency is told when Kafka does or does not take a submission. */
class SubmissionPublisherTest {

    private final ReferralSubmitted submitted = new ReferralSubmitted("7d9b7b52-5e5b-4c53-9d0c-2b6b8f1c0a11",
            ReferralKind.REFERRAL, "7d9b7b52-5e5b-4c53-9d0c-2b6b8f1c0a11", "rutan-martapura", "dinsos-1608", null, CaseCategory.CHILD_OF_DETAINEE, Urgency.HIGH,
            new Region("16", "16.08"), AgeBand.INFANT_UNDER_1, Sex.FEMALE,
            new SealedData("k", "A256GCM", "bm9uY2U=", "Y2lwaGVy"), Instant.now());

    @Test
    void returnsOnceKafkaHasAcknowledged() {
        RecordingEmitter kafka = new RecordingEmitter(Outcome.ACK);

        publisher(kafka).publish(submitted);

        assertThat(kafka.sent).hasSize(1);
    }

    @Test
    void aRefusedWriteIsA503TheAgencyMayRetry() {
        assertThatThrownBy(() -> publisher(new RecordingEmitter(Outcome.NACK)).publish(submitted))
                .isInstanceOfSatisfying(HttpProblem.class, problem -> {
                    assertThat(problem.getStatusCode()).isEqualTo(503);
                    assertThat(problem.getHeaders()).containsEntry("Retry-After", 5);
                });
    }

    @Test
    void noAcknowledgementInTimeIsA503Too() {
        assertThatThrownBy(() -> publisher(new RecordingEmitter(Outcome.SILENCE)).publish(submitted))
                .isInstanceOfSatisfying(HttpProblem.class, problem -> assertThat(problem.getStatusCode()).isEqualTo(503));
    }

    private static SubmissionPublisher publisher(Emitter<String> emitter) {
        return new SubmissionPublisher(emitter, new ObjectMapper().registerModule(new JavaTimeModule()),
                Duration.ofMillis(200));
    }

    private enum Outcome { ACK, NACK, SILENCE }

    private static final class RecordingEmitter implements Emitter<String> {
        private final Outcome outcome;
        private final List<Message<String>> sent = new ArrayList<>();

        RecordingEmitter(Outcome outcome) {
            this.outcome = outcome;
        }

        @Override
        public <M extends Message<? extends String>> void send(M message) {
            @SuppressWarnings("unchecked")
            Message<String> typed = (Message<String>) message;
            sent.add(typed);
            switch (outcome) {
                case ACK -> typed.ack();
                case NACK -> typed.nack(new IllegalStateException("broker unreachable"));
                case SILENCE -> { }
            }
        }

        @Override
        public CompletionStage<Void> send(String payload) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }
}
