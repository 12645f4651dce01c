package nl.draagvlak.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.draagvlak.support.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the group-commit writer answers when a wait runs out, a job fails, the writer dies or the
 * service stops; on the embedded store (the behaviour does not depend on the store).
 */
class GroupCommitWriterTests {

    /** Longer than any test takes: a request that got its answer did not wait for this. */
    private static final Duration PATIENT = Duration.ofMinutes(10);

    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;
    private final List<GroupCommitWriter> writers = new ArrayList<>();

    @BeforeEach
    void openStore() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestDatabases.h2Url());
        config.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void closeStore() {
        writers.forEach(GroupCommitWriter::close);
        dataSource.close();
    }

    private GroupCommitWriter writer(Duration waitLimit, Duration storeTimeout) {
        GroupCommitWriter writer = new GroupCommitWriter(dataSource, waitLimit, storeTimeout);
        writers.add(writer);
        return writer;
    }

    @Test
    void aRecordWhoseWaitRanOutIsWithdrawnAndNeverStored() {
        GroupCommitWriter writer = writer(Duration.ofMillis(300), PATIENT);
        DecisionRecord refused = AuditStoreContract.record("gave-up", "RULE-A");
        try (WriterHold hold = WriterHold.of(writer)) {
            assertThatThrownBy(() -> writer.append(refused))
                    .isExactlyInstanceOf(AuditUnavailableException.class)
                    .hasMessageContaining("withdrawn");
        }
        // The writer is past the held batch once a later record is committed.
        writer.append(AuditStoreContract.record(null, "RULE-A"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record WHERE decision_id = ?", Long.class,
                refused.decisionId())).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class)).isEqualTo(1);
    }

    @Test
    void aRecordWhoseBatchWasSentWaitsForItsOutcomePastItsWaitLimit() throws Exception {
        // The wait limit leaves time to queue both requests behind the hold on a loaded machine.
        GroupCommitWriter writer = writer(Duration.ofSeconds(3), PATIENT);
        CountDownLatch slowJobRunning = new CountDownLatch(1);
        CountDownLatch releaseSlowJob = new CountDownLatch(1);
        DecisionRecord late = AuditStoreContract.record(null, "RULE-A");
        CompletableFuture<Void> store;
        try (WriterHold hold = WriterHold.of(writer)) {
            // Queued together, so that the writer claims both in one batch: the record is sent with
            // a job that keeps the batch from committing past the record's wait limit.
            hold.request(() -> writer.submit((connection, head) -> {
                slowJobRunning.countDown();
                awaitQuietly(releaseSlowJob);
                return head;
            }));
            store = hold.request(() -> writer.append(late));
            hold.awaitQueued();
        }
        assertThat(slowJobRunning.await(1, TimeUnit.MINUTES)).isTrue();
        Thread.sleep(3_500);
        assertThat(store).as("still waiting past its wait limit").isNotDone();
        releaseSlowJob.countDown();
        assertThat(store).succeedsWithin(PATIENT);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record WHERE decision_id = ?", Long.class,
                late.decisionId())).isEqualTo(1);
    }

    @Test
    void aBatchSentButNotAnsweredWithinTheStoreTimeoutHasAnUnknownOutcome() throws Exception {
        GroupCommitWriter writer = writer(Duration.ofSeconds(3), Duration.ofSeconds(1));
        CountDownLatch releaseSlowJob = new CountDownLatch(1);
        CompletableFuture<Void> store;
        try (WriterHold hold = WriterHold.of(writer)) {
            hold.request(() -> writer.submit((connection, head) -> {
                awaitQuietly(releaseSlowJob);
                return head;
            }));
            store = hold.request(() -> writer.append(AuditStoreContract.record(null, "RULE-A")));
            hold.awaitQueued();
        }
        try {
            assertThat(store).failsWithin(PATIENT).withThrowableThat().havingCause()
                    .isInstanceOf(AuditOutcomeUnknownException.class);
        } finally {
            releaseSlowJob.countDown();
        }
        writer.append(AuditStoreContract.record(null, "RULE-A"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class))
                .as("the batch committed after all: that is why its outcome was not called a failure").isEqualTo(2);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFailingJobFailsOnlyItsBatchAndTheWriterGoesOn() {
        GroupCommitWriter writer = writer(PATIENT, PATIENT);
        assertThatThrownBy(() -> writer.submit((connection, head) -> {
            throw new IllegalStateException("broken job");
        })).as("a programming error, which no retry fixes").isInstanceOf(AuditStoreFailureException.class)
                .hasMessageContaining("broken job");
        writer.append(AuditStoreContract.record(null, "RULE-A"));
        assertThat(writer.isAlive()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class)).isEqualTo(1);
    }

    @Test
    void anErrorThrownInABatchFailsOnlyThatBatch() {
        GroupCommitWriter writer = writer(PATIENT, PATIENT);
        // What PostgreSQL's driver throws when the connection breaks during a JDBC batch.
        assertThatThrownBy(() -> writer.submit((connection, head) -> {
            throw new AssertionError("pgStatement.getConnection().getAutoCommit() should not throw");
        })).isInstanceOf(AuditUnavailableException.class);
        writer.append(AuditStoreContract.record(null, "RULE-A"));
        assertThat(writer.isAlive()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class)).isEqualTo(1);
    }

    @Test
    void aVirtualMachineErrorStopsTheWriterAndEveryWaitingRequestFailsAtOnce() {
        GroupCommitWriter writer = writer(PATIENT, PATIENT);
        CompletableFuture<Void> waiting;
        WriterHold hold = WriterHold.endingWith(writer, new StackOverflowError("job broke the writer"));
        waiting = hold.request(() -> writer.append(AuditStoreContract.record(null, "RULE-A")));
        hold.awaitQueued();
        hold.release();
        assertThat(hold.job()).failsWithin(PATIENT).withThrowableThat().havingCause()
                .isInstanceOf(AuditUnavailableException.class);
        assertThat(waiting).as("answered at once, not after its wait limit").failsWithin(Duration.ofMinutes(1))
                .withThrowableThat().havingCause().isInstanceOf(AuditUnavailableException.class);
        assertThat(writer.isAlive()).isFalse();
        assertThatThrownBy(() -> writer.append(AuditStoreContract.record(null, "RULE-A")))
                .isInstanceOf(AuditUnavailableException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class)).isZero();
    }

    @Test
    void closingCommitsWhatIsQueuedAnswersEveryRequestAndEndsTheThread() throws Exception {
        GroupCommitWriter writer = writer(PATIENT, PATIENT);
        List<CompletableFuture<Void>> stores = new ArrayList<>();
        CompletableFuture<Void> closed;
        try (WriterHold hold = WriterHold.of(writer)) {
            for (int i = 0; i < 20; i++) {
                stores.add(hold.request(() -> writer.append(AuditStoreContract.record(null, "RULE-A"))));
            }
            hold.awaitQueued();
            closed = CompletableFuture.runAsync(writer::close);
            Thread.sleep(100);
            assertThat(closed).as("close waits for the queue").isNotDone();
        }
        closed.get(1, TimeUnit.MINUTES);
        for (CompletableFuture<Void> store : stores) {
            assertThat(store).succeedsWithin(Duration.ofMinutes(1));
        }
        assertThat(writer.isAlive()).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class)).isEqualTo(20);
        assertThatThrownBy(() -> writer.append(AuditStoreContract.record(null, "RULE-A")))
                .isInstanceOf(AuditUnavailableException.class);
    }

    @Test
    void closingAStuckWriterReturnsWithinItsBoundAndAnswersTheQueuedRequests() throws Exception {
        GroupCommitWriter writer = writer(Duration.ofMillis(500), Duration.ofMillis(500));
        try (WriterHold hold = WriterHold.of(writer)) {
            CompletableFuture<Void> queued = hold.request(() -> writer.append(AuditStoreContract.record(null, "RULE-A")));
            hold.awaitQueued();
            CompletableFuture.runAsync(writer::close).get(1, TimeUnit.MINUTES);
            assertThat(queued).failsWithin(Duration.ofMinutes(1)).withThrowableThat().havingCause()
                    .isInstanceOf(AuditUnavailableException.class);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_record", Long.class)).isZero();
    }
}
