package nl.draagvlak.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import nl.draagvlak.audit.AuditTrail;
import nl.draagvlak.audit.DecisionRecord;
import nl.draagvlak.audit.FailureRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** The audit parts of readiness: asked only when decisions are stored. */
class ReadinessIndicatorsTests {

    @Test
    void aStoreThatCannotWriteIsNotReady() {
        assertThat(ReadinessConfiguration.storeReady(trail(true, true), () -> false).getStatus()).isEqualTo(Status.DOWN);
        assertThat(ReadinessConfiguration.storeReady(trail(true, true), () -> true).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aWriterThatStoppedIsNotReady() {
        assertThat(ReadinessConfiguration.writerReady(trail(true, false)).getStatus()).isEqualTo(Status.DOWN);
        assertThat(ReadinessConfiguration.writerReady(trail(true, true)).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void withAuditOffNeitherTheStoreNorTheWriterIsNeeded() {
        AuditTrail nothingStored = trail(false, false);
        assertThat(ReadinessConfiguration.storeReady(nothingStored, () -> {
            throw new AssertionError("the store is not asked when nothing is stored");
        }).getStatus()).isEqualTo(Status.UP);
        assertThat(ReadinessConfiguration.writerReady(nothingStored).getStatus()).isEqualTo(Status.UP);
    }

    private static AuditTrail trail(boolean records, boolean writerAlive) {
        return new AuditTrail() {
            @Override
            public void store(DecisionRecord record) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void storeFailure(FailureRecord failure) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean records() {
                return records;
            }

            @Override
            public boolean isWriterAlive() {
                return writerAlive;
            }

            @Override
            public Optional<DecisionRecord> findByIdempotencyKey(String caller, String key) {
                return Optional.empty();
            }
        };
    }
}
