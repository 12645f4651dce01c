package nl.draagvlak.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import nl.draagvlak.contract.DecisionRequest;
import nl.draagvlak.contract.EngagementInput;
import nl.draagvlak.contract.InitiativeInput;
import nl.draagvlak.contract.StakeholderInput;
import nl.draagvlak.model.Department;
import nl.draagvlak.model.Finding;
import nl.draagvlak.model.InitiativeKind;
import nl.draagvlak.model.Involvement;
import nl.draagvlak.model.OrganisationType;
import nl.draagvlak.model.Resistance;
import nl.draagvlak.model.UseCase;
import nl.draagvlak.model.Verdict;
import nl.draagvlak.support.RuleFolders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DecisionEngineTests {

    private static CompiledRuleset ruleset;

    @BeforeAll
    static void compile() {
        ruleset = new RulesetCompiler().compile(RuleFolder.read(Path.of("rules")));
    }

    static DecisionRequest hundredResistingStakeholders() {
        List<StakeholderInput> stakeholders = new ArrayList<>();
        Department[] departments = Department.values();
        for (int i = 0; i < 100; i++) {
            stakeholders.add(new StakeholderInput(departments[i % departments.length], "team " + i, true,
                    Involvement.NONE, List.of(Resistance.values()), false));
        }
        return new DecisionRequest(new InitiativeInput("big", InitiativeKind.ANALYTICS_SOLUTION,
                OrganisationType.COMPANY, UseCase.NEXT_BEST_ACTION, 6, nl.draagvlak.model.Level.LOW,
                nl.draagvlak.model.Level.LOW, true), null, null, null, null, stakeholders,
                new EngagementInput(false, nl.draagvlak.model.ItEngagement.BACKLOG_REQUEST, true, false, false, true,
                        false, false));
    }

    @Test
    void theLargestLegalRequestStaysFarBelowTheFiringBound() {
        Decision decision = new DecisionEngine().decide(ruleset, hundredResistingStakeholders(), true);
        assertThat(decision.verdict()).isEqualTo(Verdict.NOT_READY);
        assertThat(decision.firings()).isLessThan(DecisionEngine.DEFAULT_MAX_FIRINGS / 5);
        assertThat(decision.findings().stream().filter(f -> f.ruleId().equals("SUP-STAKEHOLDER-NOT-INVOLVED")))
                .hasSize(100);
        // The trace numbers every firing once, from 1, in firing order.
        assertThat(decision.trace()).isNotEmpty().extracting(TraceEntry::seq)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, decision.trace().size()).boxed().toList());
    }

    @Test
    void perStakeholderFindingsNameTheirSubjectAndPosition() {
        Decision decision = new DecisionEngine().decide(ruleset, hundredResistingStakeholders(), false);
        Finding third = decision.findings().stream()
                .filter(f -> f.ruleId().equals("SUP-STAKEHOLDER-NOT-INVOLVED") && f.stakeholderIndex() == 2)
                .findFirst().orElseThrow();
        assertThat(third.subject()).isEqualTo(Department.values()[2]);
        assertThat(decision.trace()).as("trace off").isEmpty();
    }

    @Test
    void aReusedSessionCarriesNothingFromOneDecisionToTheNext() {
        nl.draagvlak.contract.RequestReader reader = new nl.draagvlak.contract.RequestReader();
        java.nio.file.Path cases = java.nio.file.Path.of("test-cases");
        List<DecisionRequest> requests = nl.draagvlak.scenario.ScenarioFiles.list(cases).stream()
                .map(file -> reader.read(nl.draagvlak.scenario.ScenarioFiles.read(cases, file).requestJson()))
                .toList();
        DecisionEngine pooled = new DecisionEngine(DecisionEngine.DEFAULT_MAX_FIRINGS, true);
        DecisionEngine fresh = new DecisionEngine(DecisionEngine.DEFAULT_MAX_FIRINGS, false);
        for (int round = 0; round < 2; round++) {
            for (DecisionRequest request : requests) {
                Decision reused = pooled.decide(ruleset, request, true);
                Decision alone = fresh.decide(ruleset, request, true);
                assertThat(reused.findings()).isEqualTo(alone.findings());
                assertThat(reused.notAssessed()).isEqualTo(alone.notAssessed());
                assertThat(reused.verdict()).isEqualTo(alone.verdict());
                assertThat(reused.trace()).extracting(TraceEntry::ruleId)
                        .isEqualTo(alone.trace().stream().map(TraceEntry::ruleId).toList());
            }
        }
    }

    @Test
    void aRuleThatNeverSettlesIsStoppedAndNamed() {
        Path rules = RuleFolders.copyOfProjectRules();
        writeRule(rules.resolve("runaway.drl"), """
                package rules;
                import nl.draagvlak.model.*;
                global Assessment assessment;
                rule "Keeps deriving for ever"
                    @id("DERIVE-RUNAWAY")
                when
                    $plan : Initiative( )
                then
                    insert( new Derived( Conclusion.SHORT_LEAD_TIME, Check.of( true ) ) );
                    update( $plan );
                end
                """);
        CompiledRuleset looping = new RulesetCompiler().compile(RuleFolder.read(rules));
        assertThatThrownBy(() -> new DecisionEngine(2_000).decide(looping, hundredResistingStakeholders(), false))
                .isInstanceOfSatisfying(RuleExecutionException.class, e -> {
                    assertThat(e.ruleId()).isEqualTo("DERIVE-RUNAWAY");
                    assertThat(e.getMessage()).contains("rules/runaway.drl");
                });
    }

    @Test
    void aSlowRuleIsStoppedAtTheNextFiringAfterTheTimeLimitAndNamed() {
        // Fires before every other rule, so that on a slow (loaded, cold) machine the limit cannot run
        // out in an ordinary rule first.
        Path rules = RuleFolders.copyOfProjectRules();
        writeRule(rules.resolve("slow.drl"), """
                package rules;
                import nl.draagvlak.model.*;
                global Assessment assessment;
                rule "Takes its time for every stakeholder"
                    @id("DERIVE-SLOW")
                    salience 1000
                when
                    $s : Stakeholder( )
                then
                    Thread.sleep( 200 );
                end
                """);
        CompiledRuleset slow = new RulesetCompiler().compile(RuleFolder.read(rules));
        DecisionEngine engine = new DecisionEngine(DecisionEngine.DEFAULT_MAX_FIRINGS, true,
                java.time.Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThatThrownBy(() -> engine.decide(slow, hundredResistingStakeholders(), false))
                .isInstanceOfSatisfying(RuleExecutionException.class, e -> {
                    assertThat(e.ruleId()).isEqualTo("DERIVE-SLOW");
                    assertThat(e.getMessage()).contains("time limit of 300 ms").contains("rules/slow.drl");
                });
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(tookMillis).as("stopped after a few of the 100 firings, not all of them").isLessThan(100 * 200);
        DecisionRequest noStakeholders = new DecisionRequest(new InitiativeInput("small", InitiativeKind.OTHER_CHANGE,
                OrganisationType.COMPANY, null, null, null, null, null), null, null, null, null, List.of(), null);
        Decision next = engine.decide(slow, noStakeholders, false);
        assertThat(next.verdict()).as("the halted session's pool keeps deciding").isNotNull();
    }

    @Test
    void aRuleThatThrowsFailsTheDecisionNamingTheRule() {
        Path rules = RuleFolders.copyOfProjectRules();
        writeRule(rules.resolve("throws.drl"), """
                package rules;
                import nl.draagvlak.model.*;
                global Assessment assessment;
                rule "Breaks on every plan"
                    @id("DERIVE-THROWS")
                when
                    $plan : Initiative( )
                then
                    throw new IllegalStateException( "the rule broke" );
                end
                """);
        CompiledRuleset throwing = new RulesetCompiler().compile(RuleFolder.read(rules));
        assertThatThrownBy(() -> new DecisionEngine().decide(throwing, hundredResistingStakeholders(), false))
                .isInstanceOfSatisfying(RuleExecutionException.class, e -> {
                    assertThat(e.ruleId()).isEqualTo("DERIVE-THROWS");
                    assertThat(e.getMessage()).contains("the rule broke").contains("rules/throws.drl");
                });
    }

    private static void writeRule(Path file, String text) {
        try {
            java.nio.file.Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
