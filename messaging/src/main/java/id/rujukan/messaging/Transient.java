package id.rujukan.messaging;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a consumer's work until the database takes it. An outage (connection refused, the server shutting
 * down, a failover), a deadlock or a serialization failure is waited out and the work done again in a new
 * transaction, holding the partition meanwhile; the record is not sent to the dead-letter topic, where a
 * referral would be lost to the flow. Anything else (a record that is not a valid event, a referral naming
 * an unknown agency) fails at once, and the channel's dead-letter strategy moves it aside with its reason.
 */
public final class Transient {

    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));

    private Transient() {
    }

    /** Runs {@code work} in a new transaction, again and again while it fails for a transient reason. */
    public static void inTransaction(Runnable work) {
        call(() -> {
            QuarkusTransaction.requiringNew().run(work);
            return null;
        });
    }

    /** Calls {@code work} (which opens its own transaction) again and again while it fails transiently. */
    public static <T> T call(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                Duration wait = BACKOFF.after(attempt);
                Log.warnf("Attempt %d failed for a transient reason, again in %d ms: %s", attempt, wait.toMillis(),
                        rootMessage(e));
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * True if something in the cause chain says the database was away or the transaction lost a race:
     * JDBC's transient and recoverable exceptions, or an SQLSTATE of class 08 (connection), 40 (rolled back:
     * serialization failure, deadlock), 53 (insufficient resources) or 57P (shutting down, not yet accepting
     * connections).
     */
    public static boolean isTransient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                        || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
