package nl.draagvlak.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.draagvlak.engine.RuleFile;
import nl.draagvlak.engine.RuleProblem;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Keeps the words of the rules true to their numbers. A threshold lives in the one helper rule
 * that derives its conclusion ({@code insert( new Derived( Conclusion.SHORT_LEAD_TIME,
 * ...below( 12 ) ) )}); that rule and every rule deciding on the conclusion may restate it in
 * their name, metadata and messages ("under 12 months", "under a year", "more than 24 months",
 * "exactly 24 months"). Each such phrase must name the number the code compares with, so that
 * changing a threshold without its texts is a finding at the line of the stale text.
 */
public final class ThresholdLint {

    private static final Pattern COMPARISON = Pattern.compile("\\.(below|above)\\(\\s*(\\d+)\\s*\\)");
    private static final Pattern DERIVES = Pattern.compile("new\\s+Derived\\(\\s*Conclusion\\.(\\w+)");
    private static final Pattern USES = Pattern.compile("Conclusion\\.(\\w+)");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern LINE_COMMENT = Pattern.compile("//[^\n]*");
    private static final String QUANTITY = "(\\d+)[ -]months?|a year|one year|(\\d+|two|three|four|five) years";
    private static final Pattern PHRASE = Pattern.compile("(?i)\\b(under|below|less than|fewer than|shorter than"
            + "|within|over|above|more than|longer than|beyond|exactly)\\s+(?:" + QUANTITY + ")\\b");
    private static final Map<String, Integer> YEARS = Map.of("a", 1, "one", 1, "two", 2, "three", 3, "four", 4,
            "five", 5);

    /** A comparison with a fixed number, as the code writes it. */
    public record Threshold(String conclusion, String comparison, int value, String ruleId) {
    }

    private record ParsedRule(String id, String file, int start, String source) {
    }

    private ThresholdLint() {
    }

    /** Every number the rules compare an input with, each once. */
    public static Set<Integer> numbers(List<RuleFile> files) {
        Set<Integer> numbers = new TreeSet<>();
        for (ParsedRule rule : parse(files)) {
            Matcher comparison = COMPARISON.matcher(code(rule.source()));
            while (comparison.find()) {
                numbers.add(Integer.parseInt(comparison.group(2)));
            }
        }
        return numbers;
    }

    /** Each phrase that restates a threshold with another number, at its file and line. */
    public static List<RuleProblem> check(List<RuleFile> files) {
        List<ParsedRule> rules = parse(files);
        Map<String, Threshold> thresholds = thresholds(rules);
        Map<String, String> texts = new LinkedHashMap<>();
        files.forEach(file -> texts.put(file.path(), file.text()));
        List<RuleProblem> problems = new ArrayList<>();
        for (ParsedRule rule : rules) {
            List<Threshold> concerned = new ArrayList<>();
            Matcher uses = USES.matcher(code(rule.source()));
            while (uses.find()) {
                Threshold threshold = thresholds.get(uses.group(1));
                if (threshold != null && !concerned.contains(threshold)) {
                    concerned.add(threshold);
                }
            }
            Matcher literal = LITERAL.matcher(withoutComments(rule.source()));
            while (literal.find()) {
                Matcher phrase = PHRASE.matcher(literal.group(1));
                while (phrase.find()) {
                    String disagreement = disagreement(phrase, concerned);
                    if (disagreement != null) {
                        int offset = rule.start() + literal.start(1) + phrase.start();
                        problems.add(new RuleProblem(rule.file(), lineAt(texts.get(rule.file()), offset), 0,
                                rule.id() + ": \"" + phrase.group() + "\" " + disagreement));
                    }
                }
            }
        }
        return problems;
    }

    /** Why the phrase disagrees with the thresholds of the rule's conclusions, or null if it does not. */
    private static String disagreement(Matcher phrase, List<Threshold> thresholds) {
        String word = phrase.group(1).toLowerCase();
        int months = months(phrase);
        boolean exactly = word.equals("exactly");
        boolean below = List.of("under", "below", "less than", "fewer than", "shorter than", "within").contains(word);
        List<Threshold> comparable = thresholds.stream()
                .filter(threshold -> exactly || threshold.comparison().equals(below ? "below" : "above")).toList();
        if (comparable.isEmpty() || comparable.stream().anyMatch(threshold -> threshold.value() == months)) {
            return null;
        }
        Threshold threshold = comparable.get(0);
        return "says " + months + " months, but " + threshold.ruleId() + " derives " + threshold.conclusion()
                + " with " + threshold.comparison() + "( " + threshold.value() + " )";
    }

    private static int months(Matcher phrase) {
        if (phrase.group(2) != null) {
            return Integer.parseInt(phrase.group(2));
        }
        String years = phrase.group(3);
        if (years == null) {
            return 12;
        }
        return 12 * (years.chars().allMatch(Character::isDigit) ? Integer.parseInt(years) : YEARS.get(years));
    }

    /** The threshold of each conclusion whose helper rule compares with exactly one number. */
    private static Map<String, Threshold> thresholds(List<ParsedRule> rules) {
        Map<String, Threshold> thresholds = new LinkedHashMap<>();
        for (ParsedRule rule : rules) {
            String code = code(rule.source());
            Matcher derives = DERIVES.matcher(code);
            Matcher comparison = COMPARISON.matcher(code);
            List<Threshold> found = new ArrayList<>();
            if (derives.find()) {
                while (comparison.find()) {
                    found.add(new Threshold(derives.group(1), comparison.group(1),
                            Integer.parseInt(comparison.group(2)), rule.id()));
                }
            }
            if (found.size() == 1) {
                thresholds.put(found.get(0).conclusion(), found.get(0));
            }
        }
        return thresholds;
    }

    private static List<ParsedRule> parse(List<RuleFile> files) {
        List<ParsedRule> rules = new ArrayList<>();
        for (RuleFile file : files) {
            if (!file.isDrl()) {
                continue;
            }
            String text = file.text();
            DrlParser parser = new DrlParser();
            PackageDescr descr;
            try {
                descr = parser.parse(false, text);
            } catch (DroolsParserException e) {
                continue; // the compiler reports what does not parse, at its line
            }
            if (descr == null || parser.hasErrors()) {
                continue;
            }
            for (RuleDescr rule : descr.getRules()) {
                int start = Math.max(0, rule.getStartCharacter());
                int end = rule.getEndCharacter() > start ? Math.min(text.length(), rule.getEndCharacter() + 1)
                        : text.length();
                String id = rule.getAnnotation("id") == null ? rule.getName()
                        : rule.getAnnotation("id").getSingleValueAsString().replace("\"", "");
                rules.add(new ParsedRule(id, file.path(), start, text.substring(start, end)));
            }
        }
        return rules;
    }

    /** The rule's code: no comments, no string literals. */
    private static String code(String source) {
        return LITERAL.matcher(withoutComments(source)).replaceAll("\"\"");
    }

    /** Line comments blanked out (same length, so offsets still point into the file). */
    private static String withoutComments(String source) {
        Matcher comment = LINE_COMMENT.matcher(source);
        StringBuilder blanked = new StringBuilder(source);
        while (comment.find()) {
            if (!insideLiteral(source, comment.start())) {
                for (int i = comment.start(); i < comment.end(); i++) {
                    blanked.setCharAt(i, ' ');
                }
            }
        }
        return blanked.toString();
    }

    private static boolean insideLiteral(String source, int offset) {
        int lineStart = source.lastIndexOf('\n', offset - 1) + 1;
        int quotes = 0;
        for (int i = lineStart; i < offset; i++) {
            if (source.charAt(i) == '"' && (i == 0 || source.charAt(i - 1) != '\\')) {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
