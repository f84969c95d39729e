package id.rujukan.referral.directory;

import id.rujukan.contract.AgencyType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The directory as routing, deadlines and escalation read it: every agency in memory (a few thousand at
 * most), read again from the table once it has changed. Routing read the table with a query per candidate
 * type for every referral; now it reads this. Whether the table changed is one small query at most once a
 * second, so a change made through any replica is seen within a second; an agency not found is looked for
 * again at once, so a new agency is never called unknown. The agencies are detached copies: change them
 * through {@link Directory}, never here.
 */
@ApplicationScoped
public class Agencies {

    private static final long CHECK_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    private record Snapshot(long count, Instant lastUpdate, Map<String, Agency> byId) {
    }

    private volatile Snapshot snapshot = new Snapshot(-1, null, Map.of());
    private volatile long checkedAt;
    /** This replica changed the directory: read it again whatever the version query says. */
    private volatile boolean stale;

    public Optional<Agency> byId(String agencyId) {
        if (agencyId == null) {
            return Optional.empty();
        }
        Agency agency = current(false).byId().get(agencyId);
        return agency != null ? Optional.of(agency) : Optional.ofNullable(current(true).byId().get(agencyId));
    }

    /** The agency's name, for the timeline; its id if the directory does not know it. */
    public String nameOf(String agencyId) {
        return byId(agencyId).map(agency -> agency.name).orElse(agencyId);
    }

    /** Every agency, by id. */
    public Collection<Agency> all() {
        return current(false).byId().values();
    }

    /** The agencies of this type that pass the test, by id. */
    public List<Agency> ofType(AgencyType type, Predicate<Agency> where) {
        return all().stream().filter(agency -> agency.type == type && where.test(agency))
                .sorted(Comparator.comparing(agency -> agency.id)).toList();
    }

    /** Called once this replica's change to the directory has committed: the next look reads it. */
    void changed() {
        stale = true;
    }

    private Snapshot current(boolean now) {
        if (!now && fresh()) {
            return snapshot;
        }
        synchronized (this) {
            if (!now && fresh()) {
                return snapshot; // another thread looked meanwhile
            }
            long at = System.nanoTime();
            Snapshot seen = stale ? new Snapshot(-1, null, Map.of()) : snapshot;
            stale = false;
            Snapshot read = QuarkusTransaction.requiringNew().call(() -> {
                Object[] version = Agency.getEntityManager()
                        .createQuery("select count(a), max(a.updatedAt) from Agency a", Object[].class)
                        .getSingleResult();
                long count = (Long) version[0];
                Instant lastUpdate = (Instant) version[1];
                if (count == seen.count() && Objects.equals(lastUpdate, seen.lastUpdate())) {
                    return seen;
                }
                Map<String, Agency> byId = new LinkedHashMap<>();
                Agency.<Agency>listAll().forEach(agency -> byId.put(agency.id, agency));
                return new Snapshot(count, lastUpdate, Map.copyOf(byId));
            });
            snapshot = read;
            checkedAt = at;
            return read;
        }
    }

    private boolean fresh() {
        return !stale && snapshot.count() >= 0 && System.nanoTime() - checkedAt < CHECK_EVERY_NANOS;
    }
}
