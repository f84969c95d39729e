package id.rujukan.gateway.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.gateway.api.Problems;
import id.rujukan.messaging.CloudEventMessages;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes submissions to the intake topic and waits until Kafka has acknowledged them
 * ({@code acks=all}, idempotent producer): an agency is told "accepted" only once the referral cannot be
 * lost.
 */
@ApplicationScoped
public class SubmissionPublisher {

    private final Emitter<String> emitter;
    private final ObjectMapper json;
    private final Duration ackTimeout;

    public SubmissionPublisher(@Channel("referral-intake") Emitter<String> emitter, ObjectMapper json,
            @ConfigProperty(name = "rujukan.intake.ack-timeout", defaultValue = "10s") Duration ackTimeout) {
        this.emitter = emitter;
        this.json = json;
        this.ackTimeout = ackTimeout;
    }

    /**
     * @throws HttpProblem 503 with {@code Retry-After} if Kafka did not acknowledge in time: nothing was
     *         accepted and the agency may retry
     */
    public void publish(ReferralSubmitted submitted) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        emitter.send(CloudEventMessages.of(null, submitted.referralId(), UUID.randomUUID().toString(),
                EventTypes.REFERRAL_SUBMITTED, CloudEventAttributes.SOURCE_AGENCY_GATEWAY,
                submitted.referringAgencyId(), submitted.submittedAt(), toJson(submitted), acked));
        try {
            acked.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable(e);
        }
    }

    private static HttpProblem unavailable(Exception cause) {
        Log.warnf("A submission was not acknowledged by Kafka and was refused: %s", cause.toString());
        return Problems.unavailable("The referral could not be recorded and was not submitted. Try again shortly.");
    }

    private String toJson(ReferralSubmitted submitted) {
        try {
            return json.writeValueAsString(submitted);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + EventTypes.REFERRAL_SUBMITTED, e);
        }
    }
}
