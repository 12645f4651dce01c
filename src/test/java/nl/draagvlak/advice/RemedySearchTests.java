package nl.draagvlak.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import nl.draagvlak.engine.DecisionEngine;
import org.junit.jupiter.api.Test;

class RemedySearchTests {

    private final RemedySearch search = new RemedySearch(new DecisionEngine());

    @Test
    void aBackOfficeNotInOrderIsRemediedByPuttingItInOrder() {
        Remedies remedies = search.search(AdviceRequests.catalogue(), AdviceRequests.parse(AdviceRequests.BACK_OFFICE_NOT_IN_ORDER), 3, Duration.ofSeconds(30));
        assertThat(remedies.complete()).isTrue();
        assertThat(remedies.remedies()).first().satisfies(remedy -> {
            assertThat(remedy.verdict()).isEqualTo("READY");
            assertThat(remedy.changes()).containsExactly(new Change("preconditions.backOfficeInOrder", false, true));
            assertThat(remedy.changes().get(0).from()).isEqualTo(false);
            assertThat(remedy.removes()).extracting(FindingRef::ruleId).containsExactly("MIG-BACKOFFICE-NOT-IN-ORDER");
        });
    }

    @Test
    void noRemedyChangesWhatIsNotTheOwnersToChange() {
        Remedies remedies = search.search(AdviceRequests.catalogue(), AdviceRequests.parse(AdviceRequests.README), 3,
                Duration.ofSeconds(60));
        assertThat(remedies.remedies()).isNotEmpty().allSatisfy(remedy -> assertThat(remedy.changes())
                .extracting(Change::path)
                .noneMatch(path -> path.startsWith("initiative.kind") || path.endsWith(".resistance")
                        || path.endsWith(".department") || path.endsWith(".affected")
                        || path.equals("engagement.prototypePlanned")));
        // Resistance is no lever, and distrust is a high finding: READY is out of reach.
        assertThat(remedies.remedies()).extracting(Remedy::verdict).containsOnly("PROCEED_WITH_CONDITIONS");
    }

    @Test
    void aSearchPastItsTimeLimitSaysItIsIncomplete() {
        long[] now = {0};
        RemedySearch slow = new RemedySearch(new DecisionEngine(), () -> now[0] += 1_000_000_000L);
        Remedies remedies = slow.search(AdviceRequests.catalogue(), AdviceRequests.parse(AdviceRequests.README), 3,
                Duration.ofMillis(500));
        assertThat(remedies.complete()).isFalse();
    }

    @Test
    void aReadyDecisionHasNoRemedies() {
        Remedies remedies = search.search(AdviceRequests.catalogue(), AdviceRequests.parse(AdviceRequests.READY), 3, Duration.ofSeconds(30));
        assertThat(remedies.remedies()).isEqualTo(List.of());
        assertThat(remedies.complete()).isTrue();
    }
}
