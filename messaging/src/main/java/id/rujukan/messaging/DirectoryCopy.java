package id.rujukan.messaging;

import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.EventTypes;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * This service's copy of the agency directory, read from the compacted directory topic from the start
 * at every boot (each instance reads with a group of its own). referral-service owns the directory; the
 * services that only read it turn this on with the build property {@code rujukan.directory-copy=true}.
 */
@ApplicationScoped
@IfBuildProperty(name = "rujukan.directory-copy", stringValue = "true")
public class DirectoryCopy {

    private final EventReader reader;
    private final Map<String, AgencyPublished> agencies = new ConcurrentHashMap<>();

    public DirectoryCopy(EventReader reader) {
        this.reader = reader;
    }

    @Incoming("agency-directory")
    public void consume(String payload, IncomingCloudEventMetadata<String> cloudEvent) {
        AgencyPublished agency = reader.read(payload, cloudEvent, AgencyPublished.class,
                Set.of(EventTypes.AGENCY_PUBLISHED)).data();
        agencies.put(agency.agencyId(), agency);
    }

    public Optional<AgencyPublished> agency(String agencyId) {
        return Optional.ofNullable(agencyId).map(agencies::get);
    }

    /** How many agencies the copy holds; none until the topic has been read. */
    public int size() {
        return agencies.size();
    }
}
