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
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of the hash chain. Requests hand it their records and wait; it takes everything
 * pending, chains it onto the head in one transaction, commits, and only then releases every
 * waiting request (a group commit: one commit, and one disk flush, for many decisions). If the
 * commit fails, every request of the batch fails and gets no decision.
 */
final class GroupCommitWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final int MAX_BATCH = 256;

    static final String INSERT_RECORD = """
            INSERT INTO audit_record (seq, kind, decision_id, decided_at, ruleset_version, verdict, idempotency_key,
                request_hash, request_body, response_body, trace, timings, caller, payload, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    static final String INSERT_RULE = "INSERT INTO audit_rule_fired (rule_id, seq, decided_at) VALUES (?, ?, ?)";

    /** Work for the writer: given the connection and the chain head, write and return the new head. */
    interface Job {
        ChainHead write(Connection connection, ChainHead head) throws SQLException;
    }

    record ChainHead(long seq, String hash) {
    }

    /** A decision to append, or another job to run in the writer's order. */
    private record Pending(DecisionRecord record, Job job, CompletableFuture<Void> done) {
    }

    private final DataSource dataSource;
    private final Duration waitLimit;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(10_000);
    private final Thread thread;
    private volatile boolean running = true;

    GroupCommitWriter(DataSource dataSource, Duration waitLimit) {
        this.dataSource = dataSource;
        this.waitLimit = waitLimit;
        this.thread = new Thread(this::run, "audit-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Appends a decision to the chain; returns once it is committed. */
    void append(DecisionRecord record) {
        await(new Pending(record, null, new CompletableFuture<>()));
    }

    /** Runs a job in the writer's order (e.g. a purge, which appends its own record). */
    void submit(Job job) {
        await(new Pending(null, job, new CompletableFuture<>()));
    }

    private void await(Pending pending) {
        if (!running || !queue.offer(pending)) {
            throw new AuditUnavailableException("the audit writer is not accepting records", null);
        }
        try {
            pending.done().get(waitLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException("interrupted while waiting for the audit commit", e);
        } catch (TimeoutException e) {
            throw new AuditUnavailableException("the audit commit did not finish within " + waitLimit, e);
        } catch (ExecutionException e) {
            throw StoreFailures.forRequest("the audit commit failed", e.getCause());
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                ChainHead head = write(connection, batch);
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE audit_chain_head SET seq = ?, hash = ? WHERE id = 1")) {
                    update.setLong(1, head.seq());
                    update.setString(2, head.hash());
                    update.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
            batch.forEach(pending -> pending.done().complete(null));
        } catch (SQLException | RuntimeException e) {
            log.warn("Audit batch of {} record(s) not committed: {}", batch.size(), e.getMessage());
            batch.forEach(pending -> pending.done().completeExceptionally(e));
        }
    }

    /**
     * Chains the batch onto the head. Decisions go into two JDBC batches (records, and the rules
     * that fired), sent once for the whole group: one round trip each, not two per decision.
     */
    private static ChainHead write(Connection connection, List<Pending> batch) throws SQLException {
        ChainHead head = lockHead(connection);
        try (PreparedStatement records = connection.prepareStatement(INSERT_RECORD);
             PreparedStatement rules = connection.prepareStatement(INSERT_RULE)) {
            boolean queued = false;
            for (Pending pending : batch) {
                if (pending.record() != null) {
                    head = queueDecision(records, rules, head, pending.record());
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

    private static ChainHead queueDecision(PreparedStatement records, PreparedStatement rules, ChainHead head,
                                           DecisionRecord record) throws SQLException {
        ChainRecord chained = ChainRecord.of(head.seq() + 1, record);
        String hash = chained.hash(head.hash());
        bind(records, chained, head.hash(), hash);
        records.addBatch();
        for (String ruleId : record.ruleIds()) {
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

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
