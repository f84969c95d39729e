package id.rujukan.messaging;

/**
 * An event read off Kafka and checked against the contract.
 *
 * @param id the CloudEvent id, unique per event
 * @param type the CloudEvent type
 * @param agencyId the agency whose action caused it, or {@code system}
 * @param data the data, valid against its type's constraints
 */
public record ReceivedEvent<T>(String id, String type, String agencyId, T data) {
}
