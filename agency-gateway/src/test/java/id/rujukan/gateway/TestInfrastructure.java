package id.rujukan.gateway;

import id.rujukan.infra.testing.KafkaTestResource;
import id.rujukan.infra.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Real Kafka and PostgreSQL for every test of this service, started once and shared. */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
public class TestInfrastructure {
}
