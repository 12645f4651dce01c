package nl.draagvlak.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the audit store can commit a write right now (for a readiness probe). It asks the store
 * itself instead of remembering the last commit: a service that is not ready gets no requests,
 * so only a fresh write can tell that the store (e.g. a disk that was full) works again.
 */
public final class StoreWritability {

    private static final Logger log = LoggerFactory.getLogger(StoreWritability.class);
    /** Rewrites the chain head with its own values: a committed write that changes nothing. */
    static final String PROBE = "UPDATE audit_chain_head SET seq = seq WHERE id = 1";

    private final DataSource dataSource;
    private final Duration timeout;

    StoreWritability(DataSource dataSource, Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    /** Commits a write that changes nothing; false if the store cannot be reached or cannot write. */
    public boolean canWrite() {
        try (Connection connection = dataSource.getConnection(); Statement probe = connection.createStatement()) {
            connection.setAutoCommit(true);
            probe.setQueryTimeout(Math.max(1, (int) timeout.toSeconds()));
            return probe.executeUpdate(PROBE) == 1;
        } catch (SQLException | RuntimeException e) {
            log.debug("The audit store cannot write: {}", e.getMessage());
            return false;
        }
    }
}
