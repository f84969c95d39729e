package id.rujukan.messaging;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import org.hibernate.Session;

/**
 * The one way a service runs a hand-written insert, update or delete (consumed-event marks, timeline and audit rows,
 * read-model upserts, queues): a prepared statement on the transaction's own connection, with positional
 * parameters. A profile of the benchmark found Hibernate's native-query layer (parsing the SQL and its named
 * parameters, resolving each value's type) cost four times the JDBC call it wraps; written this way, the
 * statement is the driver's cached prepared one and nothing else.
 * <p>
 * Entities and reads stay with Hibernate. Unlike a Hibernate native query, these statements do not flush the
 * persistence context first: entity changes made earlier in the transaction reach the database at the commit, so
 * a statement here must not depend on them (none of today's does).
 */
public final class Writes {

    private Writes() {
    }

    /**
     * Runs an insert, update or delete in the caller's transaction.
     *
     * @param sql with {@code ?} for each value, in order
     * @param values {@link Instant}s are written as timestamps, enums by name, a {@code long[]} as a bigint array
     *     (for {@code = any(?)}: one statement whatever the number of ids), {@code null} as SQL null
     * @return the number of rows it changed
     */
    public static int update(EntityManager entityManager, String sql, Object... values) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(connection, statement, values);
                return statement.executeUpdate();
            }
        });
    }

    private static void bind(Connection connection, PreparedStatement statement, Object[] values)
            throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (value instanceof Instant instant) {
                statement.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (value instanceof long[] numbers) {
                statement.setArray(i + 1, connection.createArrayOf("bigint",
                        Arrays.stream(numbers).boxed().toArray()));
            } else if (value instanceof Enum<?> constant) {
                statement.setString(i + 1, constant.name());
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
