package nl.draagvlak.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mechanical rewritings of the catalogue's finding rules, for {@link FromCost}: each takes a rule's
 * {@code $check : Check( open ) from <expression>} and moves the expression into the pattern just
 * above it, so that the engine's {@code from} (a FromNode with a fact handle per result) is gone.
 * Applied to the real rules/ at run time, so the variants follow the catalogue as it changes, and a
 * rule the rewriting cannot read fails the run instead of silently staying as written.
 * <ul>
 * <li>{@link #withoutFrom}: the same three-valued check, as a constraint on that pattern:
 * {@code $change : ChangeStrategy( given, $check : management().is( Management.PROJECT ), $check.open )};
 * the consequence concludes {@code $check} as before. Where the check also reads another pattern's
 * binding (9 of the 46 rules today), the executable model cannot test such a binding in its own
 * pattern, so the constraint is {@code ( <expression> ).open} and the consequence makes the check again:
 * for those rules (b) evaluates the check twice per firing, once per match that does not fire;</li>
 * <li>{@link #twoValued}: plain two-valued constraints on the field values, no {@link nl.draagvlak.model.Check}
 * at all: {@code ChangeStrategy( given, (management().getValue() == Management.PROJECT) )} and
 * {@code assessment.raise( kcontext )}. An unknown field makes the rule not fire (unknown is false), so
 * this variant is a lower bound, not the catalogue: it raises no "not assessed".</li>
 * </ul>
 * The helper rules (derive.drl) and the verdict rules have no such check and stay as written.
 */
final class CheckRewriting {

    private static final Pattern CHECK_FROM = Pattern.compile(
            "\\$check\\s*:\\s*Check\\(\\s*open\\s*\\)\\s*from\\s+(.*?)\\s*\\n(\\s*)then\\b", Pattern.DOTALL);
    private static final Pattern PATTERN = Pattern.compile("^\\s*(?:(\\$\\w+)\\s*:\\s*)?(\\w+)\\s*\\((.*)\\)\\s*$",
            Pattern.DOTALL);
    private static final Pattern INNER_BINDING = Pattern.compile("(\\$\\w+)\\s*:\\s*(\\w+)");
    private static final Pattern CONCLUDE = Pattern.compile("assessment\\.conclude\\(\\s*kcontext\\s*,\\s*\\$check\\s*\\)");

    private CheckRewriting() {
    }

    /**
     * Prints a variant of the catalogue, to read what a rewritten rule looks like:
     * {@code java -cp target/bench/benchmarks.jar nl.draagvlak.engine.CheckRewriting b|c [file suffix]}.
     */
    public static void main(String[] args) {
        List<RuleFile> catalogue = RuleFolder.read(BenchRequests.rulesDir());
        List<RuleFile> variant = args.length > 0 && args[0].equals("c") ? twoValued(catalogue) : withoutFrom(catalogue);
        for (RuleFile file : variant) {
            if (file.isDrl() && (args.length < 2 || file.path().endsWith(args[1]))) {
                System.out.println("// ---- " + file.path());
                System.out.println(file.text());
            }
        }
    }

    /** Variant (b): the three-valued check as a constraint, no {@code from}. */
    static List<RuleFile> withoutFrom(List<RuleFile> files) {
        return rewrite(files, rule -> {
            String own = rule.ownExpression();
            if (!own.contains("$")) {
                return rule.replaced(rule.lastPatternWith("$check : " + own + ", $check.open"), rule.consequence);
            }
            // The executable model cannot test a binding whose expression reads another pattern's
            // binding in the same pattern, so such a check is tested as an expression and made again
            // in the consequence, which runs only for a match that fires.
            return rule.replaced(rule.lastPatternWith("( " + own + " ).open"),
                    CONCLUDE.matcher(rule.consequence).replaceAll(
                            Matcher.quoteReplacement("assessment.conclude( kcontext, " + rule.expression + " )")));
        });
    }

    /** Variant (c): two-valued constraints on the field values, no Check, no {@code from}. */
    static List<RuleFile> twoValued(List<RuleFile> files) {
        return rewrite(files, rule -> {
            String pattern = rule.lastPatternWith(toBoolean(rule.ownExpression()));
            return rule.replaced(pattern, CONCLUDE.matcher(rule.consequence).replaceAll("assessment.raise( kcontext )"));
        });
    }

    /** How many finding rules of the files conclude a check read with {@code from}. */
    static int checksReadWithFrom(List<RuleFile> files) {
        int count = 0;
        for (RuleFile file : files) {
            Matcher matcher = CHECK_FROM.matcher(file.text());
            while (matcher.find()) {
                count++;
            }
        }
        return count;
    }

    private static List<RuleFile> rewrite(List<RuleFile> files, Function<FindingRule, String> rewriting) {
        List<RuleFile> rewritten = new ArrayList<>();
        for (RuleFile file : files) {
            if (!file.isDrl()) {
                rewritten.add(file);
                continue;
            }
            String text = file.text();
            StringBuilder out = new StringBuilder();
            int copied = 0;
            Matcher matcher = CHECK_FROM.matcher(text);
            while (matcher.find()) {
                int when = text.lastIndexOf("\nwhen", matcher.start());
                int end = text.indexOf("\nend", matcher.end());
                if (when < copied || end < 0) {
                    throw new IllegalStateException(file.path() + ": a Check( open ) from outside a when-part at "
                            + matcher.start());
                }
                FindingRule rule = new FindingRule(file.path(), text.substring(when + "\nwhen".length(), matcher.start()),
                        matcher.group(1), text.substring(matcher.end(), end));
                out.append(text, copied, when).append("\nwhen").append(rewriting.apply(rule));
                copied = end;
            }
            out.append(text.substring(copied));
            rewritten.add(new RuleFile(file.path(), out.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return rewritten;
    }

    /** One finding rule: the patterns above its check, the check's expression and its consequence. */
    private static final class FindingRule {
        final String file;
        final String patternsAbove;
        final String expression;
        final String consequence;
        final int lastPatternStart;
        final Matcher last;

        FindingRule(String file, String patternsAbove, String expression, String consequence) {
            this.file = file;
            this.patternsAbove = patternsAbove;
            this.expression = expression.replaceAll("\\s+", " ").trim();
            this.consequence = consequence;
            this.lastPatternStart = lastTopLevelLine(patternsAbove);
            this.last = PATTERN.matcher(patternsAbove.substring(lastPatternStart));
            if (!last.matches()) {
                throw new IllegalStateException(file + ": cannot read the pattern above the check: "
                        + patternsAbove.substring(lastPatternStart).trim());
            }
        }

        /**
         * The expression as the last pattern's own constraint: its binding ({@code $s.}) becomes the
         * pattern itself, and a field it binds ({@code $short : check}) becomes that field.
         */
        String ownExpression() {
            String own = expression;
            if (last.group(1) != null) {
                own = own.replace(last.group(1) + ".", "");
            }
            Matcher binding = INNER_BINDING.matcher(last.group(3));
            while (binding.find()) {
                own = own.replaceAll(Pattern.quote(binding.group(1)) + "\\b", binding.group(2));
            }
            return own;
        }

        String lastPatternWith(String constraint) {
            String inner = last.group(3).trim();
            String binding = last.group(1) == null ? "" : last.group(1) + " : ";
            return binding + last.group(2) + "( " + (inner.isEmpty() ? "" : inner + ", ") + constraint + " )";
        }

        String replaced(String lastPattern, String newConsequence) {
            String above = patternsAbove.substring(0, lastPatternStart);
            return above + indentOf(patternsAbove.substring(lastPatternStart)) + lastPattern + "\nthen" + newConsequence;
        }

        private static String indentOf(String line) {
            int i = 0;
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            return line.substring(0, i);
        }

        /** Where the last pattern above the check begins: the last line break outside parentheses. */
        private static int lastTopLevelLine(String patterns) {
            String trimmed = patterns.stripTrailing();
            int depth = 0;
            int start = 0;
            for (int i = 0; i < trimmed.length(); i++) {
                char c = trimmed.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == '\n' && depth == 0 && i + 1 < trimmed.length() && !trimmed.substring(i + 1).isBlank()) {
                    start = i;
                }
            }
            return start;
        }
    }

    private static final Map<String, String> COMPARISONS = new LinkedHashMap<>();

    static {
        COMPARISONS.put("is", "== %s");
        COMPARISONS.put("isNot", "!= %s");
        COMPARISONS.put("isTrue", "== true");
        COMPARISONS.put("isFalse", "== false");
        COMPARISONS.put("isUnknown", "== null");
        COMPARISONS.put("below", "< %s");
        COMPARISONS.put("above", "> %s");
    }

    /**
     * A three-valued expression as a two-valued one: {@code a.andAlso( b )} is {@code (a && b)},
     * {@code a.orElse( b )} is {@code (a || b)} (left to right, as the calls chain), a comparison of a
     * field ({@code x().is( V )}) compares its value, and any other check (a model method such as
     * {@code resists( ... )}, a derived conclusion) counts when it holds.
     */
    static String toBoolean(String expression) {
        List<String[]> parts = splitChain(expression.trim());
        String result = atom(parts.get(0)[1]);
        for (int i = 1; i < parts.size(); i++) {
            String operator = parts.get(i)[0].equals("andAlso") ? "&&" : "||";
            result = "(" + result + " " + operator + " " + toBoolean(parts.get(i)[1]) + ")";
        }
        return result;
    }

    /** The chain's head, then each top-level {@code .andAlso( x )} / {@code .orElse( x )} as {operator, x}. */
    private static List<String[]> splitChain(String expression) {
        List<String[]> parts = new ArrayList<>();
        int depth = 0;
        int headEnd = -1;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && c == '.') {
                String rest = expression.substring(i + 1);
                String operator = rest.startsWith("andAlso(") || rest.startsWith("andAlso ") ? "andAlso"
                        : rest.startsWith("orElse(") || rest.startsWith("orElse ") ? "orElse" : null;
                if (operator != null) {
                    if (headEnd < 0) {
                        headEnd = i;
                        parts.add(new String[] {null, expression.substring(0, i)});
                    }
                    int open = expression.indexOf('(', i);
                    int close = matching(expression, open);
                    parts.add(new String[] {operator, expression.substring(open + 1, close)});
                    i = close;
                }
            }
        }
        if (headEnd < 0) {
            parts.add(new String[] {null, expression});
        }
        return parts;
    }

    private static String atom(String check) {
        String trimmed = check.trim();
        if (trimmed.endsWith(")")) {
            int open = openingOf(trimmed, trimmed.length() - 1);
            int dot = trimmed.lastIndexOf('.', open);
            String method = trimmed.substring(dot + 1, open).trim();
            String argument = trimmed.substring(open + 1, trimmed.length() - 1).trim();
            String comparison = COMPARISONS.get(method);
            if (comparison != null && dot > 0) {
                return "(" + trimmed.substring(0, dot) + ".getValue() " + String.format(comparison, argument) + ")";
            }
        }
        return trimmed + ".isHolds()";
    }

    private static int matching(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '(') {
                depth++;
            } else if (text.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced parentheses in " + text);
    }

    private static int openingOf(String text, int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            if (text.charAt(i) == ')') {
                depth++;
            } else if (text.charAt(i) == '(' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced parentheses in " + text);
    }
}
