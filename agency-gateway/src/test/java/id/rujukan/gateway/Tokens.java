package id.rujukan.gateway;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Tokens as Keycloak issues them to an agency's client or officer, signed with the key of the test OIDC
 * server (OidcWiremockTestResource), so the gateway checks them for real: signature, issuer, audience,
 * expiry.
 */
final class Tokens {

    static final String ISSUER = "https://server.example.com";
    static final String AUDIENCE = "https://service.example.com";

    private Tokens() {
    }

    /** An agency's system, with the client-credentials grant. */
    static String agency(String agencyId) {
        return token(agencyId, "service-account-" + agencyId, Set.of("agency-system"), ISSUER,
                Instant.now().plus(Duration.ofMinutes(5)));
    }

    static String user(String agencyId, String role) {
        return token(agencyId, role + "." + agencyId, Set.of(role), ISSUER, Instant.now().plus(Duration.ofMinutes(5)));
    }

    /** A user of the given user name, for a test that must not touch the officers other tests use. */
    static String named(String agencyId, String user, String role) {
        return token(agencyId, user, Set.of(role), ISSUER, Instant.now().plus(Duration.ofMinutes(5)));
    }

    static String expired(String agencyId) {
        return token(agencyId, "service-account-" + agencyId, Set.of("agency-system"), ISSUER,
                Instant.now().minus(Duration.ofMinutes(10)));
    }

    static String fromAnotherIssuer(String agencyId) {
        return token(agencyId, "service-account-" + agencyId, Set.of("agency-system"), "https://evil.example.com",
                Instant.now().plus(Duration.ofMinutes(5)));
    }

    private static String token(String agencyId, String user, Set<String> roles, String issuer, Instant expiresAt) {
        return Jwt.preferredUserName(user).groups(roles).claim("agency_id", agencyId).issuer(issuer)
                .audience(AUDIENCE).subject(user).issuedAt(expiresAt.minus(Duration.ofMinutes(5)))
                .expiresAt(expiresAt).jws().keyId("1").sign("privateKey.jwk");
    }
}
