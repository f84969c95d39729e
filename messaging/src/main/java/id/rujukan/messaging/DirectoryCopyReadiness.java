package id.rujukan.messaging;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the directory copy holds agencies: until then, every agency would look unknown. */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "rujukan.directory-copy", stringValue = "true")
public class DirectoryCopyReadiness implements HealthCheck {

    private final DirectoryCopy directory;

    public DirectoryCopyReadiness(DirectoryCopy directory) {
        this.directory = directory;
    }

    @Override
    public HealthCheckResponse call() {
        int agencies = directory.size();
        return HealthCheckResponse.named("agency-directory-copy").status(agencies > 0)
                .withData("agencies", agencies).build();
    }
}
