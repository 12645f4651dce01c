package nl.draagvlak.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks the hash chain in sequence order and recomputes every hash. The first record must follow
 * the genesis hash, or the head of a purged segment that a later PURGE record vouches for. Against
 * an exported head ({@code seq:hash}) it also proves that no record up to it was removed from the end.
 */
public final class ChainVerifier {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    ChainVerifier(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record Broken(long sequence, String decisionId, String reason) {
    }

    public record Head(long sequence, String hash) {
    }

    public record Result(boolean valid, long checked, Broken firstBroken, Head head) {
    }

    public Result verify(Head exportedHead) {
        Map<Long, String> purgeAnchors = purgeAnchors();
        Walk walk = new Walk(purgeAnchors);
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            // PostgreSQL's driver honours the fetch size only inside a transaction: with autocommit on it
            // reads the whole chain into memory before the first row (about 14 GB at 10^6 typical
            // decisions, docs/audit-scale.md). So the walk runs in a transaction of its own, unless the
            // caller already has one.
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT seq, kind, decision_id, decided_at, ruleset_version, verdict, idempotency_key, request_hash,
                           request_body, response_body, trace, timings, caller, payload, prev_hash, hash
                    FROM audit_record ORDER BY seq""")) {
                statement.setFetchSize(500);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        walk.processRow(rows);
                    }
                }
            } finally {
                if (autoCommit) {
                    connection.rollback(); // it only read
                    connection.setAutoCommit(true);
                }
            }
            return null;
        });
        Broken broken = walk.broken;
        Head head = walk.lastSeq == 0 ? null : new Head(walk.lastSeq, walk.lastHash);
        if (broken == null) {
            broken = checkStoredHead(walk);
        }
        if (broken == null && exportedHead != null) {
            broken = checkExportedHead(exportedHead, walk);
        }
        return new Result(broken == null, walk.checked, broken, head);
    }

    private Broken checkStoredHead(Walk walk) {
        Map<String, Object> stored = jdbc.queryForMap("SELECT seq, hash FROM audit_chain_head WHERE id = 1");
        long seq = ((Number) stored.get("seq")).longValue();
        if (seq != walk.lastSeq || (seq > 0 && !stored.get("hash").equals(walk.lastHash))) {
            return new Broken(walk.lastSeq + 1, null, "the chain head says sequence " + seq
                    + " but the last record is " + walk.lastSeq + ": records were removed from the end");
        }
        return null;
    }

    private Broken checkExportedHead(Head exported, Walk walk) {
        if (exported.sequence() > walk.lastSeq) {
            return new Broken(walk.lastSeq + 1, null, "the exported head is sequence " + exported.sequence()
                    + " but the chain ends at " + walk.lastSeq + ": records were removed from the end");
        }
        String hash = jdbc.query("SELECT hash FROM audit_record WHERE seq = ?",
                (row, n) -> row.getString(1), exported.sequence()).stream().findFirst().orElse(null);
        if (hash == null) {
            return new Broken(exported.sequence(), null, "the exported head's record is gone (purged or removed)");
        }
        if (!hash.equals(exported.hash())) {
            return new Broken(exported.sequence(), null, "the record at the exported head has another hash");
        }
        return null;
    }

    /** For each purge record: the sequence it purged through, and that record's hash. */
    private Map<Long, String> purgeAnchors() {
        Map<Long, String> anchors = new HashMap<>();
        jdbc.query("SELECT payload FROM audit_record WHERE kind = 'PURGE'", (RowCallbackHandler) row -> {
            JsonNode through = json.readTree(row.getString(1)).path("purgedThrough");
            anchors.put(through.path("sequence").asLong(), through.path("hash").asText());
        });
        return anchors;
    }

    private static final class Walk implements RowCallbackHandler {
        private final Map<Long, String> purgeAnchors;
        private long checked;
        private long lastSeq;
        private String lastHash;
        private Broken broken;

        Walk(Map<Long, String> purgeAnchors) {
            this.purgeAnchors = purgeAnchors;
        }

        @Override
        public void processRow(ResultSet row) throws SQLException {
            if (broken != null) {
                return;
            }
            long seq = row.getLong(1);
            String decisionId = row.getString(3);
            String prevHash = row.getString(15);
            String expectedPrev = expectedPrevious(seq);
            if (expectedPrev == null) {
                broken = new Broken(seq, decisionId, lastHash == null
                        ? "records before sequence " + seq + " are missing and no purge record accounts for them"
                        : "sequence gap: record " + (lastSeq + 1) + " to " + (seq - 1) + " missing");
                return;
            }
            if (!expectedPrev.equals(prevHash)) {
                broken = new Broken(seq, decisionId, "does not follow the record before it (previous hash differs)");
                return;
            }
            ChainRecord record = new ChainRecord(seq, row.getString(2), decisionId,
                    row.getObject(4, OffsetDateTime.class).toInstant(), row.getString(5), row.getString(6),
                    row.getString(7), row.getString(8), row.getString(9), row.getString(10), row.getString(11),
                    row.getString(12), row.getString(13), row.getString(14));
            String hash = record.hash(prevHash);
            if (!hash.equals(row.getString(16))) {
                broken = new Broken(seq, decisionId, "the record's content does not match its hash (altered)");
                return;
            }
            checked++;
            lastSeq = seq;
            lastHash = hash;
        }

        private String expectedPrevious(long seq) {
            if (lastHash != null) {
                return seq == lastSeq + 1 ? lastHash : null;
            }
            if (seq == 1) {
                return ChainRecord.GENESIS_HASH;
            }
            return purgeAnchors.get(seq - 1);
        }
    }
}
