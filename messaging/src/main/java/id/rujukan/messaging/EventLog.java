package id.rujukan.messaging;

import java.time.Instant;
import java.util.List;

/**
 * Evidence of the events a service sent and received, written in the same transaction as what sent or applied them:
 * an agency's gateway keeps one, so that the agency can later prove what it was told and what it said, and when. A
 * service without one keeps none.
 */
public interface EventLog {

    enum Direction {
        SENT, RECEIVED
    }

    /**
     * One event as it travelled, with its data's digest rather than the data (which may hold a child's sealed
     * details, and is erased with the case).
     *
     * @param signingKey the id of the key that signed it, or {@code null} if it came unsigned
     */
    record Entry(Direction direction, String eventId, String type, String source, String agencyId, String subject,
            Instant occurredAt, String data, String signingKey, String signature) {
    }

    /** Records the entries, in the caller's transaction if it has one; an event recorded before is kept once. */
    void record(List<Entry> entries);
}
