package nl.draagvlak.ruleset;

import nl.draagvlak.engine.ThresholdLint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.draagvlak.engine.RuleFile;
import nl.draagvlak.engine.RuleProblem;

/**
 * What the compiler does not refuse but a policy owner's rules must never do, each finding at its
 * file and line: import anything but the fact model; in a consequence, do I/O, use reflection,
 * call {@code System} or {@code Runtime}, loop, block, or touch statics outside the fact model
 * (a consequence only inserts, modifies or calls the findings API); and state a threshold in
 * words (a rule's name, metadata or message) differently from the rule that defines it
 * ({@link ThresholdLint}, the one threshold lint, so {@code check} and the reload gate report the same).
 *
 * <p>Missing, duplicate or unknown metadata ({@code @id}, {@code @severity}, ...) is refused by the
 * compiler already ({@link nl.draagvlak.engine.RulesetCompiler}).
 */
public final class RulesetLint {

    private static final String MODEL = "nl.draagvlak.model";

    private record Forbidden(Pattern pattern, String what) {
    }

    private static final List<Forbidden> IN_CONSEQUENCES = List.of(
            new Forbidden(Pattern.compile("\\bSystem\\s*\\."), "calls System"),
            new Forbidden(Pattern.compile("\\bRuntime\\b"), "calls Runtime"),
            new Forbidden(Pattern.compile("\\b(?:java\\s*\\.\\s*(?:io|nio|net)|Files|Paths|File|FileWriter|FileReader"
                    + "|\\w*InputStream|\\w*OutputStream|\\w*Writer|\\w*Reader|Socket|URL|URI|HttpClient)\\b"
                    + "|\\bprint(?:ln|f)?\\s*\\("), "does I/O"),
            new Forbidden(Pattern.compile("\\bClass\\s*\\.\\s*forName|\\bgetClass\\s*\\(|\\bgetDeclared\\w*\\s*\\("
                    + "|\\bget(?:Method|Field|Constructor)s?\\s*\\(|\\bsetAccessible\\b|\\breflect\\b|\\.\\s*invoke\\s*\\("
                    + "|\\bnewInstance\\s*\\("), "uses reflection"),
            new Forbidden(Pattern.compile("\\b(?:for|while)\\s*\\(|\\bdo\\s*\\{"), "loops"),
            new Forbidden(Pattern.compile("\\bThread\\b|\\bsleep\\s*\\(|\\bwait\\s*\\(|\\.\\s*join\\s*\\(|\\bsynchronized\\b"
                    + "|\\b\\w*Lock\\b|\\bSemaphore\\b|\\bCountDownLatch\\b|\\bExecutor\\w*\\b|\\bCompletableFuture\\b"),
                    "blocks"),
            new Forbidden(Pattern.compile("\\bstatic\\b"), "touches statics"));

    /** {@code Name.member} on a class: allowed only for the fact model's own types (its enums). */
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.$])([A-Za-z_]\\w*)\\s*\\.\\s*[A-Za-z_]");
    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "nl");

    private static final Pattern ID = Pattern.compile("@id\\s*\\(\\s*\"([^\"]*)\"");
    private static final Pattern TYPE = Pattern.compile("@type\\s*\\(");
    private static final Pattern MESSAGE = Pattern.compile("@message\\s*\\(\\s*\"[^\"]*\\S[^\"]*\"\\s*\\)");
    private static final Pattern MESSAGE_NL = Pattern.compile("@message_nl\\s*\\(\\s*\"[^\"]*\\S[^\"]*\"\\s*\\)");

    public List<RuleProblem> check(List<RuleFile> files) {
        List<DrlText> texts = files.stream().filter(RuleFile::isDrl).map(DrlText::of).toList();
        List<RuleProblem> problems = new ArrayList<>();
        for (DrlText drl : texts) {
            imports(drl, problems);
            for (DrlText.Rule rule : drl.rules) {
                consequence(drl, rule, problems);
                messages(drl, rule, problems);
            }
        }
        problems.addAll(ThresholdLint.check(files));
        problems.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line)
                .thenComparingInt(RuleProblem::column));
        return problems;
    }

    private static void imports(DrlText drl, List<RuleProblem> problems) {
        for (DrlText.Import imported : drl.imports) {
            String name = imported.name().replaceAll("\\s+", "");
            boolean model = name.equals(MODEL + ".*")
                    || (name.startsWith(MODEL + ".") && name.substring(MODEL.length() + 1).matches("[A-Z]\\w*"));
            if (!model) {
                problems.add(new RuleProblem(drl.path, imported.line(), 1, "import " + imported.name()
                        + " is outside the fact model: rules import only " + MODEL + ".*"));
            }
        }
    }

    private static void consequence(DrlText drl, DrlText.Rule rule, List<RuleProblem> problems) {
        for (DrlText.Line line : rule.consequence()) {
            // One problem per line, with every reason found on it.
            List<String> reasons = new ArrayList<>();
            int column = -1;
            for (Forbidden forbidden : IN_CONSEQUENCES) {
                Matcher found = forbidden.pattern().matcher(line.code());
                if (found.find()) {
                    reasons.add(forbidden.what() + " (" + found.group().strip() + ")");
                    column = column < 0 ? found.start() : Math.min(column, found.start());
                }
            }
            Matcher qualified = QUALIFIED.matcher(line.code());
            while (qualified.find()) {
                String name = qualified.group(1);
                if (PACKAGE_ROOTS.contains(name) || (Character.isUpperCase(name.charAt(0)) && !isModelType(name))) {
                    reasons.add("touches statics outside the fact model (" + name + ")");
                    column = column < 0 ? qualified.start(1) : Math.min(column, qualified.start(1));
                }
            }
            if (!reasons.isEmpty()) {
                problems.add(consequenceProblem(drl, rule, line, column, String.join(", ", reasons)));
            }
        }
    }

    /** A finding rule (one with {@code @type}) carries its message in English and in Dutch, beside its condition. */
    private static void messages(DrlText drl, DrlText.Rule rule, List<RuleProblem> problems) {
        boolean finding = false;
        boolean english = false;
        boolean dutch = false;
        for (DrlText.Line line : rule.metadata()) {
            finding |= TYPE.matcher(line.text()).find();
            english |= MESSAGE.matcher(line.text()).find();
            dutch |= MESSAGE_NL.matcher(line.text()).find();
        }
        if (finding && !english) {
            problems.add(new RuleProblem(drl.path, rule.line(), 0, ruleId(rule)
                    + " has no @message(\"...\"): every finding rule states its message in English"));
        }
        if (finding && !dutch) {
            problems.add(new RuleProblem(drl.path, rule.line(), 0, ruleId(rule)
                    + " has no @message_nl(\"...\"): every finding rule states its message in Dutch"));
        }
    }

    private static RuleProblem consequenceProblem(DrlText drl, DrlText.Rule rule, DrlText.Line line, int index,
                                                  String what) {
        return new RuleProblem(drl.path, line.number(), index + 1, "rule \"" + rule.name() + "\": its consequence "
                + what + "; a consequence only inserts, modifies or calls the findings API");
    }

    private static boolean isModelType(String simpleName) {
        try {
            Class.forName(MODEL + "." + simpleName, false, RulesetLint.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String ruleId(DrlText.Rule rule) {
        for (DrlText.Line line : rule.metadata()) {
            Matcher id = ID.matcher(line.text());
            if (id.find()) {
                return id.group(1);
            }
        }
        return "rule \"" + rule.name() + "\"";
    }
}
