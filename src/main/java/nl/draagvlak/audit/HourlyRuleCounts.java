package nl.draagvlak.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per UTC hour, ruleset version and rule: in how many decisions the rule fired and how often in all
 * (table {@code audit_hourly_rule}, V8; V9 counts the records stored before it). Kept like
 * {@link DailyVerdictCounts}, under the chain head's lock: the writer adds each batch, the retention
 * purge takes off what it deletes. So the rules page over a month of a million decisions sums the
 * month's hourly rows (at most 24 a day per rule that fired) and reads the traces of two partial
 * hours, instead of every trace of the month.
 */
public final class HourlyRuleCounts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HourlyRuleCounts() {
    }

    /** Counts being gathered: per day, version and rule, decisions and firings. */
    public static final class Tally {

        private final Map<Key, long[]> counts = new TreeMap<>();

        /** One decision, its rules in firing order (a rule once per firing). */
        void addFirings(Instant decidedAt, String rulesetVersion, List<String> ruleIds) {
            long hour = utcHour(decidedAt);
            Set<String> inThisDecision = new HashSet<>();
            for (String ruleId : ruleIds) {
                long[] count = counts.computeIfAbsent(new Key(hour, rulesetVersion, ruleId), k -> new long[2]);
                count[1]++;
                if (inThisDecision.add(ruleId)) {
                    count[0]++;
                }
            }
        }

        /** One decision as stored: its rules read from its trace. */
        public void addTrace(Instant decidedAt, String rulesetVersion, String traceJson) {
            if (traceJson == null || rulesetVersion == null) {
                return;
            }
            List<String> ruleIds = new java.util.ArrayList<>();
            for (JsonNode entry : JSON.readTree(traceJson)) {
                ruleIds.add(entry.path("ruleId").asString());
            }
            addFirings(decidedAt, rulesetVersion, ruleIds);
        }

        /**
         * Adds the tally to the table ({@code sign} 1), or takes it off ({@code -1}): updates, then
         * inserts for what no row held yet, each as one JDBC batch (one round trip to PostgreSQL for a
         * commit's rules, as the single writer waits for each).
         */
        public void applyTo(Connection connection, int sign) throws SQLException {
            if (counts.isEmpty()) {
                return;
            }
            List<Map.Entry<Key, long[]>> entries = new java.util.ArrayList<>(counts.entrySet());
            try (PreparedStatement update = connection.prepareStatement("UPDATE audit_hourly_rule SET decisions ="
                    + " decisions + ?, firings = firings + ? WHERE utc_hour = ? AND ruleset_version = ? AND rule_id = ?")) {
                for (Map.Entry<Key, long[]> count : entries) {
                    Key key = count.getKey();
                    update.setLong(1, sign * count.getValue()[0]);
                    update.setLong(2, sign * count.getValue()[1]);
                    update.setLong(3, key.hour());
                    update.setString(4, key.version());
                    update.setString(5, key.ruleId());
                    update.addBatch();
                }
                int[] updated = CountBatches.updateCounts(update.executeBatch(), entries.size());
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_hourly_rule (utc_hour,"
                        + " ruleset_version, rule_id, decisions, firings) VALUES (?, ?, ?, ?, ?)")) {
                    boolean any = false;
                    for (int i = 0; i < updated.length; i++) {
                        if (updated[i] == 0) {
                            Key key = entries.get(i).getKey();
                            insert.setLong(1, key.hour());
                            insert.setString(2, key.version());
                            insert.setString(3, key.ruleId());
                            insert.setLong(4, sign * entries.get(i).getValue()[0]);
                            insert.setLong(5, sign * entries.get(i).getValue()[1]);
                            insert.addBatch();
                            any = true;
                        }
                    }
                    if (any) {
                        insert.executeBatch();
                    }
                }
            }
        }
    }

    /** Adds decisions; called with the chain head locked, in the transaction that stores them. */
    static void add(Connection connection, List<DecisionRecord> decisions) throws SQLException {
        Tally tally = new Tally();
        for (DecisionRecord decision : decisions) {
            tally.addFirings(decision.decidedAt(), decision.rulesetVersion(), decision.ruleIds());
        }
        tally.applyTo(connection, 1);
    }

    /** Takes off the decisions with sequence numbers {@code first..through}, before they are deleted. */
    static void subtract(Connection connection, long first, long through) throws SQLException {
        Tally tally = new Tally();
        try (PreparedStatement select = connection.prepareStatement("SELECT decided_at, ruleset_version, trace"
                + " FROM audit_record WHERE kind = 'DECISION' AND seq BETWEEN ? AND ?")) {
            select.setLong(1, first);
            select.setLong(2, through);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    tally.addTrace(row.getObject(1, OffsetDateTime.class).toInstant(), row.getString(2), row.getString(3));
                }
            }
        }
        tally.applyTo(connection, -1);
    }

    /** The UTC hour number of an instant, as the table counts it. */
    static long utcHour(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 3_600L);
    }

    /** Decisions and firings per rule in the whole hours {@code firstHour} (inclusive) to {@code endHour} (exclusive). */
    static void wholeHours(JdbcTemplate jdbc, long firstHour, long endHour, String rulesetVersion,
                          Map<String, long[]> counts) {
        String sql = "SELECT rule_id, SUM(decisions), SUM(firings) FROM audit_hourly_rule WHERE utc_hour >= ? AND utc_hour < ?"
                + (rulesetVersion == null ? "" : " AND ruleset_version = ?") + " GROUP BY rule_id";
        Object[] arguments = rulesetVersion == null ? new Object[] {firstHour, endHour}
                : new Object[] {firstHour, endHour, rulesetVersion};
        jdbc.query(sql, rows -> {
            long decisions = rows.getLong(2);
            long firings = rows.getLong(3);
            if (decisions > 0 || firings > 0) {
                long[] count = counts.computeIfAbsent(rows.getString(1), k -> new long[2]);
                count[0] += decisions;
                count[1] += firings;
            }
        }, arguments);
    }

    private record Key(long hour, String version, String ruleId) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int c = Long.compare(hour, other.hour);
            if (c == 0) {
                c = version.compareTo(other.version);
            }
            return c != 0 ? c : ruleId.compareTo(other.ruleId);
        }
    }
}
