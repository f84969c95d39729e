package id.rujukan.notification;

import id.rujukan.infra.testing.KafkaTestResource;
import id.rujukan.infra.testing.PostgresTestResource;
import id.rujukan.infra.testing.SmsTestResource;
import id.rujukan.infra.testing.SmtpTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Real Kafka, PostgreSQL, SMTP and SMS (an SMPP SMSC, an HTTP aggregator) for every test, started once and shared. */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(SmtpTestResource.class)
@QuarkusTestResource(SmsTestResource.class)
public class TestInfrastructure {
}
