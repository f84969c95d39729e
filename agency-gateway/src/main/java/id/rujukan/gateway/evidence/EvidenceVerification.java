package id.rujukan.gateway.evidence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies a gateway's evidence log end to end, from its database alone: every block follows the one before it and
 * is as sealed, every entry a block names is there and unchanged, and no entry was added into a range already
 * sealed. It stops at the first entry or block that fails and names it. Plain JDBC, no application: run it with
 * {@link VerifyEvidence} against the gateway's database, or a copy of it.
 */
public final class EvidenceVerification {

    /** Where the log fails: the block, and the entry if it is one entry that fails. */
    public record Failure(long blockIndex, Long entryId, String eventId, String problem) {

        @Override
        public String toString() {
            return "block " + blockIndex + (entryId == null ? "" : ", entry " + entryId)
                    + (eventId == null ? "" : " (event " + eventId + ")") + ": " + problem;
        }
    }

    /**
     * @param blocks the blocks verified
     * @param entries the entries they seal
     * @param unsealed entries not yet in a block (written since the last seal, or in transactions still open then)
     * @param failure the first failure, in the log's order; empty if the log verifies
     */
    public record Result(long blocks, long entries, long unsealed, Optional<Failure> failure) {
    }

    private EvidenceVerification() {
    }

    public static Result verify(Connection connection) throws SQLException {
        long blocks = 0;
        long entries = 0;
        String previousHash = EvidenceHashes.GENESIS;
        long previousUpTo = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "select * from evidence_block order by block_index")) {
            select.setFetchSize(100);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // the driver fetches in pages only inside a transaction
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    EvidenceHashes.Block block = block(rows);
                    Optional<Failure> failure = verify(connection, block, blocks + 1, previousHash, previousUpTo);
                    if (failure.isPresent()) {
                        return new Result(blocks, entries, unsealed(connection, previousUpTo), failure);
                    }
                    blocks++;
                    entries += block.entryIds().size();
                    previousHash = block.blockHash();
                    previousUpTo = block.upToXact();
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(autoCommit);
            }
        }
        return new Result(blocks, entries, unsealed(connection, previousUpTo), Optional.empty());
    }

    private static Optional<Failure> verify(Connection connection, EvidenceHashes.Block block, long expectedIndex,
            String previousHash, long previousUpTo) throws SQLException {
        if (block.index() != expectedIndex) {
            return Optional.of(new Failure(expectedIndex, null, null, "the block is missing (the next is "
                    + block.index() + ")"));
        }
        if (!block.previousHash().equals(previousHash)) {
            return Optional.of(new Failure(block.index(), null, null,
                    "does not follow the block before it (its previous hash differs)"));
        }
        if (!block.expectedHash().equals(block.blockHash()) || block.entryIds().size() != block.entryHashes().size()) {
            return Optional.of(new Failure(block.index(), null, null, "the block was altered after it was sealed"));
        }
        if (block.upToXact() < previousUpTo) {
            return Optional.of(new Failure(block.index(), null, null, "seals a range before the previous block's"));
        }
        Map<Long, EvidenceHashes.Entry> stored = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("select * from evidence_entry where id = any(?)")) {
            select.setArray(1, connection.createArrayOf("bigint", block.entryIds().toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    EvidenceHashes.Entry entry = entry(rows);
                    stored.put(entry.id(), entry);
                }
            }
        }
        for (int i = 0; i < block.entryIds().size(); i++) {
            long id = block.entryIds().get(i);
            EvidenceHashes.Entry entry = stored.get(id);
            if (entry == null) {
                return Optional.of(new Failure(block.index(), id, null, "the entry is missing"));
            }
            if (!entry.hash().equals(block.entryHashes().get(i))) {
                return Optional.of(new Failure(block.index(), id, entry.eventId(),
                        "the entry was altered after it was sealed"));
            }
            if (entry.xact() < previousUpTo || entry.xact() >= block.upToXact()) {
                return Optional.of(new Failure(block.index(), id, entry.eventId(),
                        "the entry is outside the range its block seals"));
            }
        }
        // an entry in the range this block seals that the block does not name was put there afterwards
        try (PreparedStatement select = connection.prepareStatement("""
                select id, event_id from evidence_entry where xact >= ? and xact < ? and id <> all(?)
                order by xact, id limit 1""")) {
            select.setLong(1, previousUpTo);
            select.setLong(2, block.upToXact());
            select.setArray(3, connection.createArrayOf("bigint", block.entryIds().toArray()));
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    return Optional.of(new Failure(block.index(), rows.getLong(1), rows.getString(2),
                            "the entry was added to a range already sealed"));
                }
            }
        }
        return Optional.empty();
    }

    private static long unsealed(Connection connection, long upTo) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "select count(*) from evidence_entry where xact >= ?")) {
            count.setLong(1, upTo);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** The last block sealed, if any. */
    static Optional<EvidenceHashes.Block> lastBlock(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select * from evidence_block order by block_index desc limit 1");
                ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(block(rows)) : Optional.empty();
        }
    }

    static EvidenceHashes.Entry entry(ResultSet row) throws SQLException {
        return new EvidenceHashes.Entry(row.getLong("id"), row.getLong("xact"), instant(row, "recorded_at"),
                row.getString("direction"), row.getString("event_id"), row.getString("type"), row.getString("source"),
                row.getString("agency_id"), row.getString("subject"), instant(row, "occurred_at"),
                row.getString("data_sha256"), row.getString("signing_key"), row.getString("signature"));
    }

    private static EvidenceHashes.Block block(ResultSet row) throws SQLException {
        return new EvidenceHashes.Block(row.getLong("block_index"), instant(row, "sealed_at"), row.getLong("up_to_xact"),
                longs(row.getArray("entry_ids")), strings(row.getArray("entry_hashes")), row.getString("previous_hash"),
                row.getString("block_hash"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static List<Long> longs(Array array) throws SQLException {
        return new ArrayList<>(Arrays.asList((Long[]) array.getArray()));
    }

    private static List<String> strings(Array array) throws SQLException {
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
