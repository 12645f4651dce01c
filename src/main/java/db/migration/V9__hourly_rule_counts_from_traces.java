package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import nl.draagvlak.audit.HourlyRuleCounts;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code audit_hourly_rule} (V8) for the decisions stored before it: what fired, and how often,
 * is read from each decision's trace, in chunks of the chain's key, so a large store is never held
 * in memory. Counted once; from here on the writer keeps the counts.
 */
public class V9__hourly_rule_counts_from_traces extends BaseJavaMigration {

    private static final int CHUNK = 1_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        HourlyRuleCounts.Tally tally = new HourlyRuleCounts.Tally();
        long after = 0;
        while (true) {
            int rows = 0;
            try (PreparedStatement select = connection.prepareStatement("SELECT seq, decided_at, ruleset_version, trace"
                    + " FROM audit_record WHERE kind = 'DECISION' AND seq > ? ORDER BY seq LIMIT " + CHUNK)) {
                select.setLong(1, after);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        after = row.getLong(1);
                        tally.addTrace(row.getObject(2, java.time.OffsetDateTime.class).toInstant(), row.getString(3),
                                row.getString(4));
                        rows++;
                    }
                }
            }
            if (rows < CHUNK) {
                break;
            }
        }
        tally.applyTo(connection, 1);
    }
}
