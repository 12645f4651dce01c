package nl.draagvlak.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule's change reads as diff -u writes it: the whole rule as context, a removed line before its replacement. */
class UnifiedDiffTests {

    @Test
    void aChangedLineIsRemovedThenAddedBetweenItsContext() {
        String diff = UnifiedDiff.of("rules/a.drl", 9, List.of("rule \"x\"", "then", "  old();", "end"),
                "rules/a.drl", 9, List.of("rule \"x\"", "then", "  new();", "end"));
        assertThat(diff).isEqualTo("""
                --- a/rules/a.drl
                +++ b/rules/a.drl
                @@ -9,4 +9,4 @@
                 rule "x"
                 then
                -  old();
                +  new();
                 end
                """);
    }

    @Test
    void anAddedLineIsOnlyAdded() {
        String diff = UnifiedDiff.of("rules/a.drl", 1, List.of("a", "c"), "rules/a.drl", 1, List.of("a", "b", "c"));
        assertThat(diff).endsWith("@@ -1,2 +1,3 @@\n a\n+b\n c\n");
    }
}
