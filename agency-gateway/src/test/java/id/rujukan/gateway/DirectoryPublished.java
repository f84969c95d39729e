package id.rujukan.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.directory.DirectoryCopy;
import id.rujukan.infra.testing.KafkaTestResource;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Before every test of this module, the agencies the tests use are in the gateway's directory copy, published as
 * referral-service would: once per start of the application (each test profile starts its own), so no test leans
 * on another having published them first.
 */
public class DirectoryPublished implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        DirectoryCopy copy = Arc.container().instance(DirectoryCopy.class).get();
        if (copy.agency("kemensos").isPresent() && copy.caughtUp()) {
            return;
        }
        try {
            Directory.publish(KafkaTestResource.client(), Arc.container().instance(ObjectMapper.class).get(), copy);
        } catch (Exception e) {
            throw new IllegalStateException("The test agencies could not be published", e);
        }
    }
}
