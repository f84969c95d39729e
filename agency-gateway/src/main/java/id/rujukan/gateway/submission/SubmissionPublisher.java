package id.rujukan.gateway.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventTypes;
import id.rujukan.contract.ReferralActionRequested;
import id.rujukan.contract.ReferralSubmitted;
import id.rujukan.gateway.api.Problems;
import id.rujukan.messaging.CloudEventMessages;
import io.opentelemetry.context.Context;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
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
        send(submitted.referralId(), EventTypes.REFERRAL_SUBMITTED, submitted.referringAgencyId(),
                submitted.submittedAt(), submitted);
    }

    /** Publishes an agency's action on a referral, keyed by the referral so it follows the submission. */
    public void publish(ReferralActionRequested action) {
        send(action.referralId(), EventTypes.REFERRAL_ACTION_REQUESTED, action.agencyId(), action.requestedAt(),
                action);
    }

    private void send(String key, String type, String agencyId, Instant at, Object data) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        emitter.send(CloudEventMessages.of(null, key, UUID.randomUUID().toString(), type,
                CloudEventAttributes.SOURCE_AGENCY_GATEWAY, agencyId, at, toJson(type, data), Context.current(), acked));
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
        return Problems.unavailable("The request could not be recorded and was not taken. Try again shortly.");
    }

    private String toJson(String type, Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + type, e);
        }
    }
}
