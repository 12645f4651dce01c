package nl.draagvlak.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import nl.draagvlak.engine.CompiledRuleset;
import org.junit.jupiter.api.Test;

/** The start-up compile hands over whatever it throws, so that the start fails instead of waiting for ever. */
class RulesetWarmupTests {

    @Test
    void anErrorInTheStartUpCompileFailsTheStart() {
        CompletableFuture<CompiledRuleset> compile = RulesetWarmup.inBackground(() -> {
            throw new NoClassDefFoundError("org/drools/Missing");
        });
        assertThat(compile).failsWithin(Duration.ofMinutes(1));
        assertThatThrownBy(() -> ActiveRuleset.join(compile)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("org/drools/Missing");
    }
}
