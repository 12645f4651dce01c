package nl.draagvlak.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
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

    private static final int CHUNK = 1_000;
    private static final String CHUNK_QUERY = """
            SELECT seq, kind, decision_id, decided_at, ruleset_version, verdict, idempotency_key, request_hash,
                   request_body, response_body, trace, timings, caller, payload, prev_hash, hash
            FROM audit_record WHERE seq > ? ORDER BY seq LIMIT ?""";

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
        // The head is read before the walk: decisions committed while it runs extend the chain
        // beyond it, which is fine; a chain that ends before it lost records at the end.
        Head storedHead = storedHead();
        Walk walk = new Walk(purgeAnchors(), storedHead.sequence());
        long after = Long.MIN_VALUE;
        while (walk.broken == null) {
            // In chunks of the key: each a short index range read, so neither store materialises the
            // whole chain (H2 would copy it to a temporary file first, PostgreSQL's driver into memory).
            long[] lastRead = {after};
            int[] rows = {0};
            jdbc.query(CHUNK_QUERY, (RowCallbackHandler) row -> {
                walk.processRow(row);
                lastRead[0] = row.getLong(1);
                rows[0]++;
            }, after, CHUNK);
            if (rows[0] < CHUNK) {
                break;
            }
            after = lastRead[0];
        }
        Broken broken = walk.broken;
        Head head = walk.lastSeq == 0 ? null : new Head(walk.lastSeq, walk.lastHash);
        if (broken == null) {
            broken = checkStoredHead(storedHead, walk);
        }
        if (broken == null && exportedHead != null) {
            broken = checkExportedHead(exportedHead, walk);
        }
        return new Result(broken == null, walk.checked, broken, head);
    }

    private Head storedHead() {
        Map<String, Object> stored = jdbc.queryForMap("SELECT seq, hash FROM audit_chain_head WHERE id = 1");
        return new Head(((Number) stored.get("seq")).longValue(), (String) stored.get("hash"));
    }

    private static Broken checkStoredHead(Head stored, Walk walk) {
        if (stored.sequence() > walk.lastSeq) {
            return new Broken(walk.lastSeq + 1, null, "the chain head says sequence " + stored.sequence()
                    + " but the last record is " + walk.lastSeq + ": records were removed from the end");
        }
        if (stored.sequence() > 0 && !stored.hash().equals(walk.hashAtStoredHead)) {
            return new Broken(stored.sequence(), null, "the record at the chain head has another hash than the head");
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

    private static final class Walk {
        private final Map<Long, String> purgeAnchors;
        private final long storedHeadSeq;
        private String hashAtStoredHead;
        private long checked;
        private long lastSeq;
        private String lastHash;
        private Broken broken;

        Walk(Map<Long, String> purgeAnchors, long storedHeadSeq) {
            this.purgeAnchors = purgeAnchors;
            this.storedHeadSeq = storedHeadSeq;
        }

        void processRow(ResultSet row) throws SQLException {
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
            if (seq == storedHeadSeq) {
                hashAtStoredHead = hash;
            }
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
