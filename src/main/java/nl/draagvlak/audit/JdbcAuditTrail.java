package nl.draagvlak.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit trail in a relational store (H2 or PostgreSQL), written through the group-commit writer. */
final class JdbcAuditTrail implements AuditTrail {

    private static final tools.jackson.databind.json.JsonMapper PAYLOAD =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private final GroupCommitWriter writer;
    private final JdbcTemplate jdbc;

    JdbcAuditTrail(GroupCommitWriter writer, JdbcTemplate jdbc) {
        this.writer = writer;
        this.jdbc = jdbc;
    }

    @Override
    public void store(DecisionRecord record) {
        writer.append(record);
    }

    @Override
    public void storeFailure(FailureRecord failure) {
        String payload = PAYLOAD.writeValueAsString(new FailurePayload(failure.ruleId(), failure.error()));
        writer.submit((connection, head) -> {
            ChainRecord record = new ChainRecord(head.seq() + 1, "FAILURE", null, failure.failedAt(),
                    failure.rulesetVersion(), null, null, failure.requestHash(), failure.requestBody(), null, null,
                    null, failure.caller(), payload);
            String hash = record.hash(head.hash());
            GroupCommitWriter.insert(connection, record, head.hash(), hash);
            return new GroupCommitWriter.ChainHead(record.seq(), hash);
        });
    }

    private record FailurePayload(String ruleId, String error) {
    }

    @Override
    public boolean isWriterAlive() {
        return writer.isAlive();
    }

    @Override
    public Optional<DecisionRecord> findByIdempotencyKey(String caller, String key) {
        try {
            return jdbc.query("""
                    SELECT decision_id, decided_at, ruleset_version, verdict, idempotency_key, request_hash,
                           request_body, response_body, trace, timings, caller, language
                    FROM audit_record WHERE idempotency_key = ? AND idempotency_scope = ?""", (row, n) ->
                    new DecisionRecord(row.getString(1), row.getObject(2, OffsetDateTime.class).toInstant(),
                            row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                            row.getString(8), row.getString(9), row.getString(10), row.getString(11), List.of(),
                            row.getString(12) == null ? DecisionRecord.ENGLISH : row.getString(12)),
                    key, GroupCommitWriter.scopeOf(caller)).stream().findFirst();
        } catch (DataAccessException e) {
            throw StoreFailures.forRequest("cannot look up the idempotency key", e);
        }
    }
}
