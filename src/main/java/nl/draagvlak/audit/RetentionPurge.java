package nl.draagvlak.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes decisions older than the retention period without breaking the chain check of what
 * remains: in the writer's order, it appends a PURGE record holding the head of the purged
 * segment (its last sequence and hash), then deletes that segment, all in one transaction.
 */
public final class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final GroupCommitWriter writer;

    RetentionPurge(GroupCommitWriter writer) {
        this.writer = writer;
    }

    /** Purges the oldest records decided before the cutoff; returns how many were removed. */
    public long purgeBefore(Instant cutoff) {
        long[] removed = {0};
        writer.submit((connection, head) -> {
            long through;
            String throughHash;
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT seq, hash FROM audit_record WHERE seq = (
                        SELECT MAX(seq) FROM audit_record WHERE decided_at < ? AND kind = 'DECISION')""")) {
                select.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return head;
                    }
                    through = row.getLong(1);
                    throughHash = row.getString(2);
                }
            }
            String payload = "{\"purgedThrough\":{\"sequence\":" + through + ",\"hash\":\"" + throughHash
                    + "\"},\"cutoff\":\"" + cutoff + "\"}";
            ChainRecord purge = new ChainRecord(head.seq() + 1, "PURGE", null, Instant.now(), null, null, null, null,
                    null, null, null, null, null, payload);
            String hash = purge.hash(head.hash());
            GroupCommitWriter.insert(connection, purge, head.hash(), hash);
            try (PreparedStatement rules = connection.prepareStatement("DELETE FROM audit_rule_fired WHERE seq <= ?");
                 PreparedStatement records = connection.prepareStatement("DELETE FROM audit_record WHERE seq <= ?")) {
                rules.setLong(1, through);
                rules.executeUpdate();
                records.setLong(1, through);
                removed[0] = records.executeUpdate();
            }
            return new GroupCommitWriter.ChainHead(purge.seq(), hash);
        });
        if (removed[0] > 0) {
            log.info("Retention purge removed {} record(s) decided before {}", removed[0], cutoff);
        }
        return removed[0];
    }
}
