package nl.draagvlak.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Decisions per UTC day and verdict (table {@code audit_daily_verdict}, V8). Whoever holds the chain
 * head's lock changes it: the writer adds each batch's decisions in the batch's transaction, the
 * retention purge takes off what it deletes. So the counts are exactly those of the stored records,
 * on every node, and a chart over a year of a million decisions reads a few hundred rows.
 */
final class DailyVerdictCounts {

    /** The UTC day number of an instant, as the store computes it (V8). */
    static long utcDay(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 86_400L);
    }

    private static final String EXACT = "SELECT utc_day, verdict, COUNT(*) FROM (SELECT CAST(FLOOR(EXTRACT(EPOCH FROM"
            + " decided_at) / 86400) AS BIGINT) AS utc_day, verdict FROM audit_record WHERE kind = 'DECISION'"
            + " AND decided_at >= ? AND decided_at < ?) d GROUP BY utc_day, verdict";

    private DailyVerdictCounts() {
    }

    /** Adds decisions to their days; called with the chain head locked, in the transaction that stores them. */
    static void add(Connection connection, List<DecisionRecord> decisions) throws SQLException {
        Map<Key, Long> counts = new TreeMap<>();
        for (DecisionRecord decision : decisions) {
            counts.merge(new Key(utcDay(decision.decidedAt()), decision.verdict()), 1L, Long::sum);
        }
        change(connection, counts);
    }

    /** Takes off the decisions with sequence numbers {@code first..through}, before they are deleted. */
    static void subtract(Connection connection, long first, long through) throws SQLException {
        Map<Key, Long> counts = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT utc_day, verdict, COUNT(*) FROM (SELECT"
                + " CAST(FLOOR(EXTRACT(EPOCH FROM decided_at) / 86400) AS BIGINT) AS utc_day, verdict FROM audit_record"
                + " WHERE kind = 'DECISION' AND seq BETWEEN ? AND ?) d GROUP BY utc_day, verdict")) {
            select.setLong(1, first);
            select.setLong(2, through);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(new Key(rows.getLong(1), rows.getString(2)), -rows.getLong(3));
                }
            }
        }
        change(connection, counts);
    }

    // Update, else insert: the head's lock is held, so no other writer can insert the same day meanwhile.
    // Each as one JDBC batch: one round trip to PostgreSQL for all of a commit's days and verdicts,
    // not one per row, as the single writer waits for each.
    private static void change(Connection connection, Map<Key, Long> counts) throws SQLException {
        if (counts.isEmpty()) {
            return;
        }
        List<Map.Entry<Key, Long>> entries = new ArrayList<>(counts.entrySet());
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE audit_daily_verdict SET decisions = decisions + ? WHERE utc_day = ? AND verdict = ?")) {
            for (Map.Entry<Key, Long> count : entries) {
                update.setLong(1, count.getValue());
                update.setLong(2, count.getKey().day());
                update.setString(3, count.getKey().verdict());
                update.addBatch();
            }
            int[] updated = CountBatches.updateCounts(update.executeBatch(), entries.size());
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO audit_daily_verdict (utc_day, verdict, decisions) VALUES (?, ?, ?)")) {
                boolean any = false;
                for (int i = 0; i < updated.length; i++) {
                    if (updated[i] == 0) {
                        insert.setLong(1, entries.get(i).getKey().day());
                        insert.setString(2, entries.get(i).getKey().verdict());
                        insert.setLong(3, entries.get(i).getValue());
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

    /**
     * Decisions per day and verdict from {@code from} (inclusive) to {@code to} (exclusive): the whole
     * days in between from the counts, the two partial days at the ends counted from the records.
     */
    static List<AuditQueries.DailyCount> between(JdbcTemplate jdbc, Instant from, Instant to) {
        Map<Key, Long> counts = new TreeMap<>();
        long firstWhole = Math.floorDiv(from.getEpochSecond() + 86_399L, 86_400L);  // the first day starting at or after from
        long endWhole = utcDay(to);                                                  // the day to falls in
        if (firstWhole >= endWhole) {
            exact(jdbc, from, to, counts);
        } else {
            exact(jdbc, from, Instant.ofEpochSecond(firstWhole * 86_400L), counts);
            jdbc.query("SELECT utc_day, verdict, decisions FROM audit_daily_verdict WHERE utc_day >= ? AND utc_day < ?"
                    + " AND decisions > 0", rows -> {
                        counts.merge(new Key(rows.getLong(1), rows.getString(2)), rows.getLong(3), Long::sum);
                    }, firstWhole, endWhole);
            exact(jdbc, Instant.ofEpochSecond(endWhole * 86_400L), to, counts);
        }
        List<AuditQueries.DailyCount> days = new ArrayList<>();
        counts.forEach((key, n) -> days.add(new AuditQueries.DailyCount(LocalDate.ofEpochDay(key.day()), key.verdict(), n)));
        return days;
    }

    private static void exact(JdbcTemplate jdbc, Instant from, Instant to, Map<Key, Long> counts) {
        if (!from.isBefore(to)) {
            return;
        }
        jdbc.query(EXACT, rows -> {
            counts.merge(new Key(rows.getLong(1), rows.getString(2)), rows.getLong(3), Long::sum);
        }, OffsetDateTime.ofInstant(from, ZoneOffset.UTC), OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
    }

    private record Key(long day, String verdict) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byDay = Long.compare(day, other.day);
            return byDay != 0 ? byDay : verdict.compareTo(other.verdict);
        }
    }
}
