package id.rujukan.gateway.identity;

/**
 * Realm roles of the Rujukan realm (k8s/base/keycloak/rujukan-realm.json), carried in the token's
 * {@code groups} claim.
 */
public final class Roles {

    /** An agency's own system, with the client-credentials grant. */
    public static final String AGENCY_SYSTEM = "agency-system";
    public static final String OFFICER = "officer";
    public static final String SUPERVISOR = "supervisor";
    public static final String HEAD = "head";
    /** Manages the agency's settings: webhooks, its audit trail. */
    public static final String AGENCY_ADMIN = "agency-admin";

    private Roles() {
    }
}
