package id.rujukan.gateway.evidence;

import id.rujukan.messaging.Transient;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Seals the evidence log's new entries into a block every second: the block names each entry with its hash and
 * carries the hash of the block before it, so that changing, removing or slipping in an entry afterwards breaks
 * the chain at that entry ({@link EvidenceVerification}).
 *
 * <p>A block takes the entries of every transaction that has ended since the last block (by PostgreSQL's oldest
 * running transaction), never those of one still open: an entry committed later cannot land in a sealed range.
 * Replicas seal one at a time (a transaction-scoped advisory lock); the others skip the round.
 */
@ApplicationScoped
public class EvidenceSealer {

    /** The advisory lock the sealers of one database take turns on. */
    private static final long LOCK = 0x5275_6a75_6b61_6e45L;
    /** Entries per block at most, so that a seal after an outage stays a short transaction. */
    private static final int MAX_ENTRIES = 5_000;

    private final EntityManager entityManager;
    private final Clock clock;

    public EvidenceSealer(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Scheduled(every = "${rujukan.evidence.seal-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sealAll() {
        try {
            while (QuarkusTransaction.requiringNew().call(
                    () -> entityManager.unwrap(Session.class).doReturningWork(this::sealBlock))) {
                // the block was full: more entries are waiting
            }
        } catch (RuntimeException e) {
            if (!Transient.isTransient(e)) {
                throw e;
            }
            // the database is away: the entries wait, and the next round seals them
            Log.warnf("Evidence log not sealed this round, the database is unavailable: %s", e.getMessage());
        }
    }

    /** Seals the next block, if there are entries to seal; returns whether more are waiting. */
    private boolean sealBlock(Connection connection) throws SQLException {
        if (!bool(connection, "select pg_try_advisory_xact_lock(" + LOCK + ")")) {
            return false;
        }
        EvidenceHashes.Block last = EvidenceVerification.lastBlock(connection).orElse(null);
        long from = last == null ? 0 : last.upToXact();
        long horizon = number(connection, "select pg_snapshot_xmin(pg_current_snapshot())::text::bigint");
        List<EvidenceHashes.Entry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select * from evidence_entry where xact >= ? and xact < ? order by xact, id limit ?""")) {
            select.setLong(1, from);
            select.setLong(2, horizon);
            select.setInt(3, MAX_ENTRIES + 1);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(EvidenceVerification.entry(rows));
                }
            }
        }
        if (entries.isEmpty()) {
            return false;
        }
        long upTo = horizon;
        if (entries.size() > MAX_ENTRIES) {
            // cut between transactions: the last one's entries go whole into the next block
            upTo = entries.get(MAX_ENTRIES).xact();
            long cut = upTo;
            entries.removeIf(entry -> entry.xact() >= cut);
            if (entries.isEmpty()) {
                sealOneTransaction(connection, last, cut);
                return true;
            }
            insert(connection, last, upTo, entries);
            return true;
        }
        insert(connection, last, upTo, entries);
        return false;
    }

    /** A transaction that wrote more entries than a block holds gets a block of its own, however large. */
    private void sealOneTransaction(Connection connection, EvidenceHashes.Block last, long xact) throws SQLException {
        List<EvidenceHashes.Entry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select * from evidence_entry where xact = ? order by id")) {
            select.setLong(1, xact);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(EvidenceVerification.entry(rows));
                }
            }
        }
        insert(connection, last, xact + 1, entries);
    }

    private void insert(Connection connection, EvidenceHashes.Block last, long upTo, List<EvidenceHashes.Entry> entries)
            throws SQLException {
        EvidenceHashes.Block block = new EvidenceHashes.Block(last == null ? 1 : last.index() + 1,
                clock.instant().truncatedTo(ChronoUnit.MICROS), upTo,
                entries.stream().map(EvidenceHashes.Entry::id).toList(),
                entries.stream().map(EvidenceHashes.Entry::hash).toList(),
                last == null ? EvidenceHashes.GENESIS : last.blockHash(), null);
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into evidence_block (block_index, sealed_at, up_to_xact, entry_ids, entry_hashes,
                    previous_hash, block_hash)
                values (?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, block.index());
            insert.setTimestamp(2, Timestamp.from(block.sealedAt()));
            insert.setLong(3, block.upToXact());
            insert.setArray(4, connection.createArrayOf("bigint", block.entryIds().toArray()));
            insert.setArray(5, connection.createArrayOf("text", block.entryHashes().toArray()));
            insert.setString(6, block.previousHash());
            insert.setString(7, block.expectedHash());
            insert.executeUpdate();
        }
    }

    private static boolean bool(Connection connection, String query) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(query); ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    private static long number(Connection connection, String query) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(query); ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
