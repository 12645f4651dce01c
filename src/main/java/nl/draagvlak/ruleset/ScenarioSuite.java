package nl.draagvlak.ruleset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.scenario.ScenarioFiles;
import nl.draagvlak.scenario.ScenarioResult;
import nl.draagvlak.scenario.ScenarioRunner;

/** Every scenario of the cases folder, run against one ruleset. */
public final class ScenarioSuite {

    private final Path folder;
    private final ScenarioRunner runner = new ScenarioRunner();

    public ScenarioSuite(Path folder) {
        this.folder = folder;
    }

    /** One scenario's run: its name, and its result, or the error that kept it from running. */
    public record Run(String name, ScenarioResult result, String error) {

        public boolean passed() {
            return error == null && result.passed();
        }
    }

    /** Whether there is a cases folder at all; without one the gate only compiles and lints. */
    public boolean present() {
        return Files.isDirectory(folder);
    }

    public Path folder() {
        return folder;
    }

    public List<Run> run(CompiledRuleset ruleset) {
        if (!present()) {
            return List.of();
        }
        List<Run> runs = new ArrayList<>();
        for (Path file : ScenarioFiles.list(folder)) {
            String name = ScenarioFiles.displayName(folder, file);
            try {
                runs.add(new Run(name, runner.run(ruleset, ScenarioFiles.read(folder, file)), null));
            } catch (RuntimeException e) {
                runs.add(new Run(name, null, e.getMessage()));
            }
        }
        return runs;
    }

    /** The names of the scenarios that fail on the ruleset, in path order. */
    public List<String> failing(CompiledRuleset ruleset) {
        return run(ruleset).stream().filter(run -> !run.passed()).map(Run::name).toList();
    }
}
