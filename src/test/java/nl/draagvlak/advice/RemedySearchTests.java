package nl.draagvlak.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import nl.draagvlak.engine.DecisionEngine;
import org.junit.jupiter.api.Test;

class RemedySearchTests {

    private final RemedySearch search = new RemedySearch(new DecisionEngine());

    @Test
    void readmeExample() {
        var ruleset = AdviceRequests.catalogue();
        for (int i = 0; i < 3; i++) {
        long start = System.nanoTime();
        Remedies remedies = search.search(ruleset, AdviceRequests.parse(AdviceRequests.README), 3,
                Duration.ofSeconds(60));
        System.out.println((System.nanoTime() - start) / 1000 + " us " + remedies);
        assertThat(remedies.remedies()).isNotEmpty();
        }
    }
}
