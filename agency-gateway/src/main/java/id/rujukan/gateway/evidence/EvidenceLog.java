package id.rujukan.gateway.evidence;

import id.rujukan.messaging.EventLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.List;
import org.hibernate.Session;

/**
 * The gateway's evidence log: each event it sends (from its outbox) and each it receives and applies (the
 * directory's records too), added in the transaction that sends or applies it, so that the log holds exactly what
 * happened. {@link EvidenceSealer} chains
 * the entries; {@link EvidenceVerification} checks the chain.
 */
@ApplicationScoped
public class EvidenceLog implements EventLog {

    private final EntityManager entityManager;

    public EvidenceLog(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * In the caller's transaction where there is one (the outbox's, a consumer's batch); a directory record, which the
     * gateway keeps in memory rather than in a transaction, gets one of its own.
     */
    @Override
    @Transactional
    public void record(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into evidence_entry (direction, event_id, type, source, agency_id, subject, occurred_at,
                        data_sha256, signing_key, signature)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (direction, event_id) do nothing""")) {
                for (Entry entry : entries) {
                    insert.setString(1, entry.direction().name());
                    insert.setString(2, entry.eventId());
                    insert.setString(3, entry.type());
                    insert.setString(4, entry.source());
                    insert.setString(5, entry.agencyId());
                    insert.setString(6, entry.subject());
                    insert.setTimestamp(7, entry.occurredAt() == null ? null : Timestamp.from(entry.occurredAt()));
                    insert.setString(8, EvidenceHashes.ofData(entry.data()));
                    insert.setString(9, entry.signingKey());
                    insert.setString(10, entry.signature());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
