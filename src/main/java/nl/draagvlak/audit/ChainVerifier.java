package nl.draagvlak.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks the hash chain in sequence order and recomputes every hash. The first record must follow
 * the genesis hash, or the head of a purged segment that a later PURGE record vouches for. Against
 * an exported head ({@code seq:hash}) it also proves that no record up to it was removed from the end.
 *
 * <p>Every walk reads one snapshot of the store, so a decision or a purge that commits while it
 * runs can neither look like a gap nor like a cut end: the result describes the chain as it was
 * when the walk began. A full walk that finds the chain valid signs its head off, and a later walk
 * {@code since} that head (or one the caller kept) checks only the records after it.
 */
public final class ChainVerifier {

    private static final int CHUNK = 1_000;
    private static final String CHUNK_QUERY = """
            SELECT seq, kind, decision_id, decided_at, ruleset_version, verdict, idempotency_key, request_hash,
                   request_body, response_body, trace, timings, caller, payload, prev_hash, hash
            FROM audit_record WHERE seq > ? ORDER BY seq LIMIT ?""";
    private static final Progress NO_PROGRESS = (checked, total) -> { };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final int chunk;
    private final SignedOffHeads signedOff;
    private volatile TransactionTemplate snapshots;

    ChainVerifier(JdbcTemplate jdbc, JsonMapper json) {
        this(jdbc, json, CHUNK);
    }

    /** With another chunk size, so that tests can run a walk of many chunks over few records. */
    ChainVerifier(JdbcTemplate jdbc, JsonMapper json, int chunk) {
        this.jdbc = jdbc;
        this.json = json;
        this.chunk = chunk;
        this.signedOff = new SignedOffHeads(jdbc);
    }

    /** Told after every chunk of a walk how many records it has checked, of how many in its snapshot. */
    public interface Progress {
        void checked(long checked, long total);
    }

    public record Broken(long sequence, String decisionId, String reason) {
    }

    public record Head(long sequence, String hash) {
    }

    /** {@code since} is the head the walk started after; null when it walked the whole chain. */
    public record Result(boolean valid, long checked, Broken firstBroken, Head head, Head since) {
    }

    /**
     * What one record's place in the chain says without a walk: whether its stored hash is its
     * recomputed hash, whether it follows the record before it and the record after it follows it
     * (null when it is the last), and the newest head a full walk signed off (the record is covered
     * by that walk when its sequence is at most the head's).
     */
    public record RecordCheck(long sequence, boolean hashMatches, boolean followsPrevious, Boolean nextFollows,
                              Head lastSignedOff) {

        public boolean intact() {
            return hashMatches && followsPrevious && !Boolean.FALSE.equals(nextFollows);
        }

        public boolean coveredBySignOff() {
            return lastSignedOff != null && sequence <= lastSignedOff.sequence();
        }
    }

    /** Checks the record with this sequence and its links to its neighbours; empty when there is none. */
    public java.util.Optional<RecordCheck> checkRecord(long sequence) {
        return inSnapshot(() -> jdbc.query(CHUNK_QUERY, (row, n) -> {
            ChainRecord record = new ChainRecord(row.getLong(1), row.getString(2), row.getString(3),
                    row.getObject(4, OffsetDateTime.class).toInstant(), row.getString(5), row.getString(6),
                    row.getString(7), row.getString(8), row.getString(9), row.getString(10), row.getString(11),
                    row.getString(12), row.getString(13), row.getString(14));
            String prevHash = row.getString(15);
            String hash = row.getString(16);
            String before = hashAt(sequence - 1);
            boolean follows = before != null ? before.equals(prevHash) : sequence == 1
                    ? ChainRecord.GENESIS_HASH.equals(prevHash) : purgeAnchors().containsValue(prevHash);
            List<String> next = jdbc.query("SELECT prev_hash FROM audit_record WHERE seq = ?",
                    (r, i) -> r.getString(1), sequence + 1);
            Boolean nextFollows = next.isEmpty() ? null : hash.equals(next.get(0));
            return new RecordCheck(sequence, record.hash(prevHash).equals(hash), follows, nextFollows,
                    signedOff.latest().orElse(null));
        }, sequence - 1, 1).stream().filter(check -> check.sequence() == sequence).findFirst());
    }

    /** Walks the whole chain. */
    public Result verify(Head exportedHead) {
        return verify(exportedHead, NO_PROGRESS);
    }

    /** Walks the whole chain, telling {@code progress} how far it has come; a valid chain's head is signed off. */
    public Result verify(Head exportedHead, Progress progress) {
        Result result = inSnapshot(() -> walk(null, exportedHead, progress));
        if (result.valid() && result.head() != null) {
            signedOff.signOff(result.head(), result.checked());
        }
        return result;
    }

    /**
     * Checks only the records after {@code since}, a head of this chain (kept from an earlier verify):
     * that its record still has its hash, and that every record after it follows.
     *
     * @throws UnknownHeadException when the chain has no record with that sequence and hash
     */
    public Result verifySince(Head since, Head exportedHead) {
        return inSnapshot(() -> walk(since, exportedHead, NO_PROGRESS));
    }

    /** {@link #verifySince} the newest head a full walk signed off. */
    public Result verifySinceLastSignOff(Head exportedHead) {
        Head since = signedOff.latest().orElseThrow(() -> new UnknownHeadException(
                "no full verify has signed off a head of this chain yet"));
        return verifySince(since, exportedHead);
    }

    private Result walk(Head since, Head exported, Progress progress) {
        Head storedHead = storedHead();
        Walk walk;
        long total;
        long after;
        if (since == null) {
            walk = new Walk(purgeAnchors(), storedHead);
            total = jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class);
            after = Long.MIN_VALUE;
        } else {
            requireInChain(since);
            walk = Walk.after(since, storedHead);
            total = jdbc.queryForObject("SELECT COUNT(*) FROM audit_record WHERE seq > ?", Long.class,
                    since.sequence());
            after = since.sequence();
        }
        while (walk.broken == null) {
            // In chunks of the key: each a short index range read, so neither store materialises the
            // whole chain (H2 would copy it to a temporary file first, PostgreSQL's driver into memory).
            long[] lastRead = {after};
            int[] rows = {0};
            jdbc.query(CHUNK_QUERY, (RowCallbackHandler) row -> {
                walk.processRow(row);
                lastRead[0] = row.getLong(1);
                rows[0]++;
            }, after, chunk);
            progress.checked(walk.checked, total);
            if (rows[0] < chunk) {
                break;
            }
            after = lastRead[0];
        }
        Broken broken = walk.broken;
        if (broken == null) {
            broken = walk.checkStoredHead();
        }
        if (broken == null && exported != null) {
            broken = checkExportedHead(exported, walk);
        }
        Head head = walk.lastSeq == 0 ? null : new Head(walk.lastSeq, walk.lastHash);
        return new Result(broken == null, walk.checked, broken, head, since);
    }

    /**
     * Runs the walk in one read-only transaction that sees one snapshot of every table. On
     * PostgreSQL that is REPEATABLE READ. H2's REPEATABLE READ takes each table's snapshot at its
     * first read (a purge committed between reading the chain head and the records would show),
     * its SERIALIZABLE one snapshot of the whole database, and neither blocks the writer.
     */
    private <T> T inSnapshot(Supplier<T> work) {
        TransactionTemplate template = snapshots;
        if (template == null) {
            DataSource dataSource = jdbc.getDataSource();
            String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            template = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            template.setReadOnly(true);
            template.setIsolationLevel("PostgreSQL".equals(product) ? TransactionDefinition.ISOLATION_REPEATABLE_READ
                    : TransactionDefinition.ISOLATION_SERIALIZABLE);
            snapshots = template;
        }
        return template.execute(status -> work.get());
    }

    private Head storedHead() {
        Map<String, Object> stored = jdbc.queryForMap("SELECT seq, hash FROM audit_chain_head WHERE id = 1");
        return new Head(((Number) stored.get("seq")).longValue(), (String) stored.get("hash"));
    }

    private String hashAt(long sequence) {
        return jdbc.query("SELECT hash FROM audit_record WHERE seq = ?", (row, n) -> row.getString(1), sequence)
                .stream().findFirst().orElse(null);
    }

    private void requireInChain(Head since) {
        String hash = hashAt(since.sequence());
        if (hash == null) {
            Map<String, Object> range = jdbc.queryForMap("SELECT MIN(seq) AS first, MAX(seq) AS last FROM audit_record");
            long first = range.get("first") == null ? 0 : ((Number) range.get("first")).longValue();
            long last = range.get("last") == null ? 0 : ((Number) range.get("last")).longValue();
            String why = since.sequence() > last ? "the chain ends at sequence " + last
                    : since.sequence() < first ? "the records before sequence " + first + " are gone (purged)"
                    : "there is no record with that sequence";
            throw new UnknownHeadException("this chain has no record " + since.sequence() + ": " + why);
        }
        if (!hash.equals(since.hash())) {
            throw new UnknownHeadException("the record " + since.sequence() + " has another hash: this is no head of"
                    + " this chain, or that record was altered (a full verify names the first broken record)");
        }
    }

    private Broken checkExportedHead(Head exported, Walk walk) {
        if (exported.sequence() > walk.lastSeq) {
            return new Broken(walk.lastSeq + 1, null, "the exported head is sequence " + exported.sequence()
                    + " but the chain ends at " + walk.lastSeq + ": records were removed from the end");
        }
        String hash = hashAt(exported.sequence());
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
        private final Head storedHead;
        private String hashAtStoredHead;
        private long checked;
        private long lastSeq;
        private String lastHash;
        private Broken broken;

        Walk(Map<Long, String> purgeAnchors, Head storedHead) {
            this.purgeAnchors = purgeAnchors;
            this.storedHead = storedHead;
        }

        /** A walk that goes on from a head already checked. */
        static Walk after(Head since, Head storedHead) {
            Walk walk = new Walk(Map.of(), storedHead);
            walk.lastSeq = since.sequence();
            walk.lastHash = since.hash();
            if (storedHead.sequence() == since.sequence()) {
                walk.hashAtStoredHead = since.hash();
            }
            return walk;
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
            if (seq == storedHead.sequence()) {
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

        /** In one snapshot the writer's head is exactly the last record: the head and the records commit together. */
        Broken checkStoredHead() {
            if (storedHead.sequence() > lastSeq) {
                return new Broken(lastSeq + 1, null, "the chain head says sequence " + storedHead.sequence()
                        + " but the last record is " + lastSeq + ": records were removed from the end");
            }
            if (storedHead.sequence() < lastSeq) {
                return new Broken(storedHead.sequence() + 1, null, "records run past the chain head (sequence "
                        + storedHead.sequence() + "): the head was set back, or records were written around the writer");
            }
            if (storedHead.sequence() > 0 && !storedHead.hash().equals(hashAtStoredHead)) {
                return new Broken(storedHead.sequence(), null, "the record at the chain head has another hash than the head");
            }
            return null;
        }
    }
}
