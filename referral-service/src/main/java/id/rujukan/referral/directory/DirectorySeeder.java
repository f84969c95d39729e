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
 * <p>
 * The seed's signing and grant keys are the public halves of the dev-only keys in {@code dev-keys/}, whose private halves
 * are in the repository for anyone to read: they are taken only where {@code rujukan.directory.seed-signing-keys}
 * says so (the local stack, the tests), never in production, where each agency's key is published by an operator.
 * Where they are taken, an agency the directory already has without any key of a kind gets the seed's (a local
 * directory made before events were signed, or before keys were granted).
 */
@ApplicationScoped
public class DirectorySeeder {

    private static final long SEED_LOCK = 0x44495245435459L;

    private final ObjectMapper json;
    private final Directory directory;
    private final EntityManager entityManager;
    private final String seedFile;
    private final Clock clock;
    private final boolean seedSigningKeys;

    public DirectorySeeder(ObjectMapper json, Directory directory, EntityManager entityManager,
            @ConfigProperty(name = "rujukan.directory.seed-file") String seedFile,
            @ConfigProperty(name = "rujukan.directory.seed-signing-keys", defaultValue = "false")
            boolean seedSigningKeys, Clock clock) {
        this.json = json;
        this.seedSigningKeys = seedSigningKeys;
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
        for (AgencyPublished seed : readSeed()) {
            AgencyPublished record = seedSigningKeys ? seed : seed.withSigningKeys(null).withGrantKeys(null);
            Agency known = Agency.findById(record.agencyId());
            if (known == null) {
                Agency.from(record, clock.instant()).persist();
                added++;
            } else if (seedSigningKeys && (known.signingKeys == null || known.signingKeys.isEmpty())) {
                known.signingKeys = record.signingKeys();
            }
            if (known != null && seedSigningKeys && (known.grantKeys == null || known.grantKeys.isEmpty())) {
                known.grantKeys = record.grantKeys();
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
