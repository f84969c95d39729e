package id.rujukan.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.CloudEventAttributes;
import id.rujukan.contract.EventSignatures;
import id.rujukan.contract.EventTypes;
import id.rujukan.messaging.signing.SignatureCheck;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a CloudEvent's JSON data into its contract type and checks it. Anything that is not a valid
 * event of an expected type is refused with an {@link InvalidEventException} naming the reason, which a
 * channel with the dead-letter failure strategy records as the {@code dead-letter-reason} header.
 */
@ApplicationScoped
public class EventReader {

    private final ObjectMapper json;
    private final Validator validator;
    private final SignatureCheck signatures;
    private final Instance<EventLog> logs;

    public EventReader(ObjectMapper json, Validator validator, SignatureCheck signatures, Instance<EventLog> logs) {
        this.json = json;
        this.validator = validator;
        this.signatures = signatures;
        this.logs = logs;
    }

    /**
     * @param expectedTypes the CloudEvent types the caller handles; all must share {@code dataType}
     */
    public <T> ReceivedEvent<T> read(String payload, IncomingCloudEventMetadata<?> cloudEvent, Class<T> dataType,
            Set<String> expectedTypes) {
        if (cloudEvent == null || cloudEvent.getId() == null || cloudEvent.getType() == null) {
            throw new InvalidEventException("not a CloudEvent: ce_id or ce_type header missing");
        }
        if (!expectedTypes.contains(cloudEvent.getType())) {
            throw new InvalidEventException("unexpected event type " + cloudEvent.getType());
        }
        if (EventTypes.DATA.get(cloudEvent.getType()) != dataType) {
            throw new IllegalStateException(cloudEvent.getType() + " does not carry " + dataType.getSimpleName());
        }
        if (payload == null || payload.isBlank()) {
            throw new InvalidEventException(cloudEvent.getType() + " " + cloudEvent.getId() + " has no data");
        }
        T data;
        try {
            data = json.readValue(payload, dataType);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(cloudEvent.getType() + " " + cloudEvent.getId() + " is unreadable: "
                    + e.getOriginalMessage());
        }
        if (data == null) {
            throw new InvalidEventException(cloudEvent.getType() + " " + cloudEvent.getId() + " has null data");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(cloudEvent.getType() + " " + cloudEvent.getId() + " is invalid: "
                    + violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                            .collect(Collectors.joining("; ")));
        }
        String agency = cloudEvent.getExtension(CloudEventAttributes.AGENCY).map(Object::toString)
                .orElse(CloudEventAttributes.SYSTEM);
        String source = cloudEvent.getSource() == null ? null : cloudEvent.getSource().toString();
        Instant occurredAt = cloudEvent.getTimeStamp().map(time -> time.toInstant()).orElse(null);
        String keyId = cloudEvent.getExtension(EventSignatures.KEY).map(Object::toString).orElse(null);
        String signature = cloudEvent.getExtension(EventSignatures.SIGNATURE).map(Object::toString).orElse(null);
        String subject = cloudEvent.getSubject().orElse(null);
        // before anything is done with it: an event not signed by its signer changes nothing
        signatures.verify(cloudEvent.getType(), agency, occurredAt, EventSignatures.signedBytes(cloudEvent.getId(),
                cloudEvent.getType(), source, agency, subject, payload), keyId, signature);
        if (logs.isResolvable()) {
            // in the transaction that applies it: the log holds what was applied, once
            logs.get().record(List.of(new EventLog.Entry(EventLog.Direction.RECEIVED, cloudEvent.getId(),
                    cloudEvent.getType(), source, agency, subject, occurredAt, payload, keyId, signature)));
        }
        return new ReceivedEvent<>(cloudEvent.getId(), cloudEvent.getType(), agency, data);
    }
}
