package nl.draagvlak.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit store's behaviour, run on every store (embedded H2 and PostgreSQL) against a real
 * database: records chain and verify, tampering is found, search pages newest first, purges
 * keep the chain checkable.
 */
abstract class AuditStoreContract {

    private HikariDataSource dataSource;
    private GroupCommitWriter writer;
    private JdbcAuditTrail trail;
    private JdbcTemplate jdbc;
    private ChainVerifier verifier;
    private AuditQueries queries;

    abstract String jdbcUrl();

    @BeforeEach
    void openStore() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl());
        config.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        writer = new GroupCommitWriter(dataSource, Duration.ofSeconds(10));
        trail = new JdbcAuditTrail(writer, jdbc);
        verifier = new ChainVerifier(jdbc, JsonMapper.builder().build());
        queries = new AuditQueries(jdbc);
    }

    @AfterEach
    void closeStore() {
        if (writer != null) {
            writer.close();
        }
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @Test
    void storedDecisionsFormAChainThatVerifies() {
        storeMany(5);
        ChainVerifier.Result result = verifier.verify(null);
        assertThat(result.valid()).isTrue();
        assertThat(result.checked()).isEqualTo(5);
        assertThat(result.head().sequence()).isEqualTo(5);
    }

    @Test
    void concurrentDecisionsAreAllCommittedInOneGaplessChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> stores = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            int n = i;
            stores.add(pool.submit(() -> trail.store(record("key-" + n, "RULE-A"))));
        }
        for (Future<?> store : stores) {
            store.get();
        }
        pool.shutdown();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class)).isEqualTo(2_500);
        assertThat(jdbc.queryForObject("SELECT MAX(seq) FROM audit_record", Long.class)).isEqualTo(2_500);
        ChainVerifier.Result result = verifier.verify(null);
        assertThat(result.valid()).isTrue();
        assertThat(result.checked()).as("walked across several chunks").isEqualTo(2_500);
    }

    @Test
    void verifyingWhileDecisionsAreWrittenRaisesNoFalseAlarm() throws Exception {
        storeMany(50);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        for (int i = 0; i < 4; i++) {
            writers.submit(() -> {
                while (writing.get()) {
                    trail.store(record(null, "RULE-A"));
                }
            });
        }
        try {
            for (int i = 0; i < 10; i++) {
                ChainVerifier.Result result = verifier.verify(null);
                assertThat(result.valid()).as(String.valueOf(result.firstBroken())).isTrue();
            }
        } finally {
            writing.set(false);
            writers.shutdown();
            writers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void anAlteredRecordIsNamedAsTheFirstBroken() {
        List<DecisionRecord> records = storeMany(5);
        jdbc.update("UPDATE audit_record SET verdict = 'READY' WHERE seq = 3");
        ChainVerifier.Result result = verifier.verify(null);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBroken().sequence()).isEqualTo(3);
        assertThat(result.firstBroken().decisionId()).isEqualTo(records.get(2).decisionId());
        assertThat(result.firstBroken().reason()).contains("altered");
    }

    @Test
    void aDeletedMiddleRecordBreaksTheChainAfterIt() {
        storeMany(5);
        jdbc.update("DELETE FROM audit_record WHERE seq = 3");
        ChainVerifier.Result result = verifier.verify(null);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBroken().sequence()).isEqualTo(4);
        assertThat(result.firstBroken().reason()).contains("gap");
    }

    @Test
    void swappedRecordsAreFound() {
        storeMany(5);
        jdbc.update("UPDATE audit_record SET seq = -1 WHERE seq = 2");
        jdbc.update("UPDATE audit_record SET seq = 2 WHERE seq = 3");
        jdbc.update("UPDATE audit_record SET seq = 3 WHERE seq = -1");
        ChainVerifier.Result result = verifier.verify(null);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBroken().sequence()).isEqualTo(2);
    }

    @Test
    void removingTheNewestRecordsIsFoundAgainstAnExportedHead() {
        storeMany(5);
        ChainVerifier.Head exported = verifier.verify(null).head();
        jdbc.update("DELETE FROM audit_record WHERE seq >= 4");
        jdbc.update("UPDATE audit_chain_head SET seq = 3, hash = (SELECT hash FROM audit_record WHERE seq = 3)");
        assertThat(verifier.verify(null).valid()).as("without the exported head the cut cannot be seen").isTrue();
        ChainVerifier.Result result = verifier.verify(exported);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBroken().reason()).contains("removed from the end");
    }

    @Test
    void removingTheNewestRecordsIsFoundAgainstTheStoredHead() {
        storeMany(5);
        jdbc.update("DELETE FROM audit_record WHERE seq >= 4");
        ChainVerifier.Result result = verifier.verify(null);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBroken().reason()).contains("removed from the end");
    }

    @Test
    void searchByRuleFindsNewestFirstAndPagesByCursor() {
        for (int i = 0; i < 7; i++) {
            trail.store(record(null, i % 2 == 0 ? "RULE-EVEN" : "RULE-ODD"));
        }
        List<StoredDecision> first = queries.search(new DecisionSearch("RULE-EVEN", null, null, null, null, null, 2));
        assertThat(first).extracting(StoredDecision::sequence).containsExactly(7L, 5L);
        List<StoredDecision> second = queries.search(new DecisionSearch("RULE-EVEN", null, null, null, null, 5L, 2));
        assertThat(second).extracting(StoredDecision::sequence).containsExactly(3L, 1L);
        List<StoredDecision> recent = queries.search(new DecisionSearch(null, "NOT_READY",
                Instant.now().minus(1, ChronoUnit.HOURS), null, null, null, 50));
        assertThat(recent).hasSize(7);
    }

    @Test
    void searchByCallerFindsOnlyThatCallersDecisionsNewestFirst() {
        for (int i = 0; i < 5; i++) {
            trail.store(record(null, "RULE-A", i % 2 == 0 ? "service-a" : "service-b"));
        }
        assertThat(queries.search(new DecisionSearch(null, null, null, null, null, null, 50, "service-a")))
                .extracting(StoredDecision::sequence).containsExactly(5L, 3L, 1L);
        assertThat(queries.search(new DecisionSearch("RULE-A", null, null, null, null, 4L, 50, "service-b")))
                .extracting(StoredDecision::caller).containsExactly("service-b");
        assertThat(queries.search(new DecisionSearch(null, null, null, null, null, null, 50, "nobody"))).isEmpty();
    }

    @Test
    void theChainCoversTheCallerSoAChangedCallerIsFound() {
        trail.store(record(null, "RULE-A", "service-a"));
        trail.store(record(null, "RULE-A", "service-a"));
        assertThat(verifier.verify(null).valid()).isTrue();
        jdbc.update("UPDATE audit_record SET caller = 'someone-else' WHERE seq = 2");
        ChainVerifier.Result result = verifier.verify(null);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBroken().sequence()).isEqualTo(2L);
    }

    @Test
    void anIdempotencyKeyFindsItsDecision() {
        DecisionRecord record = record("retry-1", "RULE-A");
        trail.store(record);
        assertThat(trail.findByIdempotencyKey("retry-1")).get().extracting(DecisionRecord::decisionId)
                .isEqualTo(record.decisionId());
        assertThat(trail.findByIdempotencyKey("other")).isEmpty();
    }

    @Test
    void aSecondDecisionUnderTheSameKeyIsRefusedAndTheChainStaysWhole() {
        trail.store(record("same", "RULE-A"));
        assertThatThrownBy(() -> trail.store(record("same", "RULE-A"))).isInstanceOf(AuditUnavailableException.class);
        trail.store(record(null, "RULE-A"));
        assertThat(verifier.verify(null).valid()).isTrue();
        assertThat(verifier.verify(null).checked()).isEqualTo(2);
    }

    @Test
    void aPurgeRemovesOldRecordsAndTheRestStillVerifies() {
        storeMany(3);
        Instant cutoff = Instant.now().plusMillis(5);
        sleep(20);
        storeMany(2);
        long removed = new RetentionPurge(writer).purgeBefore(cutoff);
        assertThat(removed).isEqualTo(3);
        storeMany(1);
        ChainVerifier.Result result = verifier.verify(null);
        assertThat(result.valid()).as(String.valueOf(result.firstBroken())).isTrue();
        assertThat(result.checked()).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record WHERE kind = 'PURGE'", Long.class))
                .isEqualTo(1);
    }

    @Test
    void deletingOldRecordsWithoutAPurgeRecordIsFound() {
        storeMany(4);
        jdbc.update("DELETE FROM audit_record WHERE seq <= 2");
        ChainVerifier.Result result = verifier.verify(null);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBroken().sequence()).isEqualTo(3);
    }

    private List<DecisionRecord> storeMany(int count) {
        List<DecisionRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DecisionRecord record = record(null, "RULE-A");
            trail.store(record);
            records.add(record);
        }
        return records;
    }

    static DecisionRecord record(String idempotencyKey, String ruleId) {
        return record(idempotencyKey, ruleId, null);
    }

    static DecisionRecord record(String idempotencyKey, String ruleId, String caller) {
        String id = UUID.randomUUID().toString();
        return new DecisionRecord(id, Instant.now().truncatedTo(ChronoUnit.MILLIS), "sha256:abc", "NOT_READY",
                idempotencyKey, "hash-of-" + id, "{\"initiative\":{}}", "{\"decisionId\":\"" + id + "\"}",
                "[{\"seq\":1,\"ruleId\":\"" + ruleId + "\"}]", "{\"decideMicros\":10}", caller, List.of(ruleId));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
