package nl.draagvlak.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads a sample of stored decisions, request and answer, to replay them on another ruleset. */
public final class DecisionSamples {

    /** One stored decision as it was asked and answered. */
    public record Sampled(String decisionId, String rulesetVersion, String requestBody, String responseBody) {
    }

    private static final String COLUMNS = "SELECT decision_id, ruleset_version, request_body, response_body"
            + " FROM audit_record WHERE kind = 'DECISION'";

    private final JdbcTemplate jdbc;

    DecisionSamples(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Over a store opened by the command line (no service running on it). */
    public static DecisionSamples over(DataSource dataSource) {
        return new DecisionSamples(new JdbcTemplate(dataSource));
    }

    /** The last {@code count} decisions, newest first. */
    public List<Sampled> last(int count) {
        return jdbc.query(COLUMNS + " ORDER BY seq DESC LIMIT ?", (row, n) -> new Sampled(row.getString(1),
                row.getString(2), row.getString(3), row.getString(4)), count);
    }

    /** The decisions made from {@code from} (inclusive) to {@code to} (exclusive), newest first, at most {@code limit}. */
    public List<Sampled> between(Instant from, Instant to, int limit) {
        return jdbc.query(COLUMNS + " AND decided_at >= ? AND decided_at < ? ORDER BY seq DESC LIMIT ?",
                (row, n) -> new Sampled(row.getString(1), row.getString(2), row.getString(3), row.getString(4)),
                OffsetDateTime.ofInstant(from, ZoneOffset.UTC), OffsetDateTime.ofInstant(to, ZoneOffset.UTC), limit);
    }
}
