package id.rujukan.gateway.evidence;

import id.rujukan.contract.EventSignatures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The hashes of the evidence log, the same for the sealer that writes them and for whoever verifies them: SHA-256
 * over the fields length-prefixed as signatures cover them ({@link EventSignatures#lengthPrefixed}), so that no two
 * different entries give the same bytes. Times are whole microseconds since the epoch, as PostgreSQL keeps them.
 */
final class EvidenceHashes {

    /** What the first block follows. */
    static final String GENESIS = "0".repeat(64);

    private EvidenceHashes() {
    }

    /** An entry as stored. */
    record Entry(long id, long xact, Instant recordedAt, String direction, String eventId, String type, String source,
            String agencyId, String subject, Instant occurredAt, String dataSha256, String signingKey,
            String signature) {

        String hash() {
            return sha256(Long.toString(id), Long.toString(xact), micros(recordedAt), direction, eventId, type, source,
                    agencyId, subject, micros(occurredAt), dataSha256, signingKey, signature);
        }
    }

    /** A block as stored. */
    record Block(long index, Instant sealedAt, long upToXact, List<Long> entryIds, List<String> entryHashes,
            String previousHash, String blockHash) {

        String expectedHash() {
            return sha256(Long.toString(index), micros(sealedAt), Long.toString(upToXact),
                    String.join(",", entryIds.stream().map(String::valueOf).toList()), String.join(",", entryHashes),
                    previousHash);
        }
    }

    /** The hex SHA-256 of an event's data as it travelled. */
    static String ofData(String data) {
        return HexFormat.of().formatHex(digest().digest(data.getBytes(StandardCharsets.UTF_8)));
    }

    static String micros(Instant at) {
        return at == null ? null : Long.toString(Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L),
                at.getNano() / 1_000));
    }

    private static String sha256(String... fields) {
        return HexFormat.of().formatHex(digest().digest(EventSignatures.lengthPrefixed(fields)));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
