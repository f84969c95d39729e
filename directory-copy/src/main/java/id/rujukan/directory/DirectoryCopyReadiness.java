package id.rujukan.directory;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the directory copy has read the directory topic to its end: until then, an agency not
 * read yet would look unknown.
 */
@Readiness
@ApplicationScoped
public class DirectoryCopyReadiness implements HealthCheck {

    private final DirectoryCopy directory;

    public DirectoryCopyReadiness(DirectoryCopy directory) {
        this.directory = directory;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("agency-directory-copy").status(directory.caughtUp())
                .withData("agencies", directory.size()).build();
    }
}
