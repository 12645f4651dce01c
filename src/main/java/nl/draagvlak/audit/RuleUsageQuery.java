package nl.draagvlak.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How often each rule fired in the stored decisions of a period: in how many decisions, and how
 * many times in all (a per-stakeholder rule fires once per stakeholder). Whole hours come from the
 * counts the writer keeps per hour; a period's partial first and last hour are read from each
 * decision's trace, in chunks of the chain's key, so neither store holds them in memory at once.
 */
public final class RuleUsageQuery {

    private static final int CHUNK = 1_000;

    /** One rule's use: decisions it fired in, and its firings. */
    public record Usage(long decisions, long firings) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    RuleUsageQuery(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * By rule id, for decisions from {@code from} (inclusive) to {@code to} (exclusive), on one version if
     * given: the whole UTC hours in between from the kept hourly counts ({@link HourlyRuleCounts}), the
     * partial hours at the two ends from the traces of their decisions.
     */
    public Map<String, Usage> usage(Instant from, Instant to, String rulesetVersion) {
        Map<String, long[]> counts = new TreeMap<>();
        long firstWhole = Math.floorDiv(from.getEpochSecond() + 3_599L, 3_600L);
        long endWhole = HourlyRuleCounts.utcHour(to);
        if (firstWhole >= endWhole) {
            fromTraces(from, to, rulesetVersion, counts);
        } else {
            fromTraces(from, Instant.ofEpochSecond(firstWhole * 3_600L), rulesetVersion, counts);
            HourlyRuleCounts.wholeHours(jdbc, firstWhole, endWhole, rulesetVersion, counts);
            fromTraces(Instant.ofEpochSecond(endWhole * 3_600L), to, rulesetVersion, counts);
        }
        Map<String, Usage> usage = new TreeMap<>();
        counts.forEach((ruleId, count) -> usage.put(ruleId, new Usage(count[0], count[1])));
        return usage;
    }

    private void fromTraces(Instant from, Instant to, String rulesetVersion, Map<String, long[]> counts) {
        if (!from.isBefore(to)) {
            return;
        }
        OffsetDateTime start = OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
        OffsetDateTime end = OffsetDateTime.ofInstant(to, ZoneOffset.UTC);
        Map<String, Object> bounds = jdbc.queryForMap(
                "SELECT MIN(seq) AS low, MAX(seq) AS high FROM audit_record WHERE decided_at >= ? AND decided_at < ?",
                start, end);
        if (bounds.get("low") == null) {
            return;
        }
        long after = ((Number) bounds.get("low")).longValue() - 1;
        long high = ((Number) bounds.get("high")).longValue();
        String sql = "SELECT seq, trace FROM audit_record WHERE seq > ? AND seq <= ? AND kind = 'DECISION'"
                + " AND decided_at >= ? AND decided_at < ?" + (rulesetVersion == null ? "" : " AND ruleset_version = ?")
                + " ORDER BY seq LIMIT " + CHUNK;
        while (after < high) {
            List<Object> arguments = new ArrayList<>(List.of(after, high, start, end));
            if (rulesetVersion != null) {
                arguments.add(rulesetVersion);
            }
            long[] last = {high};
            int[] rows = {0};
            jdbc.query(sql, (RowCallbackHandler) row -> {
                count(row.getString(2), counts);
                last[0] = row.getLong(1);
                rows[0]++;
            }, arguments.toArray());
            if (rows[0] < CHUNK) {
                break;
            }
            after = last[0];
        }
    }

    private void count(String trace, Map<String, long[]> counts) {
        if (trace == null) {
            return;
        }
        Set<String> inThisDecision = new HashSet<>();
        for (JsonNode entry : json.readTree(trace)) {
            String ruleId = entry.path("ruleId").asText();
            long[] count = counts.computeIfAbsent(ruleId, k -> new long[2]);
            count[1]++;
            if (inThisDecision.add(ruleId)) {
                count[0]++;
            }
        }
    }
}
