package id.rujukan.referral;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Tokens as Keycloak issues them, signed with the key of the test OIDC server (OidcWiremockTestResource), so the
 * service checks them for real: signature, issuer, audience, expiry, roles.
 */
final class Tokens {

    private Tokens() {
    }

    /** An operator who keeps the directory. */
    static String operator() {
        return token("operator.rujukan", Set.of("directory-admin"));
    }

    /** A gateway, asking for reports and routing previews for its agencies' people. */
    static String gateway() {
        return token("service-account-rujukan-gateway-service", Set.of("gateway-service"));
    }

    /** An agency's own gateway, acting for these agencies alone (its client's hard-coded claim). */
    static String ownGateway(String... agencies) {
        Instant now = Instant.now();
        return Jwt.preferredUserName("service-account-gateway-" + agencies[0]).groups(Set.of("gateway-service"))
                .claim("rujukan_agencies", List.of(agencies)).issuer("https://server.example.com")
                .audience("https://service.example.com").subject("gateway-" + agencies[0]).issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(5))).jws().keyId("1").sign("privateKey.jwk");
    }

    /** An agency's own system, or one of its officers: no say over the directory. */
    static String agency(String role) {
        return token(role + ".dinsos-1608", Set.of(role));
    }

    /** An operator's token made for another service (the gateway's audience): not for this one. */
    static String operatorForAnotherService() {
        return token("operator.rujukan", Set.of("directory-admin"), "rujukan-gateway");
    }

    private static String token(String user, Set<String> roles) {
        return token(user, roles, "https://service.example.com");
    }

    private static String token(String user, Set<String> roles, String audience) {
        Instant now = Instant.now();
        return Jwt.preferredUserName(user).groups(roles).issuer("https://server.example.com")
                .audience(audience).subject(user).issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(5))).jws().keyId("1").sign("privateKey.jwk");
    }
}
