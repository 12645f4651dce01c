package bench.peer;

import java.util.List;
import nl.draagvlak.contract.DecisionRequest;
import nl.draagvlak.engine.BenchFacts;
import nl.draagvlak.model.Assessment;
import nl.draagvlak.model.Finding;
import nl.draagvlak.model.NotAssessed;
import nl.draagvlak.model.Verdict;
import nl.draagvlak.model.VerdictDecision;
import org.kie.api.KieServices;
import org.kie.api.command.Command;
import org.kie.api.command.KieCommands;
import org.kie.api.runtime.StatelessKieSession;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/decisions} as a team would write it: Jackson binds the body to the request
 * records, the records become the facts, a new stateless session runs the rules (insert, fire,
 * focus the {@code verdict} group, fire: the same rule work as the service), and the outcome is
 * written back by Jackson.
 */
@RestController
class PeerDecisionController {

    /** What the peer answers: no decision id, no trace, nothing stored. */
    record Answer(Verdict verdict, String verdictRule, List<Finding> findings, List<NotAssessed> notAssessed) {
    }

    private final PeerRules rules;
    private final KieCommands commands = KieServices.get().getCommands();

    PeerDecisionController(PeerRules rules) {
        this.rules = rules;
    }

    @PostMapping(path = "/api/v1/decisions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Answer decide(@RequestBody DecisionRequest request) {
        Assessment assessment = new Assessment(rules.metaByName());
        StatelessKieSession session = rules.kieBase().newStatelessKieSession();
        session.setGlobal("assessment", assessment);
        session.execute(commands.newBatchExecution(List.<Command<?>>of(
                commands.newInsertElements(BenchFacts.of(request)),
                commands.newFireAllRules(),
                commands.newAgendaGroupSetFocus("verdict"),
                commands.newFireAllRules())));
        if (assessment.verdicts().size() != 1) {
            throw new IllegalStateException("exactly one verdict rule must fire, " + assessment.verdicts().size() + " did");
        }
        VerdictDecision verdict = assessment.verdicts().get(0);
        return new Answer(verdict.verdict(), verdict.ruleId(), assessment.findings(), assessment.notAssessed());
    }
}
