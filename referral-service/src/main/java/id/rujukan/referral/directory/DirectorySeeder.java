package id.rujukan.referral.directory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rujukan.contract.AgencyPublished;
import id.rujukan.contract.CloudEventAttributes;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the agencies of the seed file that the directory does not have yet, then publishes the whole
 * directory on its compacted topic, so that a service whose copy was lost gets it back on our restart.
 */
@ApplicationScoped
public class DirectorySeeder {

    private static final long SEED_LOCK = 0x44495245435459L;

    private final ObjectMapper json;
    private final Directory directory;
    private final EntityManager entityManager;
    private final String seedFile;
    private final Clock clock;

    public DirectorySeeder(ObjectMapper json, Directory directory, EntityManager entityManager,
            @ConfigProperty(name = "rujukan.directory.seed-file") String seedFile, Clock clock) {
        this.json = json;
        this.directory = directory;
        this.entityManager = entityManager;
        this.seedFile = seedFile;
        this.clock = clock;
    }

    @Transactional
    void seedAndPublish(@Observes StartupEvent startup) {
        // replicas starting together take turns, so no agency is inserted twice
        entityManager.createNativeQuery("select pg_advisory_xact_lock(:key)").setParameter("key", SEED_LOCK)
                .getSingleResult();
        int added = 0;
        for (AgencyPublished record : readSeed()) {
            if (Agency.findById(record.agencyId()) == null) {
                Agency.from(record, clock.instant()).persist();
                added++;
            }
        }
        List<Agency> agencies = Agency.listAll();
        directory.publish(agencies, CloudEventAttributes.SYSTEM);
        Log.infof("Directory: %d agencies added from %s, %d published", added, seedFile, agencies.size());
    }

    private List<AgencyPublished> readSeed() {
        TypeReference<List<AgencyPublished>> type = new TypeReference<>() {
        };
        Path path = Path.of(seedFile);
        try (InputStream in = Files.exists(path) ? Files.newInputStream(path)
                : Thread.currentThread().getContextClassLoader().getResourceAsStream(seedFile)) {
            if (in == null) {
                throw new IllegalStateException("Seed file not found as a file or on the classpath: " + seedFile);
            }
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable seed file " + seedFile, e);
        }
    }
}
