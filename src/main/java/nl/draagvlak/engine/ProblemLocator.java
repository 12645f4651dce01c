package nl.draagvlak.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The executable model reports some mistakes without a line (a misspelt method in a condition) or
 * in the Java it generated from a rule (a misspelt call in a consequence). A policy owner knows
 * only the DRL file, so this finds the line there: the generated code's package names the DRL
 * package, and the unknown name in the message is searched for in the rules of that package's
 * files, as Drools' parser delimits them (then in the rest of the file).
 */
final class ProblemLocator {

    private static final String GENERATED = "src/main/java/";
    private static final List<Pattern> UNKNOWN_NAME = List.of(
            Pattern.compile("^Method (\\w+) on class (\\S+) "),
            Pattern.compile("The method (\\w+)\\("),
            Pattern.compile("The constructor (\\w+)\\("),
            Pattern.compile("^(\\$?\\w+) cannot be resolved"),
            Pattern.compile("The field \\w+\\.(\\w+) is not visible"),
            Pattern.compile("^Unable to resolve ObjectType '(\\w+)'"));
    private static final Pattern DROOLS_GENERATED_FOLDER = Pattern.compile("P[0-9A-F]{2}");

    private ProblemLocator() {
    }

    static List<RuleProblem> locate(List<RuleProblem> problems, List<RuleFile> files) {
        List<RuleProblem> located = new ArrayList<>();
        for (RuleProblem problem : problems) {
            if (problem.file().startsWith(GENERATED) && problem.message().startsWith("Java source of ")) {
                continue; // the whole generated source: noise next to the error it accompanies
            }
            if (isCascade(problem)) {
                continue; // "method x on class java.lang.Object": follows from an earlier error
            }
            located.add(problem.line() > 0 && !problem.file().startsWith(GENERATED) ? problem
                    : find(problem, files).orElse(problem));
        }
        return located.isEmpty() ? problems : located;
    }

    private static boolean isCascade(RuleProblem problem) {
        return problem.message().matches("^Method \\w+ on class java\\.lang\\.Object .*");
    }

    private static Optional<RuleProblem> find(RuleProblem problem, List<RuleFile> files) {
        String name = unknownName(problem.message());
        if (name == null) {
            return Optional.empty();
        }
        Pattern use = Pattern.compile((name.startsWith("$") ? Pattern.quote(name) : "\\b" + name) + "\\b");
        for (Map.Entry<RuleFile, DrlOutline> candidate : candidates(problem, files).entrySet()) {
            RuleFile file = candidate.getKey();
            String[] lines = file.text().split("\n", -1);
            List<int[]> spans = new ArrayList<>();
            candidate.getValue().rules().forEach(rule -> spans.add(new int[] {rule.line(), rule.endLine()}));
            spans.add(new int[] {1, lines.length});
            for (int[] span : spans) {
                for (int line = span[0]; line <= Math.min(span[1], lines.length); line++) {
                    Matcher found = use.matcher(lines[line - 1].replaceAll("//.*", ""));
                    if (found.find()) {
                        return Optional.of(new RuleProblem(file.path(), line, found.start() + 1, problem.message()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String unknownName(String message) {
        for (Pattern pattern : UNKNOWN_NAME) {
            Matcher matcher = pattern.matcher(message);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return null;
    }

    /** The files the problem can be in, each with its outline, in the order given. */
    private static Map<RuleFile, DrlOutline> candidates(RuleProblem problem, List<RuleFile> files) {
        Map<RuleFile, DrlOutline> candidates = new LinkedHashMap<>();
        if (!problem.file().startsWith(GENERATED)) {
            files.stream().filter(file -> file.path().equals(problem.file()))
                    .forEach(file -> candidates.put(file, DrlOutline.of(file)));
            return candidates;
        }
        String[] segments = problem.file().substring(GENERATED.length()).split("/");
        List<String> packageParts = new ArrayList<>();
        for (int i = 0; i < segments.length - 1; i++) {
            if (!DROOLS_GENERATED_FOLDER.matcher(segments[i]).matches()) {
                packageParts.add(segments[i]);
            }
        }
        String generatedPackage = String.join(".", packageParts);
        for (RuleFile file : files) {
            DrlOutline outline = DrlOutline.of(file);
            if (outline.packageName().filter(generatedPackage::equals).isPresent()) {
                candidates.put(file, outline);
            }
        }
        return candidates;
    }
}
