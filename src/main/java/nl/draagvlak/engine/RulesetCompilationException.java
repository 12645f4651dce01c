package nl.draagvlak.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The ruleset does not compile; nothing of it may be used. */
public final class RulesetCompilationException extends RuntimeException {

    private final transient List<RuleProblem> problems;

    public RulesetCompilationException(List<RuleProblem> problems) {
        super("The rules do not compile:\n" + problems.stream().map(RuleProblem::format)
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
