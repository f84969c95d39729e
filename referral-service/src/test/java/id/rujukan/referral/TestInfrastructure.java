package id.rujukan.referral;

import id.rujukan.infra.testing.KafkaTestResource;
import id.rujukan.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Real Kafka and PostgreSQL for every test of this service, and an OIDC server that checks operators' tokens for
 * real (discovery, keys, signature, issuer), started once and shared.
 */
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "referral"))
public class TestInfrastructure {
}
