package dev.anneal.worker.run;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Retries a database call while PostgreSQL is briefly unreachable (restarting, failing over, a
 * dropped connection), so that a trial in the middle of training keeps going instead of being
 * abandoned and run again from scratch. Only connection-class failures are retried; anything
 * else is a real error and surfaces at once.
 */
public final class DatabaseRetry {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRetry.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(200);
    private static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final Duration budget;

    public DatabaseRetry(Duration budget) {
        this.budget = budget;
    }

    public <T> T call(String what, Supplier<T> action) {
        long deadline = System.nanoTime() + budget.toNanos();
        Duration wait = FIRST_WAIT;
        while (true) {
            try {
                return action.get();
            } catch (DataAccessException e) {
                if (!isConnectionFailure(e) || System.nanoTime() + wait.toNanos() > deadline) {
                    throw e;
                }
                log.warn("Database unreachable while trying to {}; retrying in {}: {}", what, wait, e.getMessage());
                sleep(wait);
                wait = wait.multipliedBy(2).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait.multipliedBy(2);
            }
        }
    }

    /**
     * SQLState class 08 (connection exception) and 57P01-57P03 (the server shutting down,
     * crashing or not yet accepting connections) mean "try again soon"; so does a pool that
     * could not hand out a connection.
     */
    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
                    || t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P0")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
