package nl.draagvlak.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import nl.draagvlak.audit.JdbcRulesetHistory;
import nl.draagvlak.ruleset.ActiveRuleset;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node on the store's active ruleset version. On a connection of its own it listens for
 * the announcement every activation makes ({@code LISTEN}); after each announcement, and after
 * each poll interval without one (an announcement is lost while the connection is down, say), it
 * has the ruleset follow the store. A store that does not answer is reported, so the node is not
 * ready, and the connection is made again.
 */
final class StoreFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreFollower.class);

    private final DataSource dataSource;
    private final ActiveRuleset rulesets;
    private final Duration pollInterval;
    private final Thread thread;
    private volatile boolean running = true;

    StoreFollower(DataSource dataSource, ActiveRuleset rulesets, Duration pollInterval) {
        this.dataSource = dataSource;
        this.rulesets = rulesets;
        this.pollInterval = pollInterval;
        this.thread = new Thread(this::run, "ruleset-follower");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + JdbcRulesetHistory.CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                rulesets.follow(); // whatever was announced while this node was not listening
                while (running) {
                    notifications.getNotifications(Math.toIntExact(Math.max(1, pollInterval.toMillis())));
                    if (running) {
                        rulesets.follow();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Cannot follow the store's active ruleset ({}); trying again in {}", e.toString(),
                        pollInterval);
                rulesets.syncFailed("the store did not answer: " + e.getMessage());
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(Math.min(pollInterval.toMillis(), 1_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
