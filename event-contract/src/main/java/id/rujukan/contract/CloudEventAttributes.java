package id.rujukan.contract;

/**
 * Names of the CloudEvents attributes Rujukan sets beyond the required ones. Events travel in binary
 * mode: attributes are Kafka headers ({@code ce_id}, {@code ce_type}, ...), the data is the JSON value.
 */
public final class CloudEventAttributes {

    /** Extension attribute: the agency whose action caused the event, or {@link #SYSTEM}. */
    public static final String AGENCY = "agencyid";
    /** Value of {@link #AGENCY} for events a service caused on its own (routing, timers). */
    public static final String SYSTEM = "system";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public static final String SOURCE_AGENCY_GATEWAY = "/rujukan/agency-gateway";
    public static final String SOURCE_REFERRAL_SERVICE = "/rujukan/referral-service";
    public static final String SOURCE_NOTIFICATION_SERVICE = "/rujukan/notification-service";

    private CloudEventAttributes() {
    }
}
