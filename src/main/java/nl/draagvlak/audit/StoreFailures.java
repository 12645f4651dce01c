package nl.draagvlak.audit;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Tells a store that cannot be reached or refuses work right now (retry later: a 503) from a
 * fault of the service itself, such as bad SQL or a broken schema (a 500, which no retry
 * fixes). Only the first kind may be answered "try again"; the second must be seen and fixed.
 */
public final class StoreFailures {

    /**
     * SQLSTATE classes and codes of a store that is unreachable or refusing: connection
     * exceptions, insufficient resources (disk full, out of memory, too many connections),
     * operator intervention (shutdown, cannot connect now), transaction rollback
     * (serialization failure, deadlock), a read-only standby, lock and query timeouts, and H2's
     * own codes for a database that closed itself or cannot reach its files.
     */
    private static final Set<String> UNAVAILABLE_CLASSES = Set.of("08", "53", "40");
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "57014", "55P03",
            "25006", "HYT00", "HYT01",
            "90098", "90121", "90028", "90031", "90020");
    /** H2's codes for a database that is closed or lost its files: a connection that saw one is dead. */
    private static final Set<String> H2_DEAD_CONNECTION_STATES = Set.of("90098", "90121", "90028", "90031");
    private static final int MAX_DEPTH = 20;

    private StoreFailures() {
    }

    /** Whether the failure means the store is unreachable or refusing work now, so that a retry later may succeed. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause : causes(failure)) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof IOException) {
                return true;
            }
            if (cause instanceof SQLException sql && unavailableState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the connection that raised the failure can no longer be used: the link to the
     * store is gone, or the embedded database closed itself (H2 does when it cannot write, e.g.
     * on a full disk, and its connections then keep failing although they look valid).
     */
    static boolean connectionIsDead(SQLException failure) {
        for (Throwable cause : causes(failure)) {
            if (cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException
                    || cause instanceof IOException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || H2_DEAD_CONNECTION_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The exception for a request whose store work failed: {@link AuditUnavailableException} (503,
     * retry later) when the store is unavailable, otherwise {@link AuditStoreFailureException} (500).
     */
    public static RuntimeException forRequest(String what, Throwable failure) {
        String message = what + ": " + failure.getMessage();
        return isUnavailable(failure) ? new AuditUnavailableException(message, failure)
                : new AuditStoreFailureException(message, failure);
    }

    private static boolean unavailableState(String state) {
        return state != null && state.length() == 5
                && (UNAVAILABLE_CLASSES.contains(state.substring(0, 2)) || UNAVAILABLE_STATES.contains(state));
    }

    /** The failure, its causes and the SQL exceptions chained to any of them, each once. */
    private static Iterable<Throwable> causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Throwable> pending = new ArrayDeque<>();
        List<Throwable> found = new ArrayList<>();
        if (failure != null) {
            pending.add(failure);
        }
        while (!pending.isEmpty() && found.size() < MAX_DEPTH) {
            Throwable next = pending.poll();
            if (!seen.add(next)) {
                continue;
            }
            found.add(next);
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            if (next instanceof SQLException sql && sql.getNextException() != null) {
                pending.add(sql.getNextException());
            }
        }
        return found;
    }
}
