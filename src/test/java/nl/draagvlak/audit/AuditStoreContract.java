package nl.draagvlak.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.draagvlak.support.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit store's behaviour, run on every store (embedded H2 and PostgreSQL) against a real
 * database: records chain and verify, tampering is found, search pages newest first, purges
 * keep the chain checkable, a walk sees one snapshot whatever commits while it runs, a walk
 * since a head checks only what came after it, and full walks run as jobs.
 */
abstract class AuditStoreContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String url;
    private HikariDataSource dataSource;
    private GroupCommitWriter writer;
    private JdbcAuditTrail trail;
    private JdbcTemplate jdbc;
    private ChainVerifier verifier;
    private AuditQueries queries;

    abstract String jdbcUrl();

    @BeforeEach
    void openStore() {
        url = jdbcUrl();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        writer = new GroupCommitWriter(dataSource, Duration.ofSeconds(10), Duration.ofSeconds(10));
        trail = new JdbcAuditTrail(writer, jdbc);
        verifier = new ChainVerifier(jdbc, JSON);
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
        if (url != null) {
            TestDatabases.dispose(url);
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
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<?>> written = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            written.add(writers.submit(() -> {
                while (writing.get()) {
                    trail.store(record(null, "RULE-A"));
                }
            }));
        }
        try {
            for (int i = 0; i < 10; i++) {
                ChainVerifier.Result result = verifier.verify(null);
                assertThat(result.valid()).as(String.valueOf(result.firstBroken())).isTrue();
            }
        } finally {
            writing.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).as("writers stopped").isTrue();
        }
        for (Future<?> writer : written) {
            writer.get(); // a store that failed fails the test instead of ending its writer silently
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class))
                .as("decisions were written while the chain was verified").isGreaterThan(50);
        assertThat(verifier.verify(null).valid()).isTrue();
    }

    @Test
    void aPurgeCommittingDuringAWalkRaisesNoFalseAlarm() {
        storeMany(25);
        Instant cutoff = Instant.now().plusMillis(5);
        sleep(20);
        storeMany(10);
        RetentionPurge purge = new RetentionPurge(writer);
        long[] purged = {-1};
        ChainVerifier inChunksOfTen = new ChainVerifier(jdbc, JSON, 10);
        ChainVerifier.Result result = inChunksOfTen.verify(null, (checked, total) -> {
            if (purged[0] < 0) {
                purged[0] = purge.purgeBefore(cutoff); // committed after the walk read its first chunk
            }
        });
        assertThat(purged[0]).isEqualTo(25);
        assertThat(result.valid()).as(String.valueOf(result.firstBroken())).isTrue();
        assertThat(result.checked()).as("the chain as it was when the walk began").isEqualTo(35);
        ChainVerifier.Result next = inChunksOfTen.verify(null);
        assertThat(next.valid()).as(String.valueOf(next.firstBroken())).isTrue();
        assertThat(next.checked()).as("ten decisions and the purge record").isEqualTo(11);
    }

    @Test
    void decisionsCommittedDuringAWalkAreLeftToTheNextWalk() {
        storeMany(25);
        ChainVerifier inChunksOfTen = new ChainVerifier(jdbc, JSON, 10);
        boolean[] wrote = {false};
        ChainVerifier.Result result = inChunksOfTen.verify(null, (checked, total) -> {
            if (!wrote[0]) {
                wrote[0] = true;
                storeMany(5); // committed after the walk read its first chunk
            }
        });
        assertThat(result.valid()).as(String.valueOf(result.firstBroken())).isTrue();
        assertThat(result.checked()).isEqualTo(25);
        assertThat(result.head().sequence()).isEqualTo(25);
        assertThat(inChunksOfTen.verify(null).checked()).isEqualTo(30);
    }

    @Test
    void aWalkReportsHowFarItHasComeAfterEveryChunk() {
        storeMany(25);
        List<Long> checked = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        new ChainVerifier(jdbc, JSON, 10).verify(null, (done, total) -> {
            checked.add(done);
            totals.add(total);
        });
        assertThat(checked).containsExactly(10L, 20L, 25L);
        assertThat(totals).containsOnly(25L);
    }

    @Test
    void recordsPastTheChainHeadAreFound() {
        storeMany(5);
        jdbc.update("UPDATE audit_chain_head SET seq = 3, hash = (SELECT hash FROM audit_record WHERE seq = 3)");
        ChainVerifier.Result result = verifier.verify(null);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBroken().sequence()).isEqualTo(4);
        assertThat(result.firstBroken().reason()).contains("past the chain head");
    }

    @Test
    void sinceAKeptHeadOnlyTheRecordsAfterItAreChecked() {
        storeMany(5);
        ChainVerifier.Head kept = verifier.verify(null).head();
        ChainVerifier.Result nothingNew = verifier.verifySince(kept, null);
        assertThat(nothingNew.valid()).isTrue();
        assertThat(nothingNew.checked()).isZero();
        assertThat(nothingNew.head()).isEqualTo(kept);
        storeMany(3);
        ChainVerifier.Result result = verifier.verifySince(kept, null);
        assertThat(result.valid()).as(String.valueOf(result.firstBroken())).isTrue();
        assertThat(result.checked()).isEqualTo(3);
        assertThat(result.head().sequence()).isEqualTo(8);
        assertThat(result.since()).isEqualTo(kept);
        assertThat(verifier.verifySince(kept, result.head()).valid()).as("with an exported head too").isTrue();
    }

    @Test
    void tamperingAfterAKeptHeadIsFoundSinceIt() {
        storeMany(5);
        ChainVerifier.Head kept = verifier.verify(null).head();
        List<DecisionRecord> later = storeMany(3);
        jdbc.update("UPDATE audit_record SET verdict = 'READY' WHERE seq = 7");
        ChainVerifier.Result result = verifier.verifySince(kept, null);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBroken().sequence()).isEqualTo(7);
        assertThat(result.firstBroken().decisionId()).isEqualTo(later.get(1).decisionId());
        assertThat(result.firstBroken().reason()).contains("altered");
    }

    @Test
    void aHeadThisChainDoesNotHaveIsRefusedSinceNothingCanBeCheckedAfterIt() {
        storeMany(3);
        ChainVerifier.Head kept = verifier.verify(null).head();
        assertThatThrownBy(() -> verifier.verifySince(new ChainVerifier.Head(3, "0".repeat(64)), null))
                .isInstanceOf(UnknownHeadException.class).hasMessageContaining("another hash");
        assertThatThrownBy(() -> verifier.verifySince(new ChainVerifier.Head(9, kept.hash()), null))
                .isInstanceOf(UnknownHeadException.class).hasMessageContaining("ends at sequence 3");
        Instant cutoff = Instant.now().plusMillis(5);
        sleep(20);
        storeMany(2);
        new RetentionPurge(writer).purgeBefore(cutoff);
        assertThatThrownBy(() -> verifier.verifySince(kept, null))
                .isInstanceOf(UnknownHeadException.class).hasMessageContaining("purged");
    }

    @Test
    void sinceTheLastSignedOffHeadOnlyLaterRecordsAreChecked() {
        storeMany(4);
        assertThatThrownBy(() -> verifier.verifySinceLastSignOff(null)).isInstanceOf(UnknownHeadException.class);
        ChainVerifier.Head signedOff = verifier.verify(null).head();
        storeMany(2);
        ChainVerifier.Result result = verifier.verifySinceLastSignOff(null);
        assertThat(result.valid()).isTrue();
        assertThat(result.checked()).isEqualTo(2);
        assertThat(result.since()).isEqualTo(signedOff);

        jdbc.update("UPDATE audit_record SET verdict = 'READY' WHERE seq = 2");
        assertThat(verifier.verifySinceLastSignOff(null).valid()).as("before the head: for full walks").isTrue();
        assertThat(verifier.verify(null).firstBroken().sequence()).isEqualTo(2);
        assertThat(verifier.verifySinceLastSignOff(null).since()).as("a broken chain is not signed off")
                .isEqualTo(signedOff);
    }

    @Test
    void aVerificationJobShowsItsProgressAndThenItsResult() {
        storeMany(25);
        try (VerificationJobs jobs = new VerificationJobs(new ChainVerifier(jdbc, JSON, 10))) {
            VerificationJobs.Status started = jobs.start();
            assertThat(started.state()).isEqualTo(VerificationJobs.State.QUEUED);
            assertThat(started.requestedAt()).isNotNull();
            VerificationJobs.Status done = awaitEnd(jobs, started.id());
            assertThat(done.state()).as(done.failure()).isEqualTo(VerificationJobs.State.DONE);
            assertThat(done.checked()).isEqualTo(25);
            assertThat(done.total()).isEqualTo(25);
            assertThat(done.result().valid()).isTrue();
            assertThat(done.result().head().sequence()).isEqualTo(25);
            assertThat(done.startedAt()).isNotNull();
            assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
            assertThat(done.failure()).isNull();
            assertThat(jobs.find("no-such-job")).isEmpty();
        }
    }

    @Test
    void aWalkThatFailsLeavesItsJobFailedAndTheNextJobStillRuns() {
        storeMany(5);
        try (VerificationJobs jobs = new VerificationJobs(verifier)) {
            VerificationJobs.Status failed;
            jdbc.execute("ALTER TABLE audit_record RENAME TO audit_record_away");
            try {
                failed = awaitEnd(jobs, jobs.start().id());
            } finally {
                jdbc.execute("ALTER TABLE audit_record_away RENAME TO audit_record");
            }
            assertThat(failed.state()).isEqualTo(VerificationJobs.State.FAILED);
            assertThat(failed.failure()).contains("audit_record");
            assertThat(failed.result()).isNull();
            assertThat(failed.finishedAt()).isNotNull();
            VerificationJobs.Status next = awaitEnd(jobs, jobs.start().id());
            assertThat(next.state()).as(next.failure()).isEqualTo(VerificationJobs.State.DONE);
            assertThat(next.result().checked()).isEqualTo(5);
            assertThat(jobs.find(failed.id())).get().extracting(VerificationJobs.Status::state)
                    .as("the failed job is still shown").isEqualTo(VerificationJobs.State.FAILED);
        }
    }

    @Test
    void aJobAskedForWhileAnotherWaitsToStartIsThatJob() {
        storeMany(3);
        List<Runnable> held = new ArrayList<>();
        try (VerificationJobs jobs = new VerificationJobs(verifier, held::add)) {
            VerificationJobs.Status first = jobs.start();
            assertThat(jobs.start().id()).isEqualTo(first.id());
            assertThat(held).hasSize(1);
            held.remove(0).run();
            assertThat(jobs.find(first.id())).get().extracting(VerificationJobs.Status::state)
                    .isEqualTo(VerificationJobs.State.DONE);
            VerificationJobs.Status later = jobs.start();
            assertThat(later.id()).as("asked for after the first started: a walk of its own").isNotEqualTo(first.id());
            assertThat(held).hasSize(1);
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
    void decisionsAreCountedPerUtcDayAndVerdictWithinThePeriod() {
        Instant midnight = Instant.parse("2026-03-10T00:00:00Z");
        trail.store(decidedAt(record(null, "RULE-A"), midnight.minusSeconds(1), "READY"));     // 9 March, late
        trail.store(decidedAt(record(null, "RULE-A"), midnight, "READY"));                     // 10 March, first instant
        trail.store(decidedAt(record(null, "RULE-A"), midnight.plusSeconds(3_600), "READY"));
        trail.store(decidedAt(record(null, "RULE-A"), midnight.plusSeconds(7_200), "NOT_READY"));
        trail.store(decidedAt(record(null, "RULE-A"), midnight.plusSeconds(86_400), "READY")); // 11 March: past `to`
        assertThat(queries.dailyVerdicts(midnight.minusSeconds(86_400), midnight.plusSeconds(86_400)))
                .containsExactly(
                        new AuditQueries.DailyCount(java.time.LocalDate.parse("2026-03-09"), "READY", 1),
                        new AuditQueries.DailyCount(java.time.LocalDate.parse("2026-03-10"), "NOT_READY", 1),
                        new AuditQueries.DailyCount(java.time.LocalDate.parse("2026-03-10"), "READY", 2));
    }

    @Test
    void aPeriodWithPartialDaysCountsTheirDecisionsFromTheRecordsAndTheWholeDaysFromTheKeptCounts() {
        Instant midnight = Instant.parse("2026-03-10T00:00:00Z");
        trail.store(decidedAt(record(null, "RULE-A"), midnight.minusSeconds(43_200 + 1), "READY")); // before from
        trail.store(decidedAt(record(null, "RULE-A"), midnight.minusSeconds(3_600), "READY"));
        trail.store(decidedAt(record(null, "RULE-A"), midnight.plusSeconds(60), "NOT_READY"));
        trail.store(decidedAt(record(null, "RULE-A"), midnight.plusSeconds(86_400 + 60), "READY"));
        trail.store(decidedAt(record(null, "RULE-A"), midnight.plusSeconds(86_400 + 1_800), "READY")); // at `to`
        Instant from = midnight.minusSeconds(43_200);
        Instant to = midnight.plusSeconds(86_400 + 1_800);
        assertThat(queries.dailyVerdicts(from, to)).containsExactly(
                new AuditQueries.DailyCount(java.time.LocalDate.parse("2026-03-09"), "READY", 1),
                new AuditQueries.DailyCount(java.time.LocalDate.parse("2026-03-10"), "NOT_READY", 1),
                new AuditQueries.DailyCount(java.time.LocalDate.parse("2026-03-11"), "READY", 1));
        assertThat(queries.dailyVerdicts(midnight.minusSeconds(7_200), midnight.plusSeconds(120))).containsExactly(
                new AuditQueries.DailyCount(java.time.LocalDate.parse("2026-03-09"), "READY", 1),
                new AuditQueries.DailyCount(java.time.LocalDate.parse("2026-03-10"), "NOT_READY", 1));
    }

    @Test
    void theWriterKeepsTheDailyCountsAndAPurgeTakesOffWhatItRemoves() {
        Instant old = Instant.now().minus(40, ChronoUnit.DAYS);
        for (int i = 0; i < 3; i++) {
            trail.store(decidedAt(record(null, "RULE-A"), old.plusMillis(i), "READY"));
        }
        trail.store(record(null, "RULE-A")); // today, NOT_READY
        long oldDay = DailyVerdictCounts.utcDay(old.plusMillis(2));
        assertThat(keptCount(oldDay, "READY")).isEqualTo(3);
        assertThat(keptCount(DailyVerdictCounts.utcDay(Instant.now()), "NOT_READY")).isEqualTo(1);
        new RetentionPurge(writer).purgeBefore(old.plus(1, ChronoUnit.DAYS));
        assertThat(keptCount(oldDay, "READY")).isZero();
        assertThat(keptCount(DailyVerdictCounts.utcDay(Instant.now()), "NOT_READY")).isEqualTo(1);
        assertThat(queries.dailyVerdicts(old.minus(1, ChronoUnit.DAYS), Instant.now().plusSeconds(60)))
                .extracting(AuditQueries.DailyCount::verdict, AuditQueries.DailyCount::decisions)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NOT_READY", 1L));
    }

    @Test
    void ruleUsageCountsDecisionsAndFiringsAlikeFromTheKeptCountsAndFromTheTracesOfPartialDays() {
        Instant midnight = Instant.parse("2026-03-10T00:00:00Z");
        // RULE-A fires twice (two stakeholders), RULE-B once, in each decision
        for (Instant at : List.of(midnight.minusSeconds(600), midnight.plusSeconds(600),
                midnight.plusSeconds(86_400 + 600), midnight.plusSeconds(2 * 86_400 + 600))) {
            trail.store(firing(at, "RULE-A", "RULE-B", "RULE-A"));
        }
        Instant from = midnight.minusSeconds(1_800);                    // 9 March 23:30: a partial hour
        Instant to = midnight.plusSeconds(2 * 86_400 + 1_800);          // 12 March 00:30: a partial hour
        Map<String, RuleUsageQuery.Usage> usage = new RuleUsageQuery(jdbc, JSON).usage(from, to, null);
        assertThat(usage).containsEntry("RULE-A", new RuleUsageQuery.Usage(4, 8))
                .containsEntry("RULE-B", new RuleUsageQuery.Usage(4, 4));
        assertThat(new RuleUsageQuery(jdbc, JSON).usage(midnight, midnight.plusSeconds(86_400), null))
                .containsEntry("RULE-A", new RuleUsageQuery.Usage(1, 2));
        assertThat(new RuleUsageQuery(jdbc, JSON).usage(from, to, "sha256:other")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT SUM(firings) FROM audit_hourly_rule WHERE rule_id = 'RULE-A'", Long.class))
                .as("the writer's counts").isEqualTo(8);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_rule_fired", Long.class))
                .as("one search row per rule and decision, not per firing").isEqualTo(8);
    }

    @Test
    void aPurgeTakesItsDecisionsOffTheRuleCounts() {
        Instant old = Instant.now().minus(40, ChronoUnit.DAYS);
        trail.store(firing(old, "RULE-A", "RULE-A"));
        trail.store(firing(Instant.now(), "RULE-A"));
        new RetentionPurge(writer).purgeBefore(old.plus(1, ChronoUnit.DAYS));
        assertThat(jdbc.queryForObject("SELECT SUM(decisions) FROM audit_hourly_rule WHERE rule_id = 'RULE-A'", Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT SUM(firings) FROM audit_hourly_rule WHERE rule_id = 'RULE-A'", Long.class))
                .isEqualTo(1);
    }

    @Test
    void theMigrationCountsTheRulesOfDecisionsStoredBeforeTheCountsWereKept() {
        Instant day = Instant.parse("2026-02-01T12:00:00Z");
        trail.store(firing(day, "RULE-A", "RULE-B", "RULE-A"));
        trail.store(firing(day.plusSeconds(60), "RULE-B"));
        jdbc.update("DELETE FROM audit_hourly_rule");
        jdbc.update("DELETE FROM flyway_schema_history WHERE version = '9'");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        assertThat(new RuleUsageQuery(jdbc, JSON).usage(day.minus(2, ChronoUnit.DAYS), day.plus(2, ChronoUnit.DAYS), null))
                .containsEntry("RULE-A", new RuleUsageQuery.Usage(1, 2))
                .containsEntry("RULE-B", new RuleUsageQuery.Usage(2, 2));
    }

    /** A decision whose trace and rule list name these rules in firing order. */
    private static DecisionRecord firing(Instant at, String... ruleIds) {
        String id = UUID.randomUUID().toString();
        StringBuilder trace = new StringBuilder("[");
        for (int i = 0; i < ruleIds.length; i++) {
            trace.append(i == 0 ? "" : ",").append("{\"seq\":").append(i + 1).append(",\"ruleId\":\"")
                    .append(ruleIds[i]).append("\"}");
        }
        trace.append(']');
        return new DecisionRecord(id, at, "sha256:abc", "NOT_READY", null, "hash-of-" + id, "{\"initiative\":{}}",
                "{\"decisionId\":\"" + id + "\"}", trace.toString(), "{\"decideMicros\":10}", null, List.of(ruleIds));
    }

    private long keptCount(long day, String verdict) {
        return jdbc.queryForList("SELECT decisions FROM audit_daily_verdict WHERE utc_day = ? AND verdict = ?",
                Long.class, day, verdict).stream().findFirst().orElse(0L);
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
        assertThat(trail.findByIdempotencyKey(null, "retry-1")).get().extracting(DecisionRecord::decisionId)
                .isEqualTo(record.decisionId());
        assertThat(trail.findByIdempotencyKey(null, "other")).isEmpty();
        assertThat(trail.findByIdempotencyKey("alice", "retry-1")).as("another caller's keys").isEmpty();
    }

    @Test
    void aSecondDecisionUnderTheSameKeyIsRefusedAndTheChainStaysWhole() {
        trail.store(record("same", "RULE-A"));
        assertThatThrownBy(() -> trail.store(record("same", "RULE-A")))
                .isInstanceOf(DuplicateIdempotencyKeyException.class);
        trail.store(record(null, "RULE-A"));
        assertThat(verifier.verify(null).valid()).isTrue();
        assertThat(verifier.verify(null).checked()).isEqualTo(2);
    }

    @Test
    void aDuplicateKeyInOneBatchRefusesOnlyThatRecord() {
        DecisionRecord first = record("twice", "RULE-A");
        DecisionRecord second = record("twice", "RULE-A");
        CompletableFuture<Void> a;
        CompletableFuture<Void> b;
        CompletableFuture<Void> keyless;
        CompletableFuture<Void> otherKey;
        try (WriterHold hold = WriterHold.of(writer)) {
            a = hold.request(() -> trail.store(first));
            b = hold.request(() -> trail.store(second));
            keyless = hold.request(() -> trail.store(record(null, "RULE-A")));
            otherKey = hold.request(() -> trail.store(record("once", "RULE-A")));
            hold.awaitQueued();
        }
        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<Void> store : List.of(a, b)) {
            try {
                store.get(1, TimeUnit.MINUTES);
            } catch (Exception e) {
                failures.add(e.getCause());
            }
        }
        assertThat(failures).as("exactly one of the two records with one key is refused").singleElement()
                .isInstanceOf(DuplicateIdempotencyKeyException.class);
        assertThat(keyless).succeedsWithin(Duration.ofMinutes(1));
        assertThat(otherKey).succeedsWithin(Duration.ofMinutes(1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class)).isEqualTo(3);
        assertThat(verifier.verify(null).valid()).isTrue();
    }

    @Test
    void aKeyAlreadyStoredIsRefusedAloneInItsBatch() {
        trail.store(record("taken", "RULE-A"));
        CompletableFuture<Void> again;
        CompletableFuture<Void> keyless;
        try (WriterHold hold = WriterHold.of(writer)) {
            again = hold.request(() -> trail.store(record("taken", "RULE-A")));
            keyless = hold.request(() -> trail.store(record(null, "RULE-A")));
            hold.awaitQueued();
        }
        assertThat(again).failsWithin(Duration.ofMinutes(1)).withThrowableThat()
                .havingCause().isInstanceOf(DuplicateIdempotencyKeyException.class);
        assertThat(keyless).succeedsWithin(Duration.ofMinutes(1));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class)).isEqualTo(2);
    }

    @Test
    void idempotencyKeysAreScopedToTheirCaller() {
        DecisionRecord anonymous = record("order-7", "RULE-A");
        DecisionRecord alices = withCaller(record("order-7", "RULE-A"), "alice");
        DecisionRecord bobs = withCaller(record("order-7", "RULE-A"), "bob");
        trail.store(anonymous);
        trail.store(alices);
        trail.store(bobs);
        assertThatThrownBy(() -> trail.store(withCaller(record("order-7", "RULE-A"), "alice")))
                .isInstanceOf(DuplicateIdempotencyKeyException.class);
        assertThat(trail.findByIdempotencyKey(null, "order-7")).get().extracting(DecisionRecord::decisionId)
                .isEqualTo(anonymous.decisionId());
        assertThat(trail.findByIdempotencyKey("alice", "order-7")).get().extracting(DecisionRecord::decisionId)
                .isEqualTo(alices.decisionId());
        assertThat(trail.findByIdempotencyKey("bob", "order-7")).get().extracting(DecisionRecord::decisionId)
                .isEqualTo(bobs.decisionId());
        // The store's own constraint holds the scopes too, for a writer that skipped the check.
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_record SET idempotency_scope = 'alice'"
                + " WHERE idempotency_scope = 'bob'")).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(verifier.verify(null).valid()).isTrue();
    }

    @Test
    void aPurgeDeletesInSlicesAndDecisionsQueuedMeanwhileAreCommittedBetweenThem() throws Exception {
        storeMany(100);
        Instant cutoff = Instant.now().plusMillis(5);
        sleep(20);
        java.util.concurrent.atomic.AtomicBoolean purging = new java.util.concurrent.atomic.AtomicBoolean(true);
        ExecutorService deciding = Executors.newSingleThreadExecutor();
        Future<Integer> decided = deciding.submit(() -> {
            int count = 0;
            while (purging.get()) {
                trail.store(record(null, "RULE-A"));
                count++;
            }
            return count;
        });
        long removed;
        try {
            removed = new RetentionPurge(writer, 10).purgeBefore(cutoff);
        } finally {
            purging.set(false);
            deciding.shutdown();
        }
        int decidedMeanwhile = decided.get(1, TimeUnit.MINUTES);
        assertThat(removed).isEqualTo(100);
        List<Long> purges = jdbc.queryForList("SELECT seq FROM audit_record WHERE kind = 'PURGE' ORDER BY seq", Long.class);
        assertThat(purges).as("one purge record per slice of 10").hasSize(10);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record WHERE kind = 'DECISION' AND seq > ? AND seq < ?",
                Long.class, purges.get(0), purges.get(purges.size() - 1)))
                .as("decisions committed between the purge's first and last slice").isPositive();
        ChainVerifier.Result result = verifier.verify(null);
        assertThat(result.valid()).as(String.valueOf(result.firstBroken())).isTrue();
        assertThat(result.checked()).isEqualTo(decidedMeanwhile + purges.size());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_rule_fired", Long.class)).isEqualTo(decidedMeanwhile);
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

    private static VerificationJobs.Status awaitEnd(VerificationJobs jobs, String id) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> jobs.find(id).orElseThrow(), status -> status.state() == VerificationJobs.State.DONE
                        || status.state() == VerificationJobs.State.FAILED);
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

    private static DecisionRecord decidedAt(DecisionRecord r, Instant at, String verdict) {
        return new DecisionRecord(r.decisionId(), at, r.rulesetVersion(), verdict, r.idempotencyKey(),
                r.requestHash(), r.requestBody(), r.responseBody(), r.traceJson(), r.timingsJson(), r.caller(), r.ruleIds());
    }

    private static DecisionRecord withCaller(DecisionRecord r, String caller) {
        return new DecisionRecord(r.decisionId(), r.decidedAt(), r.rulesetVersion(), r.verdict(), r.idempotencyKey(),
                r.requestHash(), r.requestBody(), r.responseBody(), r.traceJson(), r.timingsJson(), caller, r.ruleIds());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
