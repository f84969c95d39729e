package id.rujukan.messaging;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The one way a service claims due rows for work (escalation steps, alerts to send, webhook pushes): a native
 * select locked with {@code FOR UPDATE OF} its table {@code SKIP LOCKED}, in the caller's transaction. Another
 * replica, or another worker of this one, passes over the rows it holds instead of waiting for them, so no row
 * is worked twice at once and no claimer queues behind another. The caller then leases what it claimed (moves
 * its next attempt on) in the same transaction, so the claim outlives the lock.
 */
public final class DueRows {

    private DueRows() {
    }

    /**
     * @param select a native select without a locking clause, its order and limit included
     * @param alias the alias of the table whose rows are claimed: only they are locked, not the rows joined
     */
    @SuppressWarnings("unchecked")
    public static List<Tuple> claim(EntityManager entityManager, String select, String alias,
            Map<String, ?> parameters) {
        Query query = entityManager.createNativeQuery(select + "\nfor update of " + alias + " skip locked",
                Tuple.class);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /** A timestamp column of a claimed row, whichever Java type the driver read it as. */
    public static Instant instant(Tuple row, String column) {
        Object value = row.get(column);
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }
}
