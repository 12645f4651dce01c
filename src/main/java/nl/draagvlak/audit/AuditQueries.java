package nl.draagvlak.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the audit trail: one decision by id, and keyset-paged searches, newest first. */
public final class AuditQueries {

    private static final String DECISION_COLUMNS = """
            r.seq, r.decision_id, r.decided_at, r.ruleset_version, r.verdict, r.request_body, r.response_body,
            r.trace, r.timings, r.caller, r.hash""";

    private final JdbcTemplate jdbc;

    AuditQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredDecision> byId(String decisionId) {
        return jdbc.query("SELECT " + DECISION_COLUMNS + " FROM audit_record r WHERE r.decision_id = ?",
                AuditQueries::decision, decisionId).stream().findFirst();
    }

    /** One page of summaries (request, response and trace left out), newest first. */
    public List<StoredDecision> search(DecisionSearch search) {
        List<Object> arguments = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT r.seq, r.decision_id, r.decided_at, r.ruleset_version,"
                + " r.verdict, NULL, NULL, NULL, NULL, r.caller, r.hash ");
        // The ORDER BY names the column the filter fixes before seq, so that it matches an index's
        // columns: H2 then reads that index backwards and stops at the page's end, where with seq
        // alone it fetches every matching row and sorts them (seconds at 10^6 records, see
        // docs/audit-scale.md). The order of the rows is the same, newest first.
        String order;
        if (search.ruleId() != null) {
            // Driven by the (rule_id, seq) key: the newest decisions where the rule fired come first.
            sql.append("FROM audit_rule_fired f JOIN audit_record r ON r.seq = f.seq WHERE f.rule_id = ?");
            arguments.add(search.ruleId());
            appendRange(sql, arguments, "f", search);
            order = " ORDER BY f.rule_id DESC, f.seq DESC";
        } else {
            sql.append("FROM audit_record r WHERE r.kind = 'DECISION'");
            appendRange(sql, arguments, "r", search);
            if (search.verdict() != null) {
                order = " ORDER BY r.verdict DESC, r.seq DESC"; // audit_record_verdict (verdict, seq)
            } else if (search.rulesetVersion() != null) {
                order = " ORDER BY r.ruleset_version DESC, r.seq DESC"; // audit_record_ruleset (ruleset_version, seq)
            } else if (search.caller() != null) {
                order = " ORDER BY r.caller DESC, r.seq DESC"; // audit_record_caller (caller, seq)
            } else {
                order = " ORDER BY r.seq DESC";
            }
        }
        if (search.verdict() != null) {
            sql.append(" AND r.verdict = ?");
            arguments.add(search.verdict());
        }
        if (search.rulesetVersion() != null) {
            sql.append(" AND r.ruleset_version = ?");
            arguments.add(search.rulesetVersion());
        }
        if (search.caller() != null) {
            sql.append(" AND r.caller = ?");
            arguments.add(search.caller());
        }
        sql.append(order).append(" LIMIT ?");
        arguments.add(search.limit());
        return jdbc.query(sql.toString(), AuditQueries::decision, arguments.toArray());
    }

    /** How many decisions of one verdict were made on one day (UTC). */
    public record DailyCount(LocalDate day, String verdict, long decisions) {
    }

    /** Decisions per day (UTC) and verdict, from {@code from} (inclusive) to {@code to} (exclusive), by day. */
    public List<DailyCount> dailyVerdicts(Instant from, Instant to) {
        return DailyVerdictCounts.between(jdbc, from, to);
    }

    private static void appendRange(StringBuilder sql, List<Object> arguments, String table, DecisionSearch search) {
        if (search.from() != null) {
            sql.append(" AND ").append(table).append(".decided_at >= ?");
            arguments.add(OffsetDateTime.ofInstant(search.from(), ZoneOffset.UTC));
        }
        if (search.to() != null) {
            sql.append(" AND ").append(table).append(".decided_at < ?");
            arguments.add(OffsetDateTime.ofInstant(search.to(), ZoneOffset.UTC));
        }
        if (search.beforeSequence() != null) {
            sql.append(" AND ").append(table).append(".seq < ?");
            arguments.add(search.beforeSequence());
        }
    }

    private static StoredDecision decision(ResultSet row, int n) throws SQLException {
        return new StoredDecision(row.getLong(1), row.getString(2), row.getObject(3, OffsetDateTime.class).toInstant(),
                row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                row.getString(9), row.getString(10), row.getString(11));
    }
}
