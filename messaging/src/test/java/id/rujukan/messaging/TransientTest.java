package id.rujukan.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

class TransientTest {

    /** As Hibernate reports PostgreSQL refusing connections (SQLSTATE 08001) while it is stopped. */
    private static RuntimeException databaseAway() {
        return new JDBCConnectionException("Unable to acquire JDBC Connection",
                new SQLException("Connection to 127.0.0.1:15432 refused", "08001"));
    }

    @Test
    void anOutageARaceOrAShutdownIsTransientABadRecordIsNot() {
        assertThat(Transient.isTransient(databaseAway())).isTrue();
        assertThat(Transient.isTransient(new PersistenceException("commit failed",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(Transient.isTransient(new PersistenceException(new SQLException("deadlock detected", "40P01"))))
                .isTrue();
        assertThat(Transient.isTransient(new ConstraintViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505"), "pk"))).isFalse();
        assertThat(Transient.isTransient(new InvalidEventException("not a referral.submitted.v1"))).isFalse();
        assertThat(Transient.isTransient(new IllegalArgumentException("Unknown referring agency x"))).isFalse();
    }

    @Test
    void theWorkIsDoneAgainUntilTheDatabaseIsBack() {
        AtomicInteger attempts = new AtomicInteger();
        String result = Transient.call(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw databaseAway();
            }
            return "queued";
        });
        assertThat(result).isEqualTo("queued");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aRecordThatCannotBeProcessedFailsAtOnceForTheDeadLetterTopic() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> Transient.call(() -> {
            attempts.incrementAndGet();
            throw new InvalidEventException("unreadable");
        })).isInstanceOf(InvalidEventException.class);
        assertThat(attempts).hasValue(1);
    }
}
