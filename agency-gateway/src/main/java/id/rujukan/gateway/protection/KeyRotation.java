package id.rujukan.gateway.protection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Master-key rotation: every case's data key still wrapped with a previous master key (or wrapped before keys
 * had ids) is unwrapped and wrapped again with the current one, a batch per transaction, by whichever replica
 * gets there ({@code SKIP LOCKED}). The data itself is never touched: only the keys that open it. The operator
 * rotates by making the new key {@code rujukan.protection.master-key} and the old one a
 * {@code previous-master-key}; once {@code rujukan_case_keys_to_rewrap} is 0, the old key can go.
 */
@ApplicationScoped
public class KeyRotation {

    static final int BATCH = 200;

    private final EntityManager entityManager;
    private final DataSealer sealer;
    private final MasterKeys masterKeys;
    private final AtomicLong toRewrap = new AtomicLong(-1);

    public KeyRotation(EntityManager entityManager, DataSealer sealer, MasterKeys masterKeys, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.sealer = sealer;
        this.masterKeys = masterKeys;
        Gauge.builder("rujukan.case.keys.to.rewrap", toRewrap, AtomicLong::get)
                .description("Case data keys not yet wrapped with the current master key (-1 until first counted)")
                .register(registry);
    }

    @Scheduled(every = "${rujukan.protection.rotation-every}", delayed = "${rujukan.protection.rotation-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        rewrapAll();
    }

    /** Re-wraps every key not wrapped with the current master key; returns how many it re-wrapped. */
    public int rewrapAll() {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::rewrapBatch);
            total += batch;
        } while (batch == BATCH);
        long left = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from case_key where wrapped_key is not null and master_key_id is distinct from :current")
                .setParameter("current", masterKeys.current().id()).getSingleResult()).longValue());
        toRewrap.set(left);
        if (total > 0) {
            Log.infof("Key rotation: %d case keys re-wrapped with master key %s; %d left", total,
                    masterKeys.current().id(), left);
        }
        return total;
    }

    @SuppressWarnings("unchecked")
    private int rewrapBatch() throws GeneralSecurityException {
        List<UUID> ids = entityManager.createNativeQuery("""
                select case_id from case_key where wrapped_key is not null and master_key_id is distinct from :current
                limit :batch for update skip locked""").setParameter("current", masterKeys.current().id())
                .setParameter("batch", BATCH).getResultList();
        for (UUID id : ids) {
            CaseKey key = CaseKey.findById(id);
            sealer.wrap(key, sealer.unwrap(key));
        }
        return ids.size();
    }
}
