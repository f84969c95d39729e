package id.rujukan.gateway.identity;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the agency their token names (claim {@code agency_id}, set by Keycloak for each
 * agency's client and officer) and the client or user acting for it.
 */
@RequestScoped
public class Caller {

    public static final String AGENCY_CLAIM = "agency_id";

    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public Caller(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    /** Whether the caller may act on behalf of an agency's officers: a supervisor, a head, or the agency's system. */
    public boolean actsForOthers() {
        return identity.hasRole(Roles.SUPERVISOR) || identity.hasRole(Roles.HEAD)
                || identity.hasRole(Roles.AGENCY_SYSTEM);
    }

    /** @throws ForbiddenException if the token names no agency */
    public String agencyId() {
        Object agency = token.getClaim(AGENCY_CLAIM);
        if (agency == null || agency.toString().isBlank()) {
            throw new ForbiddenException("the token names no agency (claim " + AGENCY_CLAIM + ")");
        }
        return agency.toString();
    }

    /** The acting client or user, as an id: the user name, else the client id, else the subject. */
    public String actor() {
        for (String claim : new String[] {"preferred_username", "azp", "client_id", "sub"}) {
            Object value = token.getClaim(claim);
            if (value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        return "unknown";
    }
}
