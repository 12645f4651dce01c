package nl.draagvlak.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of the hash chain. Requests hand it their records and wait; it takes everything
 * pending, chains it onto the head in one transaction, commits, and only then releases every
 * waiting request (a group commit: one commit, and one disk flush, for many decisions).
 *
 * <p>What a failure means to a requester: a record whose requester stopped waiting before the
 * writer claimed it is withdrawn and never sent (a plain 503 means no record, ever). A batch that
 * fails before its commit is sent is rolled back (plain 503). Only a batch whose commit was sent
 * when the store stopped answering is in doubt: its requesters learn the outcome within the store
 * timeout (the socket timeout of the writer's connection), else they get
 * {@link AuditOutcomeUnknownException}. A record whose idempotency key is taken is refused on its
 * own ({@link DuplicateIdempotencyKeyException}); the rest of its batch is committed.
 *
 * <p>The writer handles every failure of a batch, whatever was thrown (PostgreSQL's driver throws
 * an {@link AssertionError} when the connection breaks during a JDBC batch): the batch fails, the
 * writer goes on. Only a {@link VirtualMachineError} (out of memory, stack overflow) stops it, the
 * virtual machine being in doubt: every waiting request fails at once, new ones are refused at once,
 * and {@link #isAlive()} turns false for the readiness check.
 */
final class GroupCommitWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int MAX_BATCH = 256;
    private static final long POLL_MILLIS = 100;

    static final String INSERT_RECORD = """
            INSERT INTO audit_record (seq, kind, decision_id, decided_at, ruleset_version, verdict, idempotency_key,
                request_hash, request_body, response_body, trace, timings, caller, payload, prev_hash, hash,
                idempotency_scope, language)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    static final String INSERT_RULE = "INSERT INTO audit_rule_fired (rule_id, seq, decided_at) VALUES (?, ?, ?)";

    /** Work for the writer: given the connection and the chain head, write and return the new head. */
    interface Job {
        ChainHead write(Connection connection, ChainHead head) throws SQLException;
    }

    record ChainHead(long seq, String hash) {
    }

    /** An idempotency key within its caller's scope. */
    private record ScopedKey(String scope, String key) {
        static ScopedKey of(DecisionRecord record) {
            return record == null || record.idempotencyKey() == null ? null
                    : new ScopedKey(scopeOf(record.caller()), record.idempotencyKey());
        }
    }

    private final DataSource dataSource;
    private final Duration waitLimit;
    private final Duration storeTimeout;
    private final CommitObserver observer;
    private final BlockingQueue<PendingWrite> queue = new ArrayBlockingQueue<>(10_000);
    private final Thread thread;
    private volatile boolean accepting = true;
    private volatile boolean alive = true;

    /**
     * @param waitLimit    how long a request waits for its commit before its record is withdrawn
     * @param storeTimeout how long the writer waits for any answer of the store (the network timeout
     *                     of its connection), and so how long past its wait limit a requester whose
     *                     batch was already sent waits for the outcome
     */
    GroupCommitWriter(DataSource dataSource, Duration waitLimit, Duration storeTimeout) {
        this(dataSource, waitLimit, storeTimeout, CommitObserver.NONE);
    }

    /** The same, telling the observer of each commit. */
    GroupCommitWriter(DataSource dataSource, Duration waitLimit, Duration storeTimeout, CommitObserver observer) {
        this.dataSource = dataSource;
        this.waitLimit = waitLimit;
        this.storeTimeout = storeTimeout;
        this.observer = observer;
        this.thread = new Thread(this::run, "audit-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Appends a decision to the chain; returns once it is committed. */
    void append(DecisionRecord record) {
        await(PendingWrite.of(record));
    }

    /** Runs a job in the writer's order (e.g. a purge, which appends its own record). */
    void submit(Job job) {
        await(PendingWrite.of(job));
    }

    /** False once the writer stopped (a {@link VirtualMachineError}, or the service stopping): nothing is written. */
    boolean isAlive() {
        return alive;
    }

    /** Writes waiting for the writer (not counting the batch it is committing). */
    int queued() {
        return queue.size();
    }

    /** The idempotency scope of a caller: its name, or '' for requests without one. */
    static String scopeOf(String caller) {
        return caller == null ? "" : caller;
    }

    private void await(PendingWrite pending) {
        if (!accepting || !alive) {
            throw new AuditUnavailableException("the audit writer is not accepting records", null);
        }
        if (!queue.offer(pending)) {
            throw new AuditUnavailableException("the audit writer's queue is full", null);
        }
        // The writer fails what is queued when it stops; this catches an offer that came just after.
        if (!alive && pending.withdraw()) {
            throw new AuditUnavailableException("the audit writer has stopped", null);
        }
        pending.await(waitLimit, storeTimeout);
    }

    private void run() {
        List<PendingWrite> batch = new ArrayList<>(MAX_BATCH);
        try {
            while (accepting || !queue.isEmpty()) {
                PendingWrite first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            log.error("The audit writer stopped; every decision is refused until the service restarts", e);
        } finally {
            alive = false;
            failQueued("the audit writer has stopped");
        }
    }

    private void commit(List<PendingWrite> batch) {
        List<PendingWrite> claimed = new ArrayList<>(batch.size());
        boolean commitSent = false;
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setNetworkTimeout(Runnable::run, Math.toIntExact(storeTimeout.toMillis()));
            connection.setAutoCommit(false);
            try {
                ChainHead head = lockHead(connection);
                // The store answered: claim what is still wanted, right before it is sent.
                for (PendingWrite pending : batch) {
                    if (pending.claim()) {
                        claimed.add(pending);
                    }
                }
                List<PendingWrite> accepted = refuseTakenKeys(connection, claimed);
                head = write(connection, accepted, head);
                List<DecisionRecord> decisions = accepted.stream().map(PendingWrite::record)
                        .filter(java.util.Objects::nonNull).toList();
                DailyVerdictCounts.add(connection, decisions);
                HourlyRuleCounts.add(connection, decisions);
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE audit_chain_head SET seq = ?, hash = ? WHERE id = 1")) {
                    update.setLong(1, head.seq());
                    update.setString(2, head.hash());
                    update.executeUpdate();
                }
                commitSent = true;
                connection.commit();
                observer.committed(accepted.size(), System.nanoTime() - start);
                accepted.forEach(PendingWrite::committed);
            } catch (Throwable e) {
                if (!commitSent) {
                    rollbackQuietly(connection);
                }
                throw e;
            }
        } catch (Throwable e) {
            boolean inDoubt = commitSent && StoreFailures.answerLost(e);
            log.warn("Audit batch of {} record(s) {}: {}", batch.size(),
                    inDoubt ? "in doubt (the commit was sent, its answer did not come)" : "not committed", e.toString());
            RuntimeException failure = inDoubt
                    ? new AuditOutcomeUnknownException("the store stopped answering while committing: " + e.getMessage(), e)
                    : e instanceof Error
                    // An Error is no fault of the store's data (PostgreSQL's driver throws AssertionError when its
                    // connection breaks mid-batch; a VirtualMachineError stops the writer): a retry may succeed.
                    ? new AuditUnavailableException("the audit commit failed: " + e, e)
                    : StoreFailures.forRequest("the audit commit failed", e);
            batch.forEach(pending -> pending.fail(failure));
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
        }
    }

    /**
     * Refuses each record whose key its caller already used, in the store or earlier in the batch;
     * the head is locked, so no other writer can store a key meanwhile. Returns the rest, in order.
     */
    private static List<PendingWrite> refuseTakenKeys(Connection connection, List<PendingWrite> claimed)
            throws SQLException {
        Set<ScopedKey> keys = new HashSet<>();
        List<PendingWrite> accepted = new ArrayList<>(claimed.size());
        for (PendingWrite pending : claimed) {
            ScopedKey key = ScopedKey.of(pending.record());
            if (key != null && !keys.add(key)) {
                pending.fail(new DuplicateIdempotencyKeyException(key.key()));
            } else {
                accepted.add(pending);
            }
        }
        if (keys.isEmpty()) {
            return accepted;
        }
        Set<ScopedKey> stored = storedKeys(connection, keys);
        accepted.removeIf(pending -> {
            ScopedKey key = ScopedKey.of(pending.record());
            if (key != null && stored.contains(key)) {
                pending.fail(new DuplicateIdempotencyKeyException(key.key()));
                return true;
            }
            return false;
        });
        return accepted;
    }

    private static Set<ScopedKey> storedKeys(Connection connection, Set<ScopedKey> keys) throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(keys.size(), "?"));
        Set<ScopedKey> stored = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT idempotency_scope, idempotency_key"
                + " FROM audit_record WHERE idempotency_key IN (" + marks + ")")) {
            int i = 1;
            for (ScopedKey key : keys) {
                select.setString(i++, key.key());
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.add(new ScopedKey(rows.getString(1), rows.getString(2)));
                }
            }
        }
        stored.retainAll(keys);
        return stored;
    }

    private void failQueued(String reason) {
        List<PendingWrite> left = new ArrayList<>();
        queue.drainTo(left);
        AuditUnavailableException failure = new AuditUnavailableException(reason + "; the record was not sent", null);
        left.forEach(pending -> {
            if (pending.withdraw()) {
                pending.fail(failure);
            }
        });
    }

    /**
     * Chains the batch onto the head. Decisions go into two JDBC batches (records, and the rules
     * that fired), sent once for the whole group: one round trip each, not two per decision.
     */
    private static ChainHead write(Connection connection, List<PendingWrite> batch, ChainHead head)
            throws SQLException {
        try (PreparedStatement records = connection.prepareStatement(INSERT_RECORD);
             PreparedStatement rules = connection.prepareStatement(INSERT_RULE)) {
            boolean queued = false;
            for (PendingWrite pending : batch) {
                if (pending.record() != null) {
                    head = queueDecision(records, rules, head, pending);
                    queued = true;
                } else {
                    if (queued) {
                        records.executeBatch();
                        rules.executeBatch();
                        queued = false;
                    }
                    head = pending.job().write(connection, head);
                }
            }
            if (queued) {
                records.executeBatch();
                rules.executeBatch();
            }
        }
        return head;
    }

    private static ChainHead lockHead(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("audit_chain_head has no row: the schema was not migrated");
            }
            return new ChainHead(row.getLong(1), row.getString(2));
        }
    }

    /** Chains one decision: its content was encoded by its requester, so only the digest is made here. */
    private static ChainHead queueDecision(PreparedStatement records, PreparedStatement rules, ChainHead head,
                                           PendingWrite pending) throws SQLException {
        DecisionRecord record = pending.record();
        ChainRecord chained = ChainRecord.of(head.seq() + 1, record);
        String hash = ChainRecord.chain(head.hash(), chained.seq(), pending.content());
        bind(records, chained, head.hash(), hash);
        records.setString(18, record.language());
        records.addBatch();
        for (String ruleId : new java.util.LinkedHashSet<>(record.ruleIds())) { // a row per rule, not per firing
            bindRule(rules, ruleId, chained.seq(), record.decidedAt());
            rules.addBatch();
        }
        return new ChainHead(chained.seq(), hash);
    }

    static void insert(Connection connection, ChainRecord record, String prevHash, String hash) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_RECORD)) {
            bind(insert, record, prevHash, hash);
            insert.executeUpdate();
        }
    }

    /** Sets the parameters of {@link #INSERT_RECORD} (shared with the bulk loader of the scale benchmark). */
    static void bind(PreparedStatement insert, ChainRecord record, String prevHash, String hash) throws SQLException {
        insert.setLong(1, record.seq());
        insert.setString(2, record.kind());
        insert.setString(3, record.decisionId());
        insert.setObject(4, OffsetDateTime.ofInstant(record.decidedAt(), ZoneOffset.UTC));
        insert.setString(5, record.rulesetVersion());
        insert.setString(6, record.verdict());
        insert.setString(7, record.idempotencyKey());
        insert.setString(8, record.requestHash());
        insert.setString(9, record.requestBody());
        insert.setString(10, record.responseBody());
        insert.setString(11, record.trace());
        insert.setString(12, record.timings());
        insert.setString(13, record.caller());
        insert.setString(14, record.payload());
        insert.setString(15, prevHash);
        insert.setString(16, hash);
        insert.setString(17, record.idempotencyKey() == null ? null : scopeOf(record.caller()));
        insert.setString(18, null); // the language of a decision: set by queueDecision
    }

    /** Sets the parameters of {@link #INSERT_RULE}. */
    static void bindRule(PreparedStatement rule, String ruleId, long seq, Instant decidedAt)
            throws SQLException {
        rule.setString(1, ruleId);
        rule.setLong(2, seq);
        rule.setObject(3, OffsetDateTime.ofInstant(decidedAt, ZoneOffset.UTC));
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.debug("rollback failed", e);
        }
    }

    /**
     * Stops taking records and lets the writer commit what is queued: queued requests wait at most
     * their wait limit, and a batch already sent at most the store timeout more, so that bounds the
     * drain. Whatever is still queued then is answered with a 503. The writer thread is never
     * interrupted: an interrupt during file I/O closes H2's store.
     */
    @Override
    public void close() {
        accepting = false;
        try {
            thread.join(waitLimit.plus(storeTimeout).toMillis() + POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("The audit writer did not finish within {}; stopping without it", waitLimit.plus(storeTimeout));
        }
        failQueued("the service is stopping");
    }
}
